import type { Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * What the roster needs beyond assignments: each worker's duty wishes ("rather not this day") and the
 * change history of published roster periods (who changed what, when and why).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('duty_wishes')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_wishes_pk', ['staff_id', 'date'])
    .execute();
  await db.schema
    .createTable('roster_changes')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('period_id', 'text', (c) => c.notNull().references('roster_periods.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roster_changes_period').on('roster_changes').columns(['period_id', 'id']).execute();
  await db.schema.createIndex('duty_by_week').on('duty_assignments').columns(['week', 'staff_id']).execute();
}
