/**
 * Repair after an absence: the duties the absent worker holds are given to others with as few changes as
 * the hard rules allow. The solver keeps every other assignment of the affected weeks unless moving one is
 * the only way to cover a slot (a weighted "keep" term); a team lead sees the proposal and accepts it.
 */
import { addDays, isoWeek } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { MoveResult, RepairChange, RepairProposal } from '../../../shared/contract/roster';
import type { Context } from '../../app/context';
import { solveInWorker } from '../../scheduler/runner';
import { dayOf, dutiesDuring, listAssignments } from './queries';
import type { Db } from '../../store/schema';
import { isPublished, periodIdOf, recordChange } from './rosterEdit';
import { buildScenario } from './rosterInput';
import { checkedEdit, requireReason, weeksAround } from './rosterRules';
import { deleteAssignments, insertAssignments, periodIds, unlockedDuty } from './editQueries';
import { absenceWithName, staffNames } from '../staff/queries';

async function absence(db: Db, id: number) {
  const row = await absenceWithName(db, id);
  if (!row) throw new LuukkuError('NOT_FOUND', 'No such absence.');
  return row;
}

const slotOf = (a: { date: string | null; week: string | null; duty: string }) => `${a.date ?? a.week}|${a.duty}`;

export async function proposeRepair(core: Context, absenceId: number): Promise<RepairProposal> {
  const away = await absence(core.db, absenceId);
  const holding = await dutiesDuring(core.db, away.staff_id, away.from_date, away.to_date);
  if (!holding.length) return { absenceId, changes: [], uncovered: [] };
  const core_ = weeksAround(holding.map(dayOf));
  const window = { from: addDays(core_.from, -7), to: addDays(core_.to, 7) };
  const existing = await listAssignments(core.db, window.from, window.to, {
    from: isoWeek(window.from),
    to: isoWeek(window.to),
  });
  const inCore = (a: { date: string | null; week: string | null }) => dayOf(a) >= core_.from && dayOf(a) <= core_.to;
  const scenario = await buildScenario(core.db, {
    window,
    daily: true,
    assessmentWeek: true,
    locks: existing.filter((a) => !inCore(a) || a.locked),
  });
  const prefer = existing
    .filter((a) => inCore(a) && !a.locked)
    .map((a) => ({ workerId: a.staffId, duty: a.duty, ...(a.date ? { date: a.date } : { week: a.week! }) }));
  const result = await solveInWorker({ scenario, prefer });

  const names = await staffNames(core.db);
  const before = new Map<string, string[]>();
  const after = new Map<string, string[]>();
  for (const a of existing.filter(inCore)) before.set(slotOf(a), [...(before.get(slotOf(a)) ?? []), a.staffId]);
  for (const r of result.assignments) {
    const row = 'date' in r ? { date: r.date, week: null, duty: r.duty } : { date: null, week: r.week, duty: r.duty };
    if (inCore(row)) after.set(slotOf(row), [...(after.get(slotOf(row)) ?? []), r.workerId]);
  }
  const changes: Omit<RepairChange, 'reason'>[] = [];
  for (const slot of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(slot) ?? [];
    const now = after.get(slot) ?? [];
    const out = was.filter((id) => !now.includes(id));
    const into = now.filter((id) => !was.includes(id));
    const [key, duty] = slot.split('|') as [string, RepairChange['duty']];
    const when = key.includes('W') ? { date: null, week: key } : { date: key, week: null };
    for (let i = 0; i < Math.max(out.length, into.length); i++)
      changes.push({
        ...when,
        duty,
        fromStaffId: out[i] ?? null,
        fromName: out[i] ? names.get(out[i]!)! : null,
        toStaffId: into[i] ?? null,
        toName: into[i] ? names.get(into[i]!)! : null,
      });
  }
  changes.sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || a.duty.localeCompare(b.duty));
  const uncovered = result.uncovered.filter((u) =>
    inCore('date' in u ? { date: u.date, week: null } : { date: null, week: u.week }),
  );
  return { absenceId, changes: explained(changes, away.staff_id), uncovered };
}

export async function applyRepair(
  core: Context,
  input: {
    absenceId: number;
    changes: {
      date: string | null;
      week: string | null;
      duty: string;
      fromStaffId: string | null;
      toStaffId: string | null;
    }[];
    reason: string;
  },
): Promise<MoveResult> {
  const away = await absence(core.db, input.absenceId);
  const published = new Map<string, boolean>();
  for (const c of input.changes) published.set(periodIdOf(c), await isPublished(core.db, periodIdOf(c)));
  requireReason([...published.values()].some(Boolean), input.reason);
  const names = await staffNames(core.db);
  return checkedEdit(
    core,
    {
      actor: core.actor(),
      action: 'roster.repair',
      details: { absenceId: input.absenceId, changes: input.changes.length },
    },
    [away.from_date, away.to_date, ...input.changes.map(dayOf)],
    async (trx) => {
      const periods = await periodIds(trx);
      for (const c of input.changes) {
        if ((c.date === null) === (c.week === null)) throw invalidInput('changes: give either date or week');
        if (c.toStaffId && !names.has(c.toStaffId)) throw invalidInput(`changes: unknown worker ${c.toStaffId}`);
        if (c.fromStaffId) {
          const row = await unlockedDuty(trx, { duty: c.duty, staffId: c.fromStaffId, date: c.date, week: c.week });
          if (!row)
            throw new LuukkuError(
              'CONFLICT',
              'The roster has changed since this repair was proposed. Propose it again.',
              undefined,
              'repairOutdated',
            );
          await deleteAssignments(trx, [row.id]);
        }
        const period = periodIdOf(c);
        if (c.toStaffId)
          await insertAssignments(trx, [
            {
              date: c.date,
              week: c.week,
              duty: c.duty,
              staff_id: c.toStaffId,
              locked: 0,
              period_id: periods.has(period) ? period : null,
            },
          ]);
        if (published.get(period))
          await recordChange(core, trx, {
            periodId: period,
            action: 'REPAIR',
            details: {
              duty: c.duty,
              date: c.date,
              week: c.week,
              fromName: c.fromStaffId ? names.get(c.fromStaffId)! : null,
              toName: c.toStaffId ? names.get(c.toStaffId)! : null,
              toDate: null,
            },
            reason: input.reason,
          });
      }
    },
    {
      // The repair must leave the absent worker with no duty in the absence, whatever was broken before.
      mustClear: (after) => after.filter((p) => p.rule === 'ABSENT' && p.name === away.name),
    },
  );
}

/**
 * Says why each change of a repair is there: the absent worker's own duties move because they are away; a
 * duty of someone who takes one of those over moves so that they are free for it; anything else is the
 * solver keeping the rules.
 */
function explained(changes: Omit<RepairChange, 'reason'>[], awayId: string): RepairChange[] {
  const takeovers = changes.filter((c) => c.fromStaffId === awayId && c.toStaffId);
  const reasonOf = (c: Omit<RepairChange, 'reason'>): RepairChange['reason'] => {
    if (c.fromStaffId === awayId) return { kind: 'AWAY' };
    const freedFor = takeovers.find((t) => t.toStaffId === c.fromStaffId);
    return freedFor ? { kind: 'FREE', date: freedFor.date, week: freedFor.week } : { kind: 'BALANCE' };
  };
  return changes.map((c) => ({ ...c, reason: reasonOf(c) }));
}
