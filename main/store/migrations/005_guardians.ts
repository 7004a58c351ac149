import type { Kysely } from 'kysely';

/** The child's guardians as told at registration (for the notice to guardians): JSON on the notification. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('guardians', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
