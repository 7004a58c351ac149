/**
 * User accounts, managed by team leads and the county admin: create, edit (name, role, roster link),
 * deactivate and reactivate, reset a password (the user then sets their own at the next sign-in). Every
 * change is one audited transaction. Guard rails: nobody changes their own role or deactivates themselves,
 * the last active team lead stays, and only an admin gives or takes the admin role.
 *
 * Rights to client data are a team lead's to grant (703/2023 § 9): only a lead creates, edits, resets,
 * deactivates or reactivates an account whose role sees client data (CLIENT_ROLES), so the county's IT
 * admin cannot make itself (or anyone) a reader of cases. An account someone else set a password for must
 * change it at its first sign-in, and every other active lead gets a message when an account is created,
 * changes role or has its password reset.
 */
import { LuukkuError, Refusal } from '../../../shared/errors';
import { ASSIGNABLE_ROLES, CLIENT_ROLES, type Role } from '../../../shared/roles';
import type { CurrentUser } from '../../../shared/contract';
import type { SaveUser, UserAccount } from '../../../shared/contract/team';
import type { Core } from '../../app/core';
import { hashPassword, requireGoodPassword } from '../../security/passwords';
import type { Db } from '../../store/schema';
import { insertUser } from './userQueries';
import { FieldErrors } from '../cases/caseValidation';

/** Every account (or the one with `onlyId`), with its last good sign-in from the log. */
export async function listUsers(db: Db, onlyId?: string): Promise<UserAccount[]> {
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
  const rows = await query.execute();
  return rows.map(({ mustChange, active, role, lastSignInAt, ...r }) => ({
    ...r,
    role,
    active: active === 1,
    mustChangePassword: mustChange === 1,
    lastSignInAt: (lastSignInAt as string | null) ?? null,
  }));
}

const accountOf = async (db: Db, id: string): Promise<UserAccount> => (await listUsers(db, id))[0]!;

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
    .execute();
}

async function activeLeads(db: Db, except: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'LEAD')
    .where('active', '=', 1)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refuses (FORBIDDEN, logged) anyone but a team lead touching an account whose role sees client data. */
function requireLeadForClientData(me: CurrentUser, roles: (Role | undefined)[]): void {
  if (me.role !== 'LEAD' && roles.some((r) => r !== undefined && CLIENT_ROLES.includes(r)))
    throw new Refusal(
      'Only a team lead creates or changes an account that sees client data.',
      'account with client-data rights',
    );
}

type AccountChange = 'ACCOUNT_CREATED' | 'ACCOUNT_ROLE_CHANGED' | 'PASSWORD_RESET';

/** A message to every other active team lead about an account's rights or password. */
async function tellLeads(
  trx: Db,
  me: CurrentUser,
  kind: AccountChange,
  account: { displayName: string; username: string; role: string },
  at: string,
): Promise<void> {
  const leads = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'LEAD')
    .where('active', '=', 1)
    .where('id', '!=', me.id)
    .execute();
  const data = {
    count: 1,
    by: me.displayName,
    other: `${account.displayName} (${account.username})`,
    reason: '',
    role: account.role,
  };
  for (const lead of leads)
    await trx
      .insertInto('inbox')
      .values({ user_id: lead.id, at, kind, data: JSON.stringify(data), read_at: null })
      .execute();
}

