import type { Kysely } from 'kysely';

/**
 * "New since my last visit" (issue 21 item 13): each account keeps the time of its latest sign-in and of
 * the one before, so the queue can mark the cases that came in since the user last signed in. The log has
 * every sign-in too, but no index by user to find them fast.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('previous_sign_in_at', 'text').execute();
}
