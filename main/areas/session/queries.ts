/** The session area's SQL: wrong passwords per user name and the pause they put on signing in. */
import type { Db } from '../../store/schema';

export async function signInFailures(db: Db, username: string) {
  return db
    .selectFrom('sign_in_failures')
    .select(['failures', 'paused_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function recordSignInFailures(
  db: Db,
  username: string,
  failures: number,
  pausedUntil: string | null,
): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values({ username, failures, paused_until: pausedUntil })
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures, paused_until: pausedUntil }))
    .execute();
}

/** A good password (or a new one) lifts the pause that wrong ones put on signing in. */
export async function clearSignInFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('username', '=', username).execute();
}

/** A good sign-in: the latest becomes the one before, now the latest (migration 018). */
export async function recordSignIn(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ previous_sign_in_at: eb.ref('last_sign_in_at'), last_sign_in_at: at.toISOString() }))
    .where('id', '=', userId)
    .execute();
}