export async function saveUser(core: Core, input: SaveUser & { staffId: string | null }): Promise<UserAccount> {
  const me = await core.requireUser();
  if (input.password) requireGoodPassword('password', input.password, [input.username, input.displayName]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await core.transact(
    (userId: string) => ({
      actor: core.actor(),
      action: input.id ? 'users.update' : 'users.create',
      details: { userId, role: input.role },
    }),
    async (trx) => {
      const errors = new FieldErrors();
      const existing = input.id
        ? await trx.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst()
        : undefined;
      if (input.id && !existing) throw new LuukkuError('NOT_FOUND', 'No such user.');
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (taken && taken.id !== input.id) errors.add('username', 'already in use');
      if (
        input.staffId &&
        !(await trx.selectFrom('staff').select('id').where('id', '=', input.staffId).executeTakeFirst())
      )
        errors.add('staffId', 'no such worker on the roster');
      requireLeadForClientData(me, [input.role, existing?.role]);
      const roleChanges = existing && existing.role !== input.role;
      if (existing?.id === me.id && roleChanges) errors.add('role', 'ask another team lead to change your own role');
      if ((input.role === 'ADMIN' || existing?.role === 'ADMIN') && (roleChanges || !existing) && me.role !== 'ADMIN')
        errors.add('role', 'only the county admin gives or takes the admin role');
      if (existing?.role === 'LEAD' && roleChanges && existing.active && (await activeLeads(trx, existing.id)) === 0)
        errors.add('role', 'the last active team lead keeps the role');
      errors.throwIfAny();
      const at = core.now().toISOString();
      const account = { displayName: input.displayName, username: input.username, role: input.role };
      if (!existing) {
        await tellLeads(trx, me, 'ACCOUNT_CREATED', account, at);
        return insertUser(
          trx,
          {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            passwordHash: passwordHash!,
            staffId: input.staffId,
            mustChangePassword: true,
          },
          core.now(),
        );
      }
      if (roleChanges) await tellLeads(trx, me, 'ACCOUNT_ROLE_CHANGED', account, at);
      if (passwordHash) await tellLeads(trx, me, 'PASSWORD_RESET', account, at);
      await trx
        .updateTable('users')
        .set({
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          staff_id: input.staffId,
          ...(passwordHash
            ? { password_hash: passwordHash, password_changed_at: core.now().toISOString(), must_change_password: 1 }
            : {}),
        })
        .where('id', '=', existing.id)
        .execute();
      return existing.id;
    },
  );
  return accountOf(core.db, id);
}

export async function setUserActive(core: Core, userId: string, active: boolean): Promise<UserAccount> {
  const me = await core.requireUser();
  await core.transact(
    { actor: core.actor(), action: active ? 'users.activate' : 'users.deactivate', details: { userId } },
    async (trx) => {
      const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
      if (!user) throw new LuukkuError('NOT_FOUND', 'No such user.');
      requireLeadForClientData(me, [user.role]);
      const errors = new FieldErrors();
      if (!active && user.id === me.id) errors.add('id', 'you cannot deactivate your own account');
      if (!active && user.role === 'LEAD' && (await activeLeads(trx, user.id)) === 0)
        errors.add('id', 'the last active team lead stays active');
      if (user.role === 'ADMIN' && me.role !== 'ADMIN')
        errors.add('id', 'only the county admin manages the admin account');
      errors.throwIfAny();
      await trx
        .updateTable('users')
        .set({ active: active ? 1 : 0 })
        .where('id', '=', userId)
        .execute();
    },
  );
  return accountOf(core.db, userId);
}

/** A temporary password from a lead: the user must choose their own when they next sign in. */
export async function resetPassword(core: Core, userId: string, password: string): Promise<UserAccount> {
  const me = await core.requireUser();
  const hash = await hashPassword(password);
  await core.transact({ actor: core.actor(), action: 'users.resetPassword', details: { userId } }, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'role', 'display_name', 'username'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new LuukkuError('NOT_FOUND', 'No such user.');
    requireLeadForClientData(me, [user.role]);
    requireGoodPassword('password', password, [user.username, user.display_name]);
    if (user.role === 'ADMIN' && me.role !== 'ADMIN')
      throw new FieldErrors().error('id: only the county admin manages the admin account');
    const { username } = await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: core.now().toISOString(), must_change_password: 1 })
      .where('id', '=', userId)
      .returning('username')
      .executeTakeFirstOrThrow();
    // A new password lifts the pause that wrong ones put on signing in.
    await trx.deleteFrom('sign_in_failures').where('username', '=', username).execute();
    const account = { displayName: user.display_name, username: user.username, role: user.role };
    await tellLeads(trx, me, 'PASSWORD_RESET', account, core.now().toISOString());
  });
  return accountOf(core.db, userId);
}
