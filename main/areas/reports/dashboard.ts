/** The team leads' dashboard: aggregates only (no client data), each series complete over the range. */
import { ADVICE_LANGUAGES, ADVICE_TOPICS, CASE_TYPES, CHANNELS, DECISIONS } from '../../../shared/caseTypes';
import { addDays, addMonthsClamped, isoWeek, isoWeekMonday } from '../../../shared/dates';
import { AGE_BUCKETS, type Dashboard } from '../../../shared/contract/reports';
import type { Context } from '../../app/context';
import { teamNames } from '../org/queries';
import {
  adviceContacts,
  completions,
  assessmentShareByMonth,
  assessmentWork,
  decisionsByMonth,
  feedbackByTeam,
  inflowByDay,
  openByAge,
  startDeadlines,
  type DashboardRange,
  areaNames,
} from './dashboardQueries';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function weeksOf(r: DashboardRange): string[] {
  const weeks: string[] = [];
  for (let monday = isoWeekMonday(isoWeek(r.from)); monday <= r.to; monday = addDays(monday, 7))
    weeks.push(isoWeek(monday));
  return weeks;
}

function monthsOf(r: DashboardRange): string[] {
  const months: string[] = [];
  for (let first = `${r.from.slice(0, 7)}-01`; first <= r.to; first = addMonthsClamped(first, 1))
    months.push(first.slice(0, 7));
  return months;
}

export async function dashboard(core: Context, range: DashboardRange): Promise<Dashboard> {
  const db = core.db;
  const [inflow, decisions, starts, completed, ages, advice, areas, shares, work, feedback, teams] = await Promise.all([
    inflowByDay(db, range),
    decisionsByMonth(db, range),
    startDeadlines(db, range),
    completions(db, range),
    openByAge(db, range),
    adviceContacts(db, range),
    areaNames(db),
    assessmentShareByMonth(db, range),
    assessmentWork(db, range),
    feedbackByTeam(db, range),
    teamNames(db),
  ]);
  await core.audit({ actor: core.actor(), action: 'reports.dashboard', details: { from: range.from, to: range.to } });

  const weeks = new Map(
    weeksOf(range).map((week) => [week, { week, total: 0, byType: zeros(CASE_TYPES), byChannel: zeros(CHANNELS) }]),
  );
  for (const row of inflow) {
    const w = weeks.get(isoWeek(row.date))!;
    const n = Number(row.n);
    w.total += n;
    w.byType[row.type as (typeof CASE_TYPES)[number]] += n;
    w.byChannel[row.channel as (typeof CHANNELS)[number]] += n;
  }

  const months = monthsOf(range);
  const byMonth = new Map(months.map((month) => [month, { month, total: 0, byDecision: zeros(DECISIONS) }]));
  for (const row of decisions) {
    const m = byMonth.get(row.month)!;
    m.total += Number(row.n);
    m.byDecision[row.decision as (typeof DECISIONS)[number]] += Number(row.n);
  }

  const onTime = () => ({ startDue: 0, startOnTime: 0, completed: 0, completedOnTime: 0 });
  const perMonth = new Map(months.map((month) => [month, { month, ...onTime() }]));
  const perArea = new Map(
    areas.map((a) => [a.id, { areaId: a.id, nameFi: a.name_fi, nameSv: a.name_sv, ...onTime() }]),
  );
  for (const row of starts) {
    for (const target of [perMonth.get(row.month), perArea.get(row.area_id)]) {
      if (!target) continue;
      target.startDue += Number(row.due);
      target.startOnTime += Number(row.met);
    }
  }
  for (const row of completed) {
    for (const target of [perMonth.get(row.month), perArea.get(row.area_id)]) {
      if (!target) continue;
      target.completed += Number(row.due);
      target.completedOnTime += Number(row.met);
    }
  }

  const adviceByTopic = zeros(ADVICE_TOPICS);
  const adviceByLanguage = zeros(ADVICE_LANGUAGES);
  for (const row of advice) {
    adviceByTopic[row.topic as (typeof ADVICE_TOPICS)[number]] += Number(row.n);
    adviceByLanguage[row.language as (typeof ADVICE_LANGUAGES)[number]] += Number(row.n);
  }

  return {
    from: range.from,
    to: range.to,
    today: range.today,
    inflowByWeek: [...weeks.values()],
    decisionsByMonth: [...byMonth.values()],
    assessmentShareByMonth: months.map((month) => {
      const of = (m: string) => shares.find((s) => s.month === m);
      const counts = (row: (typeof shares)[number] | undefined) => ({
        pending: Number(row?.pending ?? 0),
        started: Number(row?.started ?? 0),
      });
      const row = of(month);
      const yearEarlier = `${String(Number(month.slice(0, 4)) - 1)}${month.slice(4)}`;
      return {
        month,
        ...counts(row),
        childWelfare: { pending: Number(row?.cwPending ?? 0), started: Number(row?.cwStarted ?? 0) },
        yearEarlier: counts(of(yearEarlier)),
      };
    }),
    onTimeByMonth: [...perMonth.values()],
    onTimeByArea: [...perArea.values()],
    assessmentWorkByArea: areas.map((a) => {
      const row = work.find((w) => w.area_id === a.id);
      return {
        areaId: a.id,
        nameFi: a.name_fi,
        nameSv: a.name_sv,
        completed: Number(row?.completed ?? 0),
        meetingsHeld: row?.meetings ?? 0,
        homeVisit: Number(row?.homeVisit ?? 0),
        childMet: Number(row?.childMet ?? 0),
        summaryDelivered: Number(row?.summaryDelivered ?? 0),
        handedOver: Number(row?.handedOver ?? 0),
        handoverDays: Math.round(Number(row?.handoverDays ?? 0)),
      };
    }),
    feedbackByTeam: feedback.map((f) => ({
      teamId: f.team_id,
      name: teams.find((t) => t.id === f.team_id)?.name ?? f.team_id,
      answers: Number(f.answers),
      helped: Number(f.helped),
      heard: Number(f.heard),
      clear: Number(f.clear),
    })),
    openByAge: AGE_BUCKETS.map((bucket) => ({ bucket, n: Number(ages.find((a) => a.bucket === bucket)?.n ?? 0) })),
    adviceByTopic,
    adviceByLanguage,
  };
}
