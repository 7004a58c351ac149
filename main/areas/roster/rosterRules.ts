/**
 * The roster's hard rules (docs/formats.md) checked against what is stored, for hand edits: a move, a swap or
 * a repair is kept only if it breaks no rule that was not already broken before it (an earlier absence
 * may have broken one; a later edit must not add another).
 */
import { addDays, isoWeek, isoWeekMonday, type LocalDate } from '../../../shared/dates';
import { invalidInput } from '../../../shared/errors';
import { isRostered, type RuleProblem } from '../../../shared/contract/roster';
import { ASSESSMENT_WEEK } from '../../../shared/rosterScenario';
import type { Context } from '../../app/context';
import type { AuditEntry } from '../../store/audit';
import { awayOn, weekWorkingDays } from '../../scheduler/availability';
import { listAbsences, listAssignments } from './queries';
import { staffByIds } from '../staff/queries';
import type { Db } from '../../store/schema';
import { readCalendar, readRosterConfig } from '../settings/queries';
import { DEFAULT_MAX_DUTIES_PER_WEEK } from './rosterInput';

/** Monday of the first to Sunday of the last ISO week of the dates. */
export function weeksAround(dates: readonly LocalDate[]): { from: LocalDate; to: LocalDate } {
  const sorted = [...dates].sort();
  return { from: isoWeekMonday(isoWeek(sorted[0]!)), to: addDays(isoWeekMonday(isoWeek(sorted.at(-1)!)), 6) };
}

export async function ruleProblems(db: Db, window: { from: LocalDate; to: LocalDate }): Promise<RuleProblem[]> {
  const config = await readRosterConfig(db);
  const calendar = await readCalendar(db);
  const weekBefore = isoWeek(addDays(window.from, -7));
  const weekAfter = isoWeek(addDays(window.to, 7));
  const assignments = await listAssignments(db, window.from, window.to, { from: weekBefore, to: weekAfter });
  const staffIds = [...new Set(assignments.map((a) => a.staffId))];
  const [staff, absences] = await Promise.all([
    staffByIds(db, staffIds),
    listAbsences(db, addDays(window.from, -7), addDays(window.to, 7)),
  ]);
  const person = new Map(staff.map((s) => [s.id, s]));
  const away = (id: string, date: LocalDate) => awayOn(absences, id, date);
  const problems: RuleProblem[] = [];
  const add = (p: RuleProblem) => problems.push(p);

  const daily = assignments.filter((a) => a.date);
  const weekly = assignments.filter((a) => a.week);
  const assessor = new Map<string, string[]>();
  for (const w of weekly) assessor.set(w.week!, [...(assessor.get(w.week!) ?? []), w.staffId]);

  for (const a of daily) {
    const s = person.get(a.staffId)!;
    const date = a.date!;
    const base = { name: s.name, date, duty: a.duty };
    if (!calendar.isWorkingDay(date)) add({ rule: 'NOT_WORKING_DAY', ...base });
    if (!isRostered(s.role)) add({ rule: 'NOT_ON_ROSTER', ...base });
    const type = config.dutyTypes.find((d) => d.id === a.duty);
    if (type?.requires === 'SOCIAL_WORKER' && s.role !== 'SOCIAL_WORKER') add({ rule: 'NEEDS_SOCIAL_WORKER', ...base });
    if (away(a.staffId, date)) add({ rule: 'ABSENT', ...base });
    if (assessor.get(isoWeek(date))?.includes(a.staffId))
      add({ rule: 'IN_ASSESSMENT_WEEK', ...base, week: isoWeek(date) });
  }
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const a of daily) {
    perDay.set(`${a.staffId}|${a.date}`, (perDay.get(`${a.staffId}|${a.date}`) ?? 0) + 1);
    perWeek.set(`${a.staffId}|${isoWeek(a.date!)}`, (perWeek.get(`${a.staffId}|${isoWeek(a.date!)}`) ?? 0) + 1);
  }
  for (const [key, n] of perDay) {
    const [id, date] = key.split('|') as [string, string];
    if (n > 1) add({ rule: 'TWO_DUTIES', name: person.get(id)!.name, date, count: n });
  }
  for (const [key, n] of perWeek) {
    const [id, week] = key.split('|') as [string, string];
    const max = person.get(id)!.max_duties_per_week ?? DEFAULT_MAX_DUTIES_PER_WEEK;
    if (n > max) add({ rule: 'WEEKLY_MAX', name: person.get(id)!.name, week, count: n, max });
  }
  const reception = config.dutyTypes.find((d) => d.id === 'RECEPTION');
  if (config.swedishOnReceptionDaily && reception && reception.perDay > 0)
    for (let date = window.from; date <= window.to; date = addDays(date, 1)) {
      const onReception = daily.filter((a) => a.date === date && a.duty === 'RECEPTION');
      if (!onReception.length) continue;
      const swedish = onReception.some((a) =>
        (JSON.parse(person.get(a.staffId)!.languages) as string[]).includes('sv'),
      );
      if (!swedish) add({ rule: 'NO_SWEDISH_SPEAKER', date, duty: 'RECEPTION' });
    }
  for (const w of weekly) {
    const week = w.week!;
    const monday = isoWeekMonday(week);
    if (monday < addDays(window.from, -7) || monday > window.to) continue;
    const s = person.get(w.staffId)!;
    const base = { name: s.name, week, duty: ASSESSMENT_WEEK };
    const inWindow = monday >= window.from;
    if (inWindow && s.role !== 'SOCIAL_WORKER') add({ rule: 'NEEDS_SOCIAL_WORKER', ...base });
    const absentDay = weekWorkingDays(calendar, week).find((d) => away(w.staffId, d));
    if (inWindow && absentDay) add({ rule: 'ABSENT', ...base, date: absentDay });
    if (inWindow && (assessor.get(week)?.length ?? 0) > 1 && assessor.get(week)![0] === w.staffId)
      add({ rule: 'TWO_ASSESSORS', week, duty: ASSESSMENT_WEEK, count: assessor.get(week)!.length });
    const next = isoWeek(addDays(monday, 7));
    if (config.noConsecutiveAssessmentWeeks && assessor.get(next)?.includes(w.staffId))
      add({ rule: 'CONSECUTIVE_WEEKS', ...base });
  }
  return problems;
}

