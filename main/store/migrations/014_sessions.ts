import type { Kysely } from 'kysely';

/**
 * The county server's sessions (issue 20): a browser or a desktop client holds a random 256-bit token, the
 * store only its SHA-256, so that every server instance knows a session and a copy of the store gives no
 * one a way in. Idle sign-out and sign-out are decided here, on the server; an ended session stays as a row
 * with why it ended (USER, IDLE, LEAD, REVOKED) until it is cleaned up.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_activity', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_reason', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'ended_at']).execute();
}
