/**
 * Generating the roster in the app: a month of daily duties (existing assessment weeks and locked duties
 * kept), or the assessment-week rotation for a quarter or a year. The solve runs in a worker thread with
 * progress and cancel; the result replaces the unlocked part in one transaction, and only if no hand edit
 * in the meantime would make it break a hard rule.
 */
import {
  addDays,
  daysInMonth,
  formatLocalDate,
  isoWeek,
  isoWeekMonday,
  monthBounds,
  type LocalDate,
} from '../../../shared/dates';
import { readSettings } from '../settings/queries';
import { LuukkuError } from '../../../shared/errors';
import type { GenerateInput, GenerateProgress } from '../../../shared/contract/roster';
import { ASSESSMENT_WEEK, type RosterResult } from '../../../shared/rosterScenario';
import type { Context } from '../../app/context';
import { solveInWorker } from '../../scheduler/runner';
import { NO_SWEDISH_SPEAKER_REASON } from '../../scheduler/solve';
import type { Db } from '../../store/schema';
import type { RuleProblem } from '../../../shared/contract/roster';
import { selectStaff } from '../staff/queries';
import { dayOf, listAbsences, listAssignments, type AssignmentRow } from './queries';
import { periodIdOf } from './rosterEdit';
import { buildScenario } from './rosterInput';
import { checkedEdit } from './rosterRules';
import { deleteAssignments, ensureDraftPeriod, insertAssignments, periodIds, periodRow } from './editQueries';

type Report = (progress: NonNullable<GenerateProgress>) => void;

export interface GenerateResult {
  assignments: number;
  uncovered: RosterResult['uncovered'];
  optimal: boolean;
  gap: number;
  seconds: number;
}

/** The days a generation owns: a month, or the weeks whose Monday falls in a quarter or year. */
export function generationRange(input: GenerateInput): { from: LocalDate; to: LocalDate } {
  if (input.kind === 'MONTH') return monthBounds(input.month);
  const first = input.quarter ? 3 * input.quarter - 2 : 1;
  const last = input.quarter ? 3 * input.quarter : 12;
  const start = formatLocalDate(input.year, first, 1);
  const end = formatLocalDate(input.year, last, daysInMonth(input.year, last));
  const firstMonday = isoWeekMonday(isoWeek(start)) < start ? addDays(isoWeekMonday(isoWeek(start)), 7) : start;
  return { from: isoWeekMonday(isoWeek(firstMonday)), to: addDays(isoWeekMonday(isoWeek(end)), 6) };
}

