import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { ASSIGNABLE_ROLES, type Role } from '../../../shared/roles';
import type { Db, UserRow, UsersTable } from '../../store/schema';

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

/** Every account (or the one with `onlyId`), with its roster entry's name and its last good sign-in. */
export async function selectAccounts(db: Db, onlyId?: string) {
  // One pass over the log for all users, not one per user: the log has no index by user.
  const lastSignIn = db
    .selectFrom('audit_log')
    .select(['user_id', (eb) => eb.fn.max('at').as('at')])
    .where('action', '=', 'session.signIn')
    .where('outcome', '=', 'OK')
    .groupBy('user_id')
    .as('l');
  let query = db
    .selectFrom('users as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .leftJoin(lastSignIn, 'l.user_id', 'u.id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.staff_id as staffId',
      's.name as staffName',
      'u.active',
      'u.must_change_password as mustChange',
      'u.created_at as createdAt',
      'l.at as lastSignInAt',
    ])
    .orderBy('u.active', 'desc')
    .orderBy('u.display_name');
  if (onlyId) query = query.where('u.id', '=', onlyId);
  return query.execute();
}

/** Active social workers a case can be assigned to, with their roster entry (area, team, FTE). */
export async function assignableUsers(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .select([
      'u.id',
      'u.display_name as name',
      'u.role',
      'u.staff_id as staffId',
      's.area_id as areaId',
      's.team_id as teamId',
      's.fte',
    ])
    .where('u.active', '=', 1)
    .where('u.role', 'in', ASSIGNABLE_ROLES)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** The active team leads other than `except`. */
export async function otherActiveLeads(db: Db, except: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'LEAD')
    .where('active', '=', 1)
    .where('id', '!=', except)
    .execute();
  return rows.map((r) => r.id);
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** A new password hash; `mustChange`: someone else chose it, so the user replaces it at the next sign-in. */
export async function setPassword(db: Db, id: string, hash: string, at: Date, mustChange: boolean): Promise<void> {
  await updateUser(db, id, {
    password_hash: hash,
    password_changed_at: at.toISOString(),
    must_change_password: mustChange ? 1 : 0,
  });
}

/** An account with the team of its roster entry: who a case can be moved to. */
export async function userWithTeam(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .select(['u.id', 'u.display_name as name', 'u.role', 'u.active', 's.team_id as teamId'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/** Every account's display name by id. */
export async function userNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** Whether the account is active, its role and its roster entry's team: who a decision may assign. */
export async function assigneeOf(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .select(['u.active', 'u.role', 's.team_id'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}
