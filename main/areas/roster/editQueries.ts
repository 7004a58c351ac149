/** The SQL of hand edits of the roster (main/areas/roster/rosterEdit.ts): duties, periods and their history. */
import type { Insertable, Updateable } from 'kysely';
import type { Db, DutyAssignmentsTable, RosterChangesTable } from '../../store/schema';
import { insertInChunks } from '../../store/chunks';

export async function periodRow(db: Db, id: string) {
  return db.selectFrom('roster_periods').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function publishPeriodRow(db: Db, id: string, at: string, by: string): Promise<void> {
  await db
    .updateTable('roster_periods')
    .set({ status: 'PUBLISHED', published_at: at, published_by: by })
    .where('id', '=', id)
    .execute();
}

export async function insertRosterChange(db: Db, change: Insertable<RosterChangesTable>): Promise<void> {
  await db.insertInto('roster_changes').values(change).execute();
}

/** The latest changes of the periods, newest first. */
export async function changesOf(db: Db, periodIds: readonly string[], limit: number) {
  return db
    .selectFrom('roster_changes')
    .selectAll()
    .where('period_id', 'in', periodIds)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One duty with its holder's name. */
export async function assignmentWithName(db: Db, id: number) {
  return db
    .selectFrom('duty_assignments as d')
    .innerJoin('staff as s', 's.id', 'd.staff_id')
    .select(['d.id', 'd.date', 'd.week', 'd.duty', 'd.staff_id', 'd.locked', 's.name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** The assessment-week duties of these weeks, with their holders' names. */
export async function weekHolders(db: Db, weeks: readonly string[]) {
  return db
    .selectFrom('duty_assignments as d')
    .innerJoin('staff as s', 's.id', 'd.staff_id')
    .select(['d.id', 'd.week', 'd.staff_id', 'd.locked', 's.name'])
    .where('d.week', 'in', weeks)
    .execute();
}

export async function updateAssignment(db: Db, id: number, patch: Updateable<DutyAssignmentsTable>): Promise<void> {
  await db.updateTable('duty_assignments').set(patch).where('id', '=', id).execute();
}

/** The ids of the roster periods, all of them or only the published ones. */
export async function periodIds(db: Db, only?: 'PUBLISHED'): Promise<Set<string>> {
  let q = db.selectFrom('roster_periods').select('id');
  if (only) q = q.where('status', '=', only);
  return new Set((await q.execute()).map((p) => p.id));
}

/** A month's period as a draft, unless it is already there. */
export async function ensureDraftPeriod(db: Db, period: { id: string; from: string; to: string }): Promise<void> {
  await db
    .insertInto('roster_periods')
    .values({
      id: period.id,
      from_date: period.from,
      to_date: period.to,
      status: 'DRAFT',
      published_at: null,
      published_by: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Rows per statement: well under SQLite's limit of bound variables. */
const CHUNK = 500;

export async function deleteAssignments(db: Db, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK)
    await db
      .deleteFrom('duty_assignments')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
}

export async function insertAssignments(db: Db, rows: readonly Insertable<DutyAssignmentsTable>[]): Promise<void> {
  await insertInChunks(db, 'duty_assignments', [...rows], CHUNK);
}

/** The unlocked duty a worker holds on a day or in a week, if any: what a repair takes from them. */
export async function unlockedDuty(
  db: Db,
  slot: { duty: string; staffId: string; date: string | null; week: string | null },
) {
  let q = db
    .selectFrom('duty_assignments')
    .select('id')
    .where('duty', '=', slot.duty)
    .where('staff_id', '=', slot.staffId)
    .where('locked', '=', 0);
  q = slot.date ? q.where('date', '=', slot.date) : q.where('week', '=', slot.week);
  return q.executeTakeFirst();
}

/** How many duties of each kind each worker held in a range of days and weeks: `staff|duty` → count. */
export async function dutyCounts(
  db: Db,
  days: { from: string; before: string },
  weeks: { from: string; before: string },
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('duty_assignments')
    .select(['staff_id', 'duty', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.or([
        eb.and([eb('date', '>=', days.from), eb('date', '<', days.before)]),
        eb.and([eb('week', '>=', weeks.from), eb('week', '<', weeks.before)]),
      ]),
    )
    .groupBy(['staff_id', 'duty'])
    .execute();
  return new Map(rows.map((r) => [`${r.staff_id}|${r.duty}`, Number(r.n)]));
}
