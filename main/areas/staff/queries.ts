/** The staff area's SQL: workers, their absences and duty wishes, and the county's closure days. */
import type { Insertable, Updateable } from 'kysely';
import { CLIENT_ROLES } from '../../../shared/roles';
import type { LocalDate } from '../../../shared/dates';
import { ROSTERED_ROLES, type Absence } from '../../../shared/contract/roster';
import type { Db, StaffTable } from '../../store/schema';

const STAFF_COLUMNS = [
  'id',
  'name',
  'role',
  'fte',
  'languages',
  'area_id',
  'team_id',
  'max_duties_per_week',
  'active',
] as const;

export async function selectStaff(db: Db) {
  return db.selectFrom('staff').select(STAFF_COLUMNS).orderBy('name').orderBy('id').execute();
}

export async function staffIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('staff').select('id').execute()).map((r) => r.id));
}

export async function staffExists(db: Db, staffId: string): Promise<boolean> {
  return !!(await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst());
}

/** A worker's area and team, which decide what their account sees. */
export async function staffScope(db: Db, staffId: string) {
  return db.selectFrom('staff').select(['area_id', 'team_id']).where('id', '=', staffId).executeTakeFirst();
}

/** Whether the worker has an account that sees client data. */
export async function hasClientAccount(db: Db, staffId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('users')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('role', 'in', CLIENT_ROLES)
    .executeTakeFirst());
}

/** Whether a worker of that id was there to update. */
export async function updateStaff(db: Db, id: string, values: Updateable<StaffTable>): Promise<boolean> {
  const updated = await db.updateTable('staff').set(values).where('id', '=', id).executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function insertStaff(db: Db, row: Insertable<StaffTable>): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

/** Inserts each worker, or updates every column but the creation time of one already there. */
export async function upsertStaff(db: Db, rows: Insertable<StaffTable>[]): Promise<void> {
  for (const row of rows) {
    const { created_at: _created, ...changes } = row;
    await db
      .insertInto('staff')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes))
      .execute();
  }
}

export async function wishesBetween(db: Db, from: LocalDate, to: LocalDate) {
  return db
    .selectFrom('duty_wishes')
    .select(['staff_id as staffId', 'date'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('staff_id')
    .execute();
}

export async function setWishOff(db: Db, staffId: string, date: LocalDate, off: boolean): Promise<void> {
  if (off)
    await db
      .insertInto('duty_wishes')
      .values({ staff_id: staffId, date })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else await db.deleteFrom('duty_wishes').where('staff_id', '=', staffId).where('date', '=', date).execute();
}

export async function hasOverlappingAbsence(db: Db, staffId: string, from: LocalDate, to: LocalDate): Promise<boolean> {
  return !!(await db
    .selectFrom('absences')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .executeTakeFirst());
}

export async function insertAbsence(
  db: Db,
  a: { staffId: string; from: LocalDate; to: LocalDate; kind: Absence['kind']; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('absences')
    .values({ staff_id: a.staffId, from_date: a.from, to_date: a.to, kind: a.kind, created_at: a.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether there was such an absence to delete. */
export async function deleteAbsence(db: Db, id: number): Promise<boolean> {
  const deleted = await db.deleteFrom('absences').where('id', '=', id).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export async function listClosureDays(db: Db) {
  return db.selectFrom('closure_days').select(['date', 'reason']).orderBy('date').execute();
}

/** Marks the day closed with its reason, or open again with `reason` null. */
export async function setClosureDay(db: Db, date: LocalDate, reason: string | null): Promise<void> {
  if (reason === null) await db.deleteFrom('closure_days').where('date', '=', date).execute();
  else
    await db
      .insertInto('closure_days')
      .values({ date, reason })
      .onConflict((oc) => oc.column('date').doUpdateSet({ reason }))
      .execute();
}

/** The rule checker's view of some workers. */
export async function staffByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'languages', 'max_duties_per_week'])
    .where('id', 'in', ids)
    .execute();
}

/** The active workers who take duties, by name. */
export async function rosteredStaff(db: Db) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'fte'])
    .where('active', '=', 1)
    .where('role', 'in', ROSTERED_ROLES)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A worker's name and whether they are active. */
export async function staffNameOf(db: Db, id: string) {
  return db.selectFrom('staff').select(['name', 'active']).where('id', '=', id).executeTakeFirst();
}

/** An absence with its worker's name. */
export async function absenceWithName(db: Db, id: number) {
  return db
    .selectFrom('absences as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.staff_id', 'a.from_date', 'a.to_date', 's.name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Every worker's name by id. */
export async function staffNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('staff').select(['id', 'name']).execute();
  return new Map(rows.map((s) => [s.id, s.name] as const));
}

/** What the roster solver needs of the county's staff for a range: workers, absences, wishes, closure days. */
export async function scenarioRows(db: Db, from: LocalDate, to: LocalDate) {
  return Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'name', 'role', 'fte', 'languages', 'max_duties_per_week'])
      .where('active', '=', 1)
      .where('role', 'in', ROSTERED_ROLES)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('absences')
      .select(['staff_id', 'from_date', 'to_date'])
      .where('to_date', '>=', from)
      .where('from_date', '<=', to)
      .execute(),
    db
      .selectFrom('duty_wishes')
      .select(['staff_id', 'date'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
    db.selectFrom('closure_days').select('date').execute(),
  ]);
}
