/** The inbox's SQL: in-app messages to a user (cases moved to or from them, accounts changed). */
import type { Insertable } from 'kysely';
import type { Db, InboxTable } from '../../store/schema';

export async function insertMessage(db: Db, message: Omit<Insertable<InboxTable>, 'read_at'>): Promise<void> {
  await db
    .insertInto('inbox')
    .values({ ...message, read_at: null })
    .execute();
}

/** A user's latest messages, newest first, and how many are unread. */
export async function messagesOf(db: Db, userId: string, limit: number) {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('inbox')
      .select(['id', 'at', 'kind', 'data', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, unread: Number(unread.n) };
}

/** Marks the user's unread messages read: those of `ids`, or all. */
export async function markRead(db: Db, userId: string, ids: number[] | undefined, at: string): Promise<void> {
  let update = db.updateTable('inbox').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) update = update.where('id', 'in', ids.length ? ids : [-1]);
  await update.execute();
}
