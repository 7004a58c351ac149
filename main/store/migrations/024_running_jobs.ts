import type { Kysely } from 'kysely';

/**
 * Long jobs under way, for the other server instances on one PostgreSQL database (issue 20 item 6): a roster
 * generation, an import or a bulk reassignment runs on the instance its request reached, while its user's
 * progress polls and a cancel may reach another. The running instance keeps its job's progress here (a row
 * per user and kind, refreshed every few seconds, removed at the end) and reads back a cancel asked for
 * elsewhere. The encrypted SQLite store serves one process, which keeps its jobs in memory: the table stays
 * empty there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('running_jobs')
    .addColumn('job_key', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
