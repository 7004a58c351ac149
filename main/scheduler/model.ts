/**
 * The duty roster as a mixed-integer programme (docs/formats.md, "Roster scenario"). Hard rules are constraints
 * or missing variables (nobody can be put where they may not be); every slot has a heavily penalised
 * "uncovered" slack, so demand that cannot be met legally shows up as uncovered instead of infeasibility.
 * Soft goals (fairness against FTE-weighted targets counting history, wishes off) are
 * weighted terms of the objective, each far below the cost of an uncovered slot.
 */
import { workingDayCalendar } from '../../shared/calendar';
import { isoWeek, type LocalDate } from '../../shared/dates';
import { ASSESSMENT_WEEK, type Scenario } from '../../shared/rosterScenario';
import { isAbsent, weekWorkingDays } from './availability';

export const WEIGHTS = { uncovered: 1000, keep: 200, fairness: 20, wishOff: 10 } as const;

/** An assignment to keep if the hard rules allow (a repair changes as little as it can). */
export interface Preferred {
  workerId: string;
  duty: string;
  date?: string;
  week?: string;
}

export interface DailyVar {
  name: string;
  worker: number;
  day: number;
  duty: number;
}
export interface WeekVar {
  name: string;
  worker: number;
  week: number;
}

export interface RosterModel {
  lp: string;
  days: LocalDate[];
  weeks: { id: string; allWorkingDays: LocalDate[] }[];
  daily: DailyVar[];
  weekly: WeekVar[];
  /** Uncovered slack per (day, duty) and per week. */
  uncoveredDaily: { name: string; day: number; duty: number }[];
  uncoveredWeekly: { name: string; week: number }[];
  swedishSlack: { name: string; day: number }[];
}

/** Writes a linear expression a few terms per line (the LP reader's lines stay short). */
function sum(terms: string[]): string {
  return terms
    .map(
      (t, i) =>
        `${i === 0 ? '' : t.startsWith('-') ? ' - ' : ' + '}${i > 0 && i % 8 === 0 ? '\n   ' : ''}${i > 0 && t.startsWith('-') ? t.slice(1) : t}`,
    )
    .join('');
}