const keyOf = (p: RuleProblem) => JSON.stringify([p.rule, p.name, p.date, p.week, p.duty]);

/** Runs an edit in one transaction and keeps it only if it adds no broken rule (always rolled back on a dry run). */
export async function checkedEdit(
  core: Context,
  entry: AuditEntry,
  dates: readonly LocalDate[],
  edit: (trx: Db) => Promise<void>,
  options: {
    dryRun?: boolean;
    mustClear?: (after: RuleProblem[]) => RuleProblem[];
    /** A new problem the edit may bring (one the generation reports itself as an uncovered slot). */
    tolerate?: (problem: RuleProblem) => boolean;
  } = {},
): Promise<{ allowed: boolean; problems: RuleProblem[] }> {
  class Rollback extends Error {
    constructor(readonly problems: RuleProblem[]) {
      super('rollback');
    }
  }
  try {
    await core.transact(entry, async (trx) => {
      const window = weeksAround(dates);
      const before = new Set((await ruleProblems(trx, window)).map(keyOf));
      await edit(trx);
      const after = await ruleProblems(trx, window);
      const cleared = new Set((options.mustClear?.(after) ?? []).map(keyOf));
      const fresh = after.filter((p) => (!before.has(keyOf(p)) && !options.tolerate?.(p)) || cleared.has(keyOf(p)));
      if (fresh.length || options.dryRun) throw new Rollback(fresh);
    });
    return { allowed: true, problems: [] };
  } catch (error) {
    if (error instanceof Rollback) return { allowed: error.problems.length === 0, problems: error.problems };
    throw error;
  }
}

/** Changing a published roster needs a reason: it goes into the period's change history. */
export function requireReason(published: boolean, reason: string): void {
  if (published && !reason) throw invalidInput('reason: required when changing a published roster');
}
