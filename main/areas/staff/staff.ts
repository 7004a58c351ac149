/**
 * Staff and their availability for the duty roster: workers (role, FTE, languages, area, team, weekly
 * maximum), absences by range, duty wishes and the county's closure days. No client data; every change is
 * audited all the same.
 */
import { randomUUID } from 'node:crypto';
import { invalidInput, LuukkuError, Refusal } from '../../../shared/errors';
import type { LocalDate } from '../../../shared/dates';
import type { Absence, Staff, StaffDirectory, StaffRole, VisibleAbsence } from '../../../shared/contract/roster';
import type { CurrentUser } from '../../../shared/contract';
import type { Context } from '../../app/context';
import { dutiesDuring, listAbsences } from '../roster/queries';
import { findAreaAndTeam } from '../org/queries';
import {
  deleteAbsence,
  hasClientAccount,
  hasOverlappingAbsence,
  insertAbsence,
  insertStaff,
  listClosureDays,
  selectStaff,
  setClosureDay,
  setWishOff,
  staffExists,
  staffScope,
  updateStaff,
  wishesBetween,
} from './queries';
import type { Db, Row } from '../../store/schema';

type StaffRow = Omit<Row<'staff'>, 'created_at'>;

export const staffOf = (r: StaffRow): Staff => ({
  id: r.id,
  name: r.name,
  role: r.role,
  fte: r.fte,
  languages: JSON.parse(r.languages) as string[],
  areaId: r.area_id,
  teamId: r.team_id,
  maxDutiesPerWeek: r.max_duties_per_week,
  active: r.active === 1,
});

export async function listStaff(db: Db): Promise<Staff[]> {
  return (await selectStaff(db)).map(staffOf);
}

/**
 * Absences as `viewer` may see them: that a colleague is away is the roster's business, why (sick leave
 * above all) is a health fact about the worker, so only team leads and the worker themselves see the kind.
 */
export function absencesAsSeenBy(viewer: CurrentUser, absences: Absence[]): VisibleAbsence[] {
  if (viewer.role === 'LEAD') return absences;
  return absences.map((a) => (a.staffId === viewer.staffId ? a : { ...a, kind: 'ABSENT' }));
}

/** Everyone, with absences, wishes and closure days in a range: the staff screen and the planning grid. */
export async function staffDirectory(
  db: Db,
  range: { from: LocalDate; to: LocalDate },
  viewer: CurrentUser,
): Promise<StaffDirectory> {
  const [staff, absences, wishes, closureDays] = await Promise.all([
    listStaff(db),
    listAbsences(db, range.from, range.to).then((list) => absencesAsSeenBy(viewer, list)),
    wishesBetween(db, range.from, range.to),
    listClosureDays(db),
  ]);
  return { staff, absences, wishes, closureDays };
}

async function checkOrg(db: Db, areaId: string | null, teamId: string | null): Promise<void> {
  const problems: string[] = [];
  const found = await findAreaAndTeam(db, areaId, teamId);
  if (areaId && !found.area) problems.push(`areaId: ${areaId} is not an area of this county`);
  if (teamId && !found.team) problems.push(`teamId: ${teamId} is not a team of this county`);
  if (problems.length) throw invalidInput(problems.join('; '));
}

export async function saveStaff(
  core: Context,
  input: {
    id?: string | undefined;
    name: string;
    role: StaffRole;
    fte: number;
    languages: string[];
    areaId: string | null;
    teamId: string | null;
    maxDutiesPerWeek: number | null;
    active: boolean;
  },
): Promise<Staff> {
  const id = input.id ?? `s-${randomUUID().slice(0, 8)}`;
  const values = {
    name: input.name,
    role: input.role,
    fte: input.fte,
    languages: JSON.stringify([...new Set(input.languages)]),
    area_id: input.areaId,
    team_id: input.teamId,
    max_duties_per_week: input.maxDutiesPerWeek,
    active: input.active ? 1 : 0,
  };
  await core.transact(
    { actor: core.actor(), action: 'staff.save', details: { staffId: id, created: !input.id } },
    async (trx) => {
      await checkOrg(trx, input.areaId, input.teamId);
      if (input.id) await requireLeadToMoveScope(core, trx, input.id, input.areaId, input.teamId);
      if (input.id) {
        if (!(await updateStaff(trx, id, values))) throw new LuukkuError('NOT_FOUND', 'No such worker.');
      } else {
        await insertStaff(trx, { id, ...values, created_at: core.now().toISOString() });
      }
    },
  );
  return staffOf({ id, ...values });
}

/**
 * A regional worker's area and team decide which cases their account sees (shared/roles.ts CASE_SCOPE).
 * Any roster editor may change the roster, but moving a worker whose account sees client data to another
 * area or team is a team lead's decision (703/2023 § 9), so for anyone else it is refused and logged.
 */
async function requireLeadToMoveScope(
  core: Context,
  trx: Db,
  staffId: string,
  areaId: string | null,
  teamId: string | null,
): Promise<void> {
  const me = await core.requireUser();
  if (me.role === 'LEAD') return;
  const before = await staffScope(trx, staffId);
  if (!before || (before.area_id === areaId && before.team_id === teamId)) return;
  if (await hasClientAccount(trx, staffId))
    throw new Refusal(
      "Only a team lead moves a worker to another area or team: it changes which cases the worker's account sees.",
      'case scope change',
    );
}

async function requireStaff(db: Db, staffId: string): Promise<void> {
  if (!(await staffExists(db, staffId))) throw invalidInput(`staffId: ${staffId} is not a worker of this county`);
}

export async function addAbsence(
  core: Context,
  input: { staffId: string; from: LocalDate; to: LocalDate; kind: Absence['kind'] },
): Promise<{ absenceId: number; heldDuties: number }> {
  const absenceId = await core.transact(
    (absenceId: number) => ({
      actor: core.actor(),
      action: 'staff.addAbsence',
      details: { staffId: input.staffId, absenceId, from: input.from, to: input.to, kind: input.kind },
    }),
    async (trx) => {
      await requireStaff(trx, input.staffId);
      if (await hasOverlappingAbsence(trx, input.staffId, input.from, input.to))
        throw invalidInput('from: this worker already has an absence overlapping these dates');
      return insertAbsence(trx, { ...input, createdAt: core.now().toISOString() });
    },
  );
  // What a repair would have to give to others.
  const held = await dutiesDuring(core.db, input.staffId, input.from, input.to);
  return { absenceId, heldDuties: held.length };
}

export async function removeAbsence(core: Context, id: number): Promise<void> {
  await core.transact(
    { actor: core.actor(), action: 'staff.removeAbsence', details: { absenceId: id } },
    async (trx) => {
      if (!(await deleteAbsence(trx, id))) throw new LuukkuError('NOT_FOUND', 'No such absence.');
    },
  );
}

export async function setWish(core: Context, input: { staffId: string; date: LocalDate; off: boolean }): Promise<void> {
  await core.transact({ actor: core.actor(), action: 'staff.wish', details: input }, async (trx) => {
    await requireStaff(trx, input.staffId);
    await setWishOff(trx, input.staffId, input.date, input.off);
  });
}

export async function saveClosureDay(
  core: Context,
  input: { date: LocalDate; reason: string; closed: boolean },
): Promise<void> {
  await core.transact({ actor: core.actor(), action: 'org.closureDay', details: input }, async (trx) => {
    if (input.closed && !input.reason) throw invalidInput('reason: required');
    await setClosureDay(trx, input.date, input.closed ? input.reason : null);
  });
}
