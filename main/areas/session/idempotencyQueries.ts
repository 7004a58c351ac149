/** The county server's idempotency keys (migration 015): claimed by a call's first write, answered after. */
import type { Db, IdempotencyKeysTable } from '../../store/schema';

/** Claims a key inside the write's own transaction; false when it was claimed already (a retry racing the first). */
export async function claimIdempotencyKey(db: Db, row: Omit<IdempotencyKeysTable, 'result'>): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ ...row, result: null })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findIdempotencyKey(db: Db, keyHash: string): Promise<IdempotencyKeysTable | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function saveIdempotentResult(db: Db, keyHash: string, result: string): Promise<void> {
  await db.updateTable('idempotency_keys').set({ result }).where('key_hash', '=', keyHash).execute();
}

/** Removes keys claimed before `before` (an ISO instant): a retry comes within seconds, not days. */
export async function purgeIdempotencyKeys(db: Db, before: string): Promise<number> {
  const removed = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(removed.numDeletedRows);
}
