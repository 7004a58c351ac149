/**
 * The team lead's workload board: each social worker's open cases by state and deadline, weighted by
 * their FTE, with the absences ahead; the same per area and team; the flow of recent weeks; and the
 * ranked assignees offered when cases are moved.
 */
import { dueSoonUntil } from '../../../shared/clock';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/caseTypes';
import { addDays, daysBetween, isoWeek, isoWeekMonday, type LocalDate } from '../../../shared/dates';
import { invalidInput } from '../../../shared/errors';
import type { AssigneeSuggestion, LoadCounts, Workload } from '../../../shared/contract/team';
import type { Context } from '../../app/context';
import { listAbsences } from '../roster/queries';
import { readCalendar } from '../settings/queries';
import type { Db } from '../../store/schema';
import { assessmentWeekUser, caseFlow, childrenOfOpenCases, openLoad, type LoadRow } from './workloadQueries';
import { CHILDREN_PER_SOCIAL_WORKER } from '../../../shared/contract/team';
import { clockContextOf } from '../cases/cases';
import { assignableUsers } from './userQueries';
import { casesPerArea } from '../cases/recordQueries';
import { listAreas, teamNames } from '../org/queries';

const HORIZON_DAYS = 28;
const TREND_WEEKS = 8;

function total(rows: readonly LoadRow[]): LoadCounts {
  return rows.reduce(
    (t, r) => ({ open: t.open + r.open, overdue: t.overdue + r.overdue, dueSoon: t.dueSoon + r.dueSoon }),
    {
      open: 0,
      overdue: 0,
      dueSoon: 0,
    },
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Each worker's distinct children (by identity code, else case), to measure against LsL 13 b §'s limit. */
function childrenByWorker(rows: readonly { userId: string | null; child: string }[]): Map<string, Set<string>> {
  const by = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.userId) continue;
    const set = by.get(r.userId) ?? new Set<string>();
    set.add(r.child);
    by.set(r.userId, set);
  }
  return by;
}

export async function workloadBoard(core: Context): Promise<Workload> {
  const db = core.db;
  const clock = await clockContextOf(core);
  const { today } = clock;
  const horizon = addDays(today, HORIZON_DAYS - 1);
  const load = await openLoad(db, today, dueSoonUntil(today, clock.calendar, clock.dueSoonWorkingDays));
  const [people, absences, areas, teams, children] = await Promise.all([
    assignableUsers(db),
    listAbsences(db, today, horizon),
    listAreas(db),
    teamNames(db),
    childrenOfOpenCases(db),
  ]);
  const childrenOf = childrenByWorker(children.rows);
  const workers = people.map((p) => {
    const mine = load.filter((r) => r.userId === p.id);
    const counts = total(mine);
    const fte = p.fte ?? 1;
    const byStatus = Object.fromEntries(
      CASE_STATUSES.map((s) => [s, mine.filter((r) => r.status === s).reduce((n, r) => n + r.open, 0)]),
    ) as Record<CaseStatus, number>;
    return {
      userId: p.id,
      name: p.name,
      role: p.role,
      areaId: p.areaId,
      teamId: p.teamId,
      fte,
      byStatus,
      ...counts,
      weighted: round(counts.open / Math.max(fte, 0.1)),
      children: childrenOf.get(p.id)?.size ?? 0,
      absences: absences.filter((a) => a.staffId === p.staffId).map((a) => ({ from: a.from, to: a.to, kind: a.kind })),
    };
  });
  return {
    today,
    horizon,
    childLimit: CHILDREN_PER_SOCIAL_WORKER,
    workers,
    unassigned: total(load.filter((r) => r.userId === null)),
    areas: areas.map((a) => ({
      areaId: a.id,
      nameFi: a.nameFi,
      nameSv: a.nameSv,
      ...total(load.filter((r) => r.areaId === a.id)),
    })),
    teams: teams
      .map((t) => ({ teamId: t.id, name: t.name, ...total(load.filter((r) => r.teamId === t.id)) }))
      .filter((t) => t.open > 0),
    trend: await weeklyTrend(db, today),
  };
}

