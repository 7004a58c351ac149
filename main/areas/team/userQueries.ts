import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/roles';
import type { Db, UserRow } from '../../store/schema';

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    staffId?: string | null;
    /** A password someone else chose: the user must replace it at the first sign-in. */
    mustChangePassword?: boolean;
  },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      staff_id: user.staffId ?? null,
      password_hash: user.passwordHash,
      active: 1,
      created_at: now.toISOString(),
      password_changed_at: now.toISOString(),
      must_change_password: user.mustChangePassword ? 1 : 0,
    })
    .execute();
  return id;
}
