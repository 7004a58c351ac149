/**
 * Staff and their availability for the duty roster: workers (role, FTE, languages, area, team, weekly
 * maximum), absences by range, duty wishes and the county's closure days. No client data; every change is
 * audited all the same.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidInput, LuukkuError, Refusal } from '../../../shared/errors';
import { CLIENT_ROLES } from '../../../shared/roles';
import type { LocalDate } from '../../../shared/dates';
import type { Absence, Staff, StaffDirectory, StaffRole, VisibleAbsence } from '../../../shared/contract/roster';
import type { CurrentUser } from '../../../shared/contract';
import type { Core } from '../../app/core';
import { dutiesDuring, listAbsences } from '../roster/queries';
import type { Selectable } from 'kysely';
import type { Database, StaffTable } from '../../store/schema';

type StaffRow = Omit<Selectable<StaffTable>, 'created_at'>;

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

export async function listStaff(db: Kysely<Database>): Promise<Staff[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'fte', 'languages', 'area_id', 'team_id', 'max_duties_per_week', 'active'])
    .orderBy('name')
    .execute();
  return rows.map(staffOf);
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
  db: Kysely<Database>,
  range: { from: LocalDate; to: LocalDate },
  viewer: CurrentUser,
): Promise<StaffDirectory> {
  const [staff, absences, wishes, closureDays] = await Promise.all([
    listStaff(db),
    listAbsences(db, range.from, range.to).then((list) => absencesAsSeenBy(viewer, list)),
    db
      .selectFrom('duty_wishes')
      .select(['staff_id as staffId', 'date'])
      .where('date', '>=', range.from)
      .where('date', '<=', range.to)
      .orderBy('date')
      .execute(),
    db.selectFrom('closure_days').select(['date', 'reason']).orderBy('date').execute(),
  ]);
  return { staff, absences, wishes, closureDays };
}

async function checkOrg(db: Kysely<Database>, areaId: string | null, teamId: string | null): Promise<void> {
  const problems: string[] = [];
  if (areaId && !(await db.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst()))
    problems.push(`areaId: ${areaId} is not an area of this county`);
  if (teamId && !(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()))
    problems.push(`teamId: ${teamId} is not a team of this county`);
  if (problems.length) throw invalidInput(problems.join('; '));
}

export async function saveStaff(
  core: Core,
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
        const updated = await trx.updateTable('staff').set(values).where('id', '=', id).executeTakeFirst();
        if (!updated.numUpdatedRows) throw new LuukkuError('NOT_FOUND', 'No such worker.');
      } else {
        await trx
          .insertInto('staff')
          .values({ id, ...values, created_at: core.now().toISOString() })
          .execute();
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
  core: Core,
  trx: Kysely<Database>,
  staffId: string,
  areaId: string | null,
  teamId: string | null,
): Promise<void> {
  const me = await core.requireUser();
  if (me.role === 'LEAD') return;
  const before = await trx
    .selectFrom('staff')
    .select(['area_id', 'team_id'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!before || (before.area_id === areaId && before.team_id === teamId)) return;
  const account = await trx
    .selectFrom('users')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('role', 'in', CLIENT_ROLES)
    .executeTakeFirst();
  if (account)
    throw new Refusal(
      "Only a team lead moves a worker to another area or team: it changes which cases the worker's account sees.",
      'case scope change',
    );
}

async function requireStaff(db: Kysely<Database>, staffId: string): Promise<void> {
  if (!(await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst()))
    throw invalidInput(`staffId: ${staffId} is not a worker of this county`);
}

export async function addAbsence(
  core: Core,
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
      const overlapping = await trx
        .selectFrom('absences')
        .select('id')
        .where('staff_id', '=', input.staffId)
        .where('to_date', '>=', input.from)
        .where('from_date', '<=', input.to)
        .executeTakeFirst();
      if (overlapping) throw invalidInput('from: this worker already has an absence overlapping these dates');
      const row = await trx
        .insertInto('absences')
        .values({
          staff_id: input.staffId,
          from_date: input.from,
          to_date: input.to,
          kind: input.kind,
          created_at: core.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  );
  // What a repair would have to give to others.
  const held = await dutiesDuring(core.db, input.staffId, input.from, input.to);
  return { absenceId, heldDuties: held.length };
}

export async function removeAbsence(core: Core, id: number): Promise<void> {
  await core.transact(
    { actor: core.actor(), action: 'staff.removeAbsence', details: { absenceId: id } },
    async (trx) => {
      const deleted = await trx.deleteFrom('absences').where('id', '=', id).executeTakeFirst();
      if (!deleted.numDeletedRows) throw new LuukkuError('NOT_FOUND', 'No such absence.');
    },
  );
}

export async function setWish(core: Core, input: { staffId: string; date: LocalDate; off: boolean }): Promise<void> {
  await core.transact({ actor: core.actor(), action: 'staff.wish', details: input }, async (trx) => {
    await requireStaff(trx, input.staffId);
    if (input.off)
      await trx
        .insertInto('duty_wishes')
        .values({ staff_id: input.staffId, date: input.date })
        .onConflict((oc) => oc.doNothing())
        .execute();
    else
      await trx
        .deleteFrom('duty_wishes')
        .where('staff_id', '=', input.staffId)
        .where('date', '=', input.date)
        .execute();
  });
}

export async function saveClosureDay(
  core: Core,
  input: { date: LocalDate; reason: string; closed: boolean },
): Promise<void> {
  await core.transact({ actor: core.actor(), action: 'org.closureDay', details: input }, async (trx) => {
    if (!input.closed) {
      await trx.deleteFrom('closure_days').where('date', '=', input.date).execute();
      return;
    }
    if (!input.reason) throw invalidInput('reason: required');
    await trx
      .insertInto('closure_days')
      .values({ date: input.date, reason: input.reason })
      .onConflict((oc) => oc.column('date').doUpdateSet({ reason: input.reason }))
      .execute();
  });
}
