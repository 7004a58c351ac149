/**
 * The county server's sessions in the store (migration 014): found by the token's hash, with the user's
 * row as it is now (a lead may have taken the account out of use or reset its password since).
 */
import type { Db, SessionsTable, UserRow } from '../../store/schema';

export async function insertServerSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The live session of a token hash and its user, or undefined when there is none or it has ended. */
export async function findLiveServerSession(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionsTable; user: UserRow } | undefined> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

export async function touchServerSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_activity: at }).where('token_hash', '=', tokenHash).execute();
}

export async function endServerSession(db: Db, tokenHash: string, at: string, reason: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: at, ended_reason: reason })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

/** The sessions used since `activeSince` and not ended, with their users, most recently active first. */
export async function activeServerSessions(db: Db, activeSince: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.created_at', 's.last_activity', 'u.display_name', 'u.username', 'u.role'])
    .where('s.ended_at', 'is', null)
    .where('s.last_activity', '>=', activeSince)
    .orderBy('s.last_activity', 'desc')
    .orderBy('s.token_hash')
    .execute();
}

/** Removes sessions that ended (or went unused) before `before`: the log keeps who signed in, not these rows. */
export async function purgeServerSessions(db: Db, before: string): Promise<number> {
  const removed = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb.and([eb('ended_at', 'is not', null), eb('ended_at', '<', before)]), eb('last_activity', '<', before)]),
    )
    .executeTakeFirst();
  return Number(removed.numDeletedRows);
}
