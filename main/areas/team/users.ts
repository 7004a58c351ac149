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
import { CLIENT_ROLES, type Role } from '../../../shared/roles';
import type { CurrentUser } from '../../../shared/contract';
import type { SaveUser, UserAccount } from '../../../shared/contract/team';
import type { Context } from '../../app/context';
import { hashPassword, requireGoodPassword } from '../../security/passwords';
import type { Db } from '../../store/schema';
import { clearSignInFailures } from '../session/queries';
import { staffExists } from '../staff/queries';
import { insertMessage } from './inboxQueries';
import {
  findUser,
  findUserByUsername,
  insertUser,
  otherActiveLeads,
  selectAccounts,
  setPassword,
  updateUser,
} from './userQueries';
import { FieldErrors } from '../cases/caseValidation';

/** Every account (or the one with `onlyId`), with its last good sign-in from the log. */
export async function listUsers(db: Db, onlyId?: string): Promise<UserAccount[]> {
  const rows = await selectAccounts(db, onlyId);
  return rows.map(({ mustChange, active, role, lastSignInAt, ...r }) => ({
    ...r,
    role,
    active: active === 1,
    mustChangePassword: mustChange === 1,
    lastSignInAt: (lastSignInAt as string | null) ?? null,
  }));
}

const accountOf = async (db: Db, id: string): Promise<UserAccount> => (await listUsers(db, id))[0]!;

const activeLeads = async (db: Db, except: string): Promise<number> => (await otherActiveLeads(db, except)).length;

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
  const leads = await otherActiveLeads(trx, me.id);
  const data = {
    count: 1,
    by: me.displayName,
    other: `${account.displayName} (${account.username})`,
    reason: '',
    role: account.role,
  };
  for (const lead of leads) await insertMessage(trx, { user_id: lead, at, kind, data: JSON.stringify(data) });
}

export async function saveUser(core: Context, input: SaveUser & { staffId: string | null }): Promise<UserAccount> {
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
      const existing = input.id ? await findUser(trx, input.id) : undefined;
      if (input.id && !existing) throw new LuukkuError('NOT_FOUND', 'No such user.');
      const taken = await findUserByUsername(trx, input.username);
      if (taken && taken.id !== input.id) errors.add('username', 'already in use');
      if (input.staffId && !(await staffExists(trx, input.staffId)))
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
      await updateUser(trx, existing.id, {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        staff_id: input.staffId,
      });
      if (passwordHash) await setPassword(trx, existing.id, passwordHash, core.now(), true);
      return existing.id;
    },
  );
  return accountOf(core.db, id);
}

export async function setUserActive(core: Context, userId: string, active: boolean): Promise<UserAccount> {
  const me = await core.requireUser();
  await core.transact(
    { actor: core.actor(), action: active ? 'users.activate' : 'users.deactivate', details: { userId } },
    async (trx) => {
      const user = await findUser(trx, userId);
      if (!user) throw new LuukkuError('NOT_FOUND', 'No such user.');
      requireLeadForClientData(me, [user.role]);
      const errors = new FieldErrors();
      if (!active && user.id === me.id) errors.add('id', 'you cannot deactivate your own account');
      if (!active && user.role === 'LEAD' && (await activeLeads(trx, user.id)) === 0)
        errors.add('id', 'the last active team lead stays active');
      if (user.role === 'ADMIN' && me.role !== 'ADMIN')
        errors.add('id', 'only the county admin manages the admin account');
      errors.throwIfAny();
      await updateUser(trx, userId, { active: active ? 1 : 0 });
    },
  );
  return accountOf(core.db, userId);
}

/** A temporary password from a lead: the user must choose their own when they next sign in. */
export async function resetPassword(core: Context, userId: string, password: string): Promise<UserAccount> {
  const me = await core.requireUser();
  const hash = await hashPassword(password);
  await core.transact({ actor: core.actor(), action: 'users.resetPassword', details: { userId } }, async (trx) => {
    const user = await findUser(trx, userId);
    if (!user) throw new LuukkuError('NOT_FOUND', 'No such user.');
    requireLeadForClientData(me, [user.role]);
    requireGoodPassword('password', password, [user.username, user.display_name]);
    if (user.role === 'ADMIN' && me.role !== 'ADMIN')
      throw new FieldErrors().error('id: only the county admin manages the admin account');
    await setPassword(trx, userId, hash, core.now(), true);
    await clearSignInFailures(trx, user.username);
    const account = { displayName: user.display_name, username: user.username, role: user.role };
    await tellLeads(trx, me, 'PASSWORD_RESET', account, core.now().toISOString());
  });
  return accountOf(core.db, userId);
}