export async function generateRoster(
  core: Context,
  input: GenerateInput,
  report: Report,
  signal: AbortSignal,
): Promise<GenerateResult> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const range = generationRange(input);
  const month = input.kind === 'MONTH' ? input.month : null;
  if (!month && (await readSettings(core.db)).assessmentModel === 'DEDICATED')
    throw new LuukkuError(
      'CONFLICT',
      'The county has one dedicated assessment-week worker (Settings): there is no rotation to generate.',
      undefined,
      'noRotationWhenDedicated',
    );
  if (month) {
    const period = await periodRow(core.db, month);
    if (period?.status === 'PUBLISHED')
      throw new LuukkuError(
        'CONFLICT',
        'This month is published: it is changed by moving duties or by a repair, not generated again.',
        undefined,
        'rosterPublished',
      );
  }
  // One week either side, so the weekly maximum and "no two assessment weeks in a row" see the neighbours.
  const window = {
    from: addDays(isoWeekMonday(isoWeek(range.from)), -7),
    to: addDays(isoWeekMonday(isoWeek(range.to)), 13),
  };
  const existing = await listAssignments(core.db, window.from, window.to, {
    from: isoWeek(window.from),
    to: isoWeek(window.to),
  });
  const before = await solvedFrom(core.db, window);
  const published = await periodIds(core.db, 'PUBLISHED');
  const inRange = (a: { date: string | null; week: string | null }) => dayOf(a) >= range.from && dayOf(a) <= range.to;
  const replaceable = (a: AssignmentRow) =>
    inRange(a) && !a.locked && !published.has(periodIdOf(a)) && (month ? !!a.date : !!a.week);
  const locks = existing.filter((a) => !replaceable(a));
  const busy = new Map<string, LocalDate[]>();
  if (!month) for (const a of existing) if (a.date) busy.set(a.staffId, [...(busy.get(a.staffId) ?? []), a.date]);

  report({ phase: 'PREPARING', seconds: seconds(), gap: null });
  const scenario = await buildScenario(core.db, {
    window,
    daily: Boolean(month),
    assessmentWeek: true,
    locks,
    busy,
    historyBefore: range.from,
  });
  report({ phase: 'SOLVING', seconds: seconds(), gap: null });
  let lastGap: number | null = null;
  const ticker = setInterval(() => report({ phase: 'SOLVING', seconds: seconds(), gap: lastGap }), 250);
  let result: RosterResult;
  try {
    result = await solveInWorker(
      { scenario },
      { onProgress: (gap) => (lastGap = Number.isFinite(gap) ? gap : null), signal },
    );
  } finally {
    clearInterval(ticker);
  }
  report({ phase: 'SAVING', seconds: seconds(), gap: result.stats.gap });

  const lockKey = new Set(locks.map((a) => `${a.date ?? a.week}|${a.duty}|${a.staffId}`));
  const fresh = result.assignments.filter((a) => {
    const row = 'date' in a ? { date: a.date, week: null } : { date: null, week: a.week };
    const key = `${'date' in a ? a.date : a.week}|${a.duty}|${a.workerId}`;
    return inRange(row) && !lockKey.has(key) && !published.has(periodIdOf(row)) && (month || !('date' in a));
  });
  // A lock no roster could keep was left out of the solve (rosterInput.ts): an unlocked assessment week of
  // the month whose worker is now away got a new worker there, so the old one goes instead of making two.
  const kept = new Set(scenario.locks.map((l) => `${'date' in l ? l.date : l.week}|${l.duty}|${l.workerId}`));
  const stale = locks.filter(
    (a) =>
      month &&
      a.week &&
      !a.locked &&
      inRange(a) &&
      !published.has(periodIdOf(a)) &&
      !kept.has(`${a.week}|${a.duty}|${a.staffId}`),
  );
  const removed = [...existing.filter(replaceable), ...stale];
  // Days on which the solver itself found no Swedish speaker for reception: it left a reception slot
  // uncovered and says so; the rule check must not then refuse the whole month for that same day.
  const noSwedish = new Set(
    result.uncovered.flatMap((u) => ('date' in u && u.reason === NO_SWEDISH_SPEAKER_REASON ? [u.date] : [])),
  );
  const outcome = await checkedEdit(
    core,
    {
      actor: core.actor(),
      action: 'roster.generate',
      details: { ...input, removed: removed.length, added: fresh.length, uncovered: result.uncovered.length },
    },
    [range.from, range.to],
    async (trx) => {
      // What the solve started from (duties, absences, staff) must still be what is stored.
      if ((await solvedFrom(trx, window)) !== before) {
        throw new LuukkuError(
          'CONFLICT',
          'The roster, an absence or a worker changed while the roster was being generated. Nothing was saved: generate it again.',
          undefined,
          'rosterChangedWhileGenerating',
        );
      }
      if (month) await ensureDraftPeriod(trx, { id: month, from: range.from, to: range.to });
      const periods = await periodIds(trx);
      await deleteAssignments(
        trx,
        removed.map((a) => a.id),
      );
      const rows = fresh.map((a) => {
        const date = 'date' in a ? a.date : null;
        const week = 'date' in a ? null : a.week;
        const period = periodIdOf({ date, week });
        return {
          date,
          week,
          duty: a.duty,
          staff_id: a.workerId,
          locked: 0,
          period_id: periods.has(period) ? period : null,
        };
      });
      await insertAssignments(trx, rows);
    },
    { tolerate: (p) => p.rule === 'NO_SWEDISH_SPEAKER' && !!p.date && noSwedish.has(p.date) },
  );
  if (!outcome.allowed) throw ruleBroken(outcome.problems[0]!);
  const owned = (u: RosterResult['uncovered'][number]) =>
    inRange('date' in u ? { date: u.date, week: null } : { date: null, week: u.week }) &&
    (month ? 'date' in u || u.duty === ASSESSMENT_WEEK : !('date' in u));
  return {
    assignments: fresh.length,
    uncovered: result.uncovered.filter(owned),
    optimal: result.stats.optimal,
    gap: result.stats.gap,
    seconds: seconds(),
  };
}

/**
 * What a solve started from, as one string: the duties, absences and rostered staff of its window. Compared
 * again inside the saving transaction, so a change made meanwhile is told apart from a broken rule.
 */
async function solvedFrom(db: Db, window: { from: LocalDate; to: LocalDate }): Promise<string> {
  const weeks = { from: isoWeek(window.from), to: isoWeek(window.to) };
  const [duties, absences, staff] = await Promise.all([
    listAssignments(db, window.from, window.to, weeks),
    listAbsences(db, window.from, window.to),
    selectStaff(db),
  ]);
  return JSON.stringify([duties, absences, staff]);
}

/** A generated roster that would break a hard rule is not saved; the refusal names the rule, in the user's words. */
export function ruleBroken(p: RuleProblem): LuukkuError {
  const what = [p.rule, p.name, p.date ?? p.week, p.duty].filter(Boolean).join(', ');
  return new LuukkuError(
    'CONFLICT',
    `The generated roster would break a rule (${what}), so nothing was saved. Lock or move the duty concerned, or change the absence, and generate again.`,
    {
      ruleKey: `roster.rules.${p.rule}`,
      name: p.name ?? '',
      ...(p.date ? { date: p.date } : {}),
      week: p.week ? Number(p.week.slice(-2)) : '',
      ...(p.duty ? { dutyKey: `duties.${p.duty}` } : {}),
      count: p.count ?? 0,
      max: p.max ?? 0,
    },
    'rosterRuleBroken',
  );
}
