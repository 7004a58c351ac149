import type { Kysely } from 'kysely';

/**
 * The assessment's own work (issue 22 items 1 and 2): a running assessment's work pair beside its responsible
 * social worker, and its meetings as a plan and a record. `child_met` is kept from the participants when a
 * meeting is written, so the queue can find the assessments in which nobody has met the child yet.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('pair_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('cases_pair').on('cases').column('pair_user_id').execute();
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('child_met', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_case').on('meetings').columns(['case_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_starts').on('meetings').columns(['starts_at', 'status']).execute();
}
