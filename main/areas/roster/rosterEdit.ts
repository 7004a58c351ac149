/**
 * Hand edits of the roster: move a duty to another day or person, lock or unlock it, swap two assessment
 * weeks, publish a period. Every edit is checked against the hard rules in the main process and refused
 * with the broken rules named; edits of a published period need a reason and go into its change history.
 */
import { isoWeekMonday, type LocalDate } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { MoveResult, RosterChange } from '../../../shared/contract/roster';
import type { Context } from '../../app/context';
import { dayOf } from './queries';
import type { Db } from '../../store/schema';
import { checkedEdit, requireReason } from './rosterRules';
import { staffNameOf } from '../staff/queries';
import {
  assignmentWithName,
  changesOf,
  insertRosterChange,
  periodRow,
  publishPeriodRow,
  updateAssignment,
  weekHolders,
} from './editQueries';

/** Roster periods are calendar months: `2026-12`. A week belongs to the month of its Monday. */
export const periodIdOf = (a: { date: string | null; week: string | null }) => dayOf(a).slice(0, 7);

export async function isPublished(db: Db, periodId: string): Promise<boolean> {
  return (await periodRow(db, periodId))?.status === 'PUBLISHED';
}

export interface ChangeDetails {
  duty: string;
  date: string | null;
  week: string | null;
  fromName: string | null;
  toName: string | null;
  toDate: string | null;
}

export async function recordChange(
  core: Context,
  trx: Db,
  change: { periodId: string; action: RosterChange['action']; details: ChangeDetails; reason: string },
): Promise<void> {
  const actor = core.actor()!;
  await insertRosterChange(trx, {
    period_id: change.periodId,
    at: core.now().toISOString(),
    user_id: actor.id,
    user_name: actor.name,
    action: change.action,
    details: JSON.stringify(change.details),
    reason: change.reason,
  });
}

async function assignment(db: Db, id: number) {
  const row = await assignmentWithName(db, id);
  if (!row)
    throw new LuukkuError('NOT_FOUND', 'No such duty on the roster. Refresh the calendar.', undefined, 'noSuchDuty');
  return row;
}

async function staffName(db: Db, id: string): Promise<string> {
  const row = await staffNameOf(db, id);
  if (!row || !row.active) throw invalidInput(`staffId: ${id} is not an active worker`);
  return row.name;
}

export async function moveDuty(
  core: Context,
  input: { id: number; staffId: string; date?: LocalDate | undefined; reason: string; dryRun: boolean },
): Promise<MoveResult> {
  const a = await assignment(core.db, input.id);
  if (a.week && input.date) throw invalidInput('date: the assessment week moves by swapping weeks');
  if (a.locked)
    throw new LuukkuError('CONFLICT', 'This duty is locked. Unlock it before moving it.', undefined, 'dutyLocked');
  const date = a.date ? (input.date ?? a.date) : null;
  const from = periodIdOf(a);
  const to = periodIdOf({ date, week: a.week });
  const published = (await isPublished(core.db, from)) || (await isPublished(core.db, to));
  if (!input.dryRun) requireReason(published, input.reason);
  const toName = await staffName(core.db, input.staffId);
  const dates = [dayOf(a), dayOf({ date, week: a.week })];
  return checkedEdit(
    core,
    { actor: core.actor(), action: 'roster.move', details: { id: a.id, staffId: input.staffId, date, published } },
    dates,
    async (trx) => {
      await updateAssignment(trx, a.id, {
        staff_id: input.staffId,
        date,
        period_id: (await periodRow(trx, to)) ? to : null,
      });
      if (published)
        await recordChange(core, trx, {
          periodId: from,
          action: 'MOVE',
          details: {
            duty: a.duty,
            date: a.date,
            week: a.week,
            fromName: a.name,
            toName,
            toDate: date === a.date ? null : date,
          },
          reason: input.reason,
        });
    },
    { dryRun: input.dryRun },
  );
}

export async function lockDuty(core: Context, input: { id: number; locked: boolean }): Promise<void> {
  await core.transact(
    { actor: core.actor(), action: input.locked ? 'roster.lock' : 'roster.unlock', details: { id: input.id } },
    async (trx) => {
      await assignment(trx, input.id);
      await updateAssignment(trx, input.id, { locked: input.locked ? 1 : 0 });
    },
  );
}

export async function swapWeeks(core: Context, input: { a: string; b: string; reason: string }): Promise<MoveResult> {
  const rows = await weekHolders(core.db, [input.a, input.b]);
  const a = rows.find((r) => r.week === input.a);
  const b = rows.find((r) => r.week === input.b);
  if (!a || !b) throw invalidInput(`${a ? 'b' : 'a'}: that week has no assessment-week worker to swap`);
  if (a.locked || b.locked)
    throw new LuukkuError('CONFLICT', 'A locked week cannot be swapped. Unlock it first.', undefined, 'weekLocked');
  const periods = [periodIdOf({ date: null, week: a.week }), periodIdOf({ date: null, week: b.week })];
  const published = [await isPublished(core.db, periods[0]!), await isPublished(core.db, periods[1]!)];
  requireReason(published.some(Boolean), input.reason);
  return checkedEdit(
    core,
    { actor: core.actor(), action: 'roster.swapWeeks', details: { a: input.a, b: input.b } },
    [isoWeekMonday(input.a), isoWeekMonday(input.b)],
    async (trx) => {
      await updateAssignment(trx, a.id, { staff_id: b.staff_id });
      await updateAssignment(trx, b.id, { staff_id: a.staff_id });
      for (const [i, [week, fromName, toName]] of [
        [input.a, a.name, b.name],
        [input.b, b.name, a.name],
      ].entries())
        if (published[i])
          await recordChange(core, trx, {
            periodId: periods[i]!,
            action: 'SWAP',
            details: {
              duty: 'ASSESSMENT_WEEK',
              date: null,
              week: week!,
              fromName: fromName!,
              toName: toName!,
              toDate: null,
            },
            reason: input.reason,
          });
    },
  );
}

export async function publishPeriod(core: Context, periodId: string): Promise<void> {
  await core.transact({ actor: core.actor(), action: 'roster.publish', details: { periodId } }, async (trx) => {
    const period = await periodRow(trx, periodId);
    if (!period)
      throw new LuukkuError(
        'NOT_FOUND',
        'Generate the roster for this month before publishing it.',
        undefined,
        'rosterNotGenerated',
      );
    if (period.status === 'PUBLISHED')
      throw new LuukkuError('CONFLICT', 'This month is already published.', undefined, 'rosterAlreadyPublished');
    await publishPeriodRow(trx, periodId, core.now().toISOString(), core.actor()!.id);
  });
}

export async function rosterChanges(db: Db, periodIds: readonly string[]): Promise<RosterChange[]> {
  if (!periodIds.length) return [];
  const rows = await changesOf(db, periodIds, 500);
  return rows.map((r) => ({
    id: r.id,
    periodId: r.period_id,
    at: r.at,
    userName: r.user_name,
    action: r.action,
    reason: r.reason,
    ...(JSON.parse(r.details) as ChangeDetails),
  }));
}