/** Received, closed and open at the end of each of the last eight ISO weeks (the current one so far). */
async function weeklyTrend(db: Db, today: LocalDate): Promise<Workload['trend']> {
  const firstMonday = addDays(isoWeekMonday(isoWeek(today)), -7 * (TREND_WEEKS - 1));
  const flow = await caseFlow(db, firstMonday);
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const monday = addDays(firstMonday, 7 * i);
    const sunday = addDays(monday, 6);
    const end = sunday < today ? sunday : today;
    const inWeek = (d: string) => d >= monday && d <= sunday;
    return {
      week: isoWeek(monday),
      received: flow.received.filter((c) => inWeek(c.received)).length,
      closed: flow.closed.filter((c) => inWeek(c.closedOn)).length,
      openAtEnd:
        flow.open.filter((c) => c.received <= end).length +
        flow.closed.filter((c) => c.received <= end && c.closedOn > end).length,
    };
  });
}

/**
 * Who could take these cases: active social workers other than the current holder, those away the fewest
 * working days of the period first, then those whose area holds the most of the cases, then the lightest
 * load per FTE.
 */
const MAX_SUGGESTION_DAYS = 366;

export async function suggestAssignees(
  core: Context,
  input: {
    caseIds?: string[] | undefined;
    fromUserId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<AssigneeSuggestion[]> {
  const db = core.db;
  const clock = await clockContextOf(core);
  const from = input.from ?? clock.today;
  const to = input.to ?? addDays(from, 13);
  // The period's absences and working days are weighed day by day: a reassignment covers an absence, not
  // a decade (an unbounded period once held the main process for 17 s).
  if (daysBetween(from, to) > MAX_SUGGESTION_DAYS)
    throw invalidInput(`to: at most ${MAX_SUGGESTION_DAYS} days after the period's start`);
  if (to < from) throw invalidInput('to: must not be before from');
  const [byArea, people, load, absences, assessor, children] = await Promise.all([
    casesPerArea(db, input.caseIds ? { caseIds: input.caseIds } : { assigneeId: input.fromUserId! }),
    assignableUsers(db),
    openLoad(db, clock.today, clock.today),
    listAbsences(db, from, to),
    assessmentWeekUser(db, isoWeek(clock.today)),
    childrenOfOpenCases(db, input.caseIds ?? []),
  ]);
  const childrenOf = childrenByWorker(children.rows);
  // The children that move: the cases picked, or every open case of the worker whose cases move.
  const moving = input.caseIds ? children.moving : [...(childrenOf.get(input.fromUserId!) ?? [])];
  // Mostly notifications still to be decided: they need this week's assessment worker, not a regional one.
  const total = byArea.reduce((n, a) => n + Number(a.n), 0);
  const undecided = byArea.reduce((n, a) => n + Number(a.undecided ?? 0), 0);
  const wantsAssessor = undecided * 2 > total;
  // Days the office is open (closure days included) weigh who can take cases: not a statutory count.
  const workingDays = (await readCalendar(db)).workingDays(from, to);
  return people
    .filter((p) => p.id !== input.fromUserId)
    .map((p) => {
      const open = load.filter((r) => r.userId === p.id).reduce((n, r) => n + r.open, 0);
      const fte = p.fte ?? 1;
      const away = absences.filter((a) => a.staffId === p.staffId);
      return {
        userId: p.id,
        name: p.name,
        role: p.role,
        areaId: p.areaId,
        fte,
        openCases: open,
        weighted: round(open / Math.max(fte, 0.1)),
        absentDays: workingDays.filter((d) => away.some((a) => a.from <= d && d <= a.to)).length,
        inArea: Number(byArea.find((a) => a.areaId === p.areaId)?.n ?? 0),
        assessmentWeek: p.id === assessor,
        childrenAfter: new Set([...(childrenOf.get(p.id) ?? []), ...moving]).size,
      };
    })
    .sort(
      (a, b) =>
        a.absentDays - b.absentDays ||
        (wantsAssessor ? Number(b.assessmentWeek) - Number(a.assessmentWeek) : 0) ||
        b.inArea - a.inArea ||
        a.weighted - b.weighted ||
        a.name.localeCompare(b.name),
    );
}
