import type { Kysely } from 'kysely';

/**
 * Idempotency keys of the county server (issue 20 item 2): a write sent again after its answer was lost
 * (a dropped connection, a client's retry) is done once. The key's SHA-256 with the user it belongs to is
 * written in the same transaction as the write; the answer is kept beside it, so the retry gets the very
 * answer the first call had. Rows older than a day are removed by the server.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
}