export function buildModel(s: Scenario, prefer: readonly Preferred[] = []): RosterModel {
  const calendar = workingDayCalendar(s.closureDays);
  const days = calendar.workingDays(s.period.from, s.period.to);
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  const weekIds: string[] = [...new Set(days.map(isoWeek))];
  const weeks = weekIds.map((id) => ({ id, allWorkingDays: weekWorkingDays(calendar, id) }));
  const eligible = (worker: number, duty: number) =>
    s.dutyTypes[duty]!.requires === 'ANY' || s.workers[worker]!.role === 'SOCIAL_WORKER';

  const daily: DailyVar[] = [];
  s.workers.forEach((_, w) =>
    days.forEach((date, d) =>
      s.dutyTypes.forEach((_, t) => {
        if (eligible(w, t) && !isAbsent(s.workers[w]!, date))
          daily.push({ name: `x${w}_${d}_${t}`, worker: w, day: d, duty: t });
      }),
    ),
  );
  const weekly: WeekVar[] = [];
  if (s.assessmentWeek)
    s.workers.forEach((worker, w) => {
      if (worker.role !== 'SOCIAL_WORKER') return;
      weeks.forEach((week, k) => {
        if (week.allWorkingDays.every((date) => !isAbsent(worker, date)))
          weekly.push({ name: `a${w}_${k}`, worker: w, week: k });
      });
    });

  const uncoveredDaily = days.flatMap((_, d) => s.dutyTypes.map((_, t) => ({ name: `u${d}_${t}`, day: d, duty: t })));
  const uncoveredWeekly = s.assessmentWeek ? weeks.map((_, k) => ({ name: `ua${k}`, week: k })) : [];
  const reception = s.dutyTypes.findIndex((t) => t.id === 'RECEPTION');
  const swedish = s.workers.map((w) => w.languages.includes('sv'));
  const swedishSlack =
    s.rules.swedishOnReceptionDaily && reception >= 0 && s.dutyTypes[reception]!.perDay > 0
      ? days.map((_, d) => ({ name: `us${d}`, day: d }))
      : [];

  const byWorkerDay = new Map<string, DailyVar[]>();
  const byWorkerWeek = new Map<string, DailyVar[]>();
  const bySlot = new Map<string, DailyVar[]>();
  const weekOfDay = days.map((date) => weekIds.indexOf(isoWeek(date)));
  const push = <T>(map: Map<string, T[]>, key: string, v: T) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  for (const v of daily) {
    push(byWorkerDay, `${v.worker}_${v.day}`, v);
    push(byWorkerWeek, `${v.worker}_${weekOfDay[v.day]}`, v);
    push(bySlot, `${v.day}_${v.duty}`, v);
  }
  const weekVar = new Map(weekly.map((v) => [`${v.worker}_${v.week}`, v]));

  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  let row = 0;
  const constraint = (lhs: string[], sense: string, rhs: number) =>
    rows.push(` c${row++}: ${sum(lhs)} ${sense} ${rhs}`);

  // Cover every slot exactly, or leave it uncovered.
  for (const u of uncoveredDaily) {
    const perDay = s.dutyTypes[u.duty]!.perDay;
    constraint([...(bySlot.get(`${u.day}_${u.duty}`) ?? []).map((v) => v.name), u.name], '=', perDay);
    bounds.push(` 0 <= ${u.name} <= ${perDay}`);
    generals.push(u.name);
    objective.push(`${WEIGHTS.uncovered} ${u.name}`);
  }
  // One daily duty a day, and none in one's assessment week.
  for (const [key, vars] of byWorkerDay) {
    const [w, d] = key.split('_').map(Number) as [number, number];
    const a = weekVar.get(`${w}_${weekOfDay[d]}`);
    if (vars.length > 1 || a) constraint([...vars.map((v) => v.name), ...(a ? [a.name] : [])], '<=', 1);
  }
  // At most maxDutiesPerWeek daily duties per ISO week. This cap is also what spreads a person's duties
  // across weeks: an explicit spread penalty (a slack per person-week) made 40 workers x 26 weeks take
  // 45-50 s instead of 4 s, for rosters that the cap already spreads.
  for (const [key, vars] of byWorkerWeek) {
    const max = s.workers[Number(key.split('_')[0])]!.maxDutiesPerWeek;
    if (vars.length > max)
      constraint(
        vars.map((v) => v.name),
        '<=',
        max,
      );
  }
  // Exactly one social worker per ISO week on the assessment week, never two weeks in a row.
  for (const u of uncoveredWeekly) {
    constraint([...weekly.filter((v) => v.week === u.week).map((v) => v.name), u.name], '=', 1);
    generals.push(u.name);
    bounds.push(` 0 <= ${u.name} <= 1`);
    objective.push(`${WEIGHTS.uncovered} ${u.name}`);
  }
  if (s.rules.noConsecutiveAssessmentWeeks)
    for (const v of weekly) {
      const next = weekVar.get(`${v.worker}_${v.week + 1}`);
      if (next) constraint([v.name, next.name], '<=', 1);
    }
  // A Swedish speaker on reception every working day: else one reception slot stays uncovered.
  for (const us of swedishSlack) {
    const speakers = (bySlot.get(`${us.day}_${reception}`) ?? []).filter((v) => swedish[v.worker]);
    constraint([...speakers.map((v) => v.name), us.name], '>=', 1);
    constraint([`u${us.day}_${reception}`, `-1 ${us.name}`], '>=', 0);
    generals.push(us.name);
    bounds.push(` 0 <= ${us.name} <= 1`);
  }
  // Wishes off.
  s.workers.forEach((worker, w) => {
    for (const date of worker.wishesOff) {
      const d = dayIndex.get(date);
      if (d === undefined) continue;
      for (const v of byWorkerDay.get(`${w}_${d}`) ?? []) objective.push(`${WEIGHTS.wishOff} ${v.name}`);
    }
  });
  // Keeping an existing assignment is worth more than any fairness gain, less than covering a slot.
  for (const p of prefer) {
    const w = s.workers.findIndex((x) => x.id === p.workerId);
    const v = p.week
      ? weekVar.get(`${w}_${weekIds.indexOf(p.week)}`)
      : bySlot
          .get(`${dayIndex.get(p.date!)}_${s.dutyTypes.findIndex((t) => t.id === p.duty)}`)
          ?.find((x) => x.worker === w);
    if (v) objective.push(`-${WEIGHTS.keep} ${v.name}`);
  }
  // Fairness: each person's count of each duty near their share of all duties (period plus history),
  // in proportion to FTE and to the days (weeks) they are available for it.
  const fairness = (duty: string, vars: { name: string; worker: number }[], slots: number) => {
    const perWorker = s.workers.map((_, w) => vars.filter((v) => v.worker === w));
    const weight = perWorker.map((v, w) => s.workers[w]!.fte * v.length);
    const totalWeight = weight.reduce((a, b) => a + b, 0);
    if (!totalWeight) return;
    const history = (w: number) => s.workers[w]!.history[duty] ?? 0;
    const total = slots + perWorker.reduce((acc, v, w) => acc + (v.length ? history(w) : 0), 0);
    perWorker.forEach((v, w) => {
      if (!v.length) return;
      const target = (total * weight[w]!) / totalWeight - history(w);
      const p = `dp${w}_${duty}`;
      const m = `dm${w}_${duty}`;
      constraint([...v.map((x) => x.name), `-1 ${p}`, m], '=', Number(target.toFixed(6)));
      objective.push(`${WEIGHTS.fairness} ${p}`, `${WEIGHTS.fairness} ${m}`);
    });
  };
  s.dutyTypes.forEach((t, k) =>
    fairness(
      t.id,
      daily.filter((v) => v.duty === k),
      t.perDay * days.length,
    ),
  );
  if (s.assessmentWeek) fairness(ASSESSMENT_WEEK, weekly, weeks.length);

  // Locks: the locked assignment is fixed at 1 (validated beforehand to exist).
  for (const lock of s.locks) {
    const w = s.workers.findIndex((x) => x.id === lock.workerId);
    if (lock.week) bounds.push(` ${weekVar.get(`${w}_${weekIds.indexOf(lock.week)}`)!.name} = 1`);
    else {
      const t = s.dutyTypes.findIndex((x) => x.id === lock.duty);
      const v = bySlot.get(`${dayIndex.get(lock.date!)}_${t}`)!.find((x) => x.worker === w)!;
      bounds.push(` ${v.name} = 1`);
    }
  }

  const binaries = [...daily, ...weekly].map((v) => v.name);
  const lp = [
    'Minimize',
    ` obj: ${sum(objective)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binaries',
    ...chunk(binaries),
    'Generals',
    ...chunk(generals),
    'End',
  ].join('\n');
  return { lp, days, weeks, daily, weekly, uncoveredDaily, uncoveredWeekly, swedishSlack };
}

function chunk(names: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  return lines;
}
