import type { Kysely } from 'kysely';

/**
 * Wrong passwords per user name, kept in the store so that restarting the app does not reset the pause
 * that slows password guessing (main/app/core.ts). A row goes when its user signs in or has the password reset.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('paused_until', 'text')
    .execute();
}
