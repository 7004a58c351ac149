import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { CLIENT_ROLES, type Role } from '../../../../shared/roles';
import { SecretStrength } from '../../components/SecretStrength';
import type { Staff as StaffMember } from '../../../../shared/contract/roster';
import type { UserAccount } from '../../../../shared/contract/team';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConfirmBar } from '../../components/ConfirmBar';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/appStore';
import { useReferenceStore } from '../../state/referenceStore';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

interface Draft {
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  staffId: string;
  password: string;
}
const EMPTY: Draft = { username: '', displayName: '', role: 'ADVICE', staffId: '', password: '' };

/**
 * User accounts (team leads and the county admin): add, edit name, role and roster link, deactivate or
 * reactivate (after a confirmation), and reset a password to a temporary one the user replaces at sign-in.
 * The guard rails (own role, last lead, the admin role) are the main process's; its refusals show here.
 * Accounts that see client data are a team lead's to manage; the county admin manages admin accounts only,
 * so the screen offers each only what the main process will allow.
 */
export function UsersPanel() {
  const { t, i18n } = useTranslation();
  const me = useApp((s) => s.status?.user);
  const grantable: readonly Role[] = me?.role === 'LEAD' ? CLIENT_ROLES : ['ADMIN'];
  const manages = (role: Role) => grantable.includes(role) || (me?.role === 'ADMIN' && role === 'ADMIN');
  const [users, setUsers] = useState<UserAccount[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirm, setConfirm] = useState<UserAccount | null>(null);
  const [reset, setReset] = useState<{ user: UserAccount; password: string } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api.users.list({});
    if (r.ok) setUsers(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
    void api.staff.directory({ from: '2000-01-01', to: '2000-01-01' }).then((r) => r.ok && setStaff(r.value.staff));
  }, [load]);

  const done = async (r: { ok: boolean; error?: ErrorPayload }, message: string) => {
    if (!r.ok) return setError(r.error ?? null);
    setError(null);
    setNotice(message);
    setDraft(null);
    setConfirm(null);
    setReset(null);
    // Who a case can be given to may have changed with the account.
    await Promise.all([load(), useReferenceStore.getState().reload()]);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const r = await api.users.save({
      ...(draft.id ? { id: draft.id } : {}),
      username: draft.username.trim().toLowerCase(),
      displayName: draft.displayName,
      role: draft.role,
      staffId: draft.staffId || null,
      ...(draft.password ? { password: draft.password } : {}),
    });
    await done(r, t('team.users.saved', { name: draft.displayName }));
  };
  return (
    <div className="users-panel">
      <p role="status" className={notice ? 'banner banner-info' : 'sr-only'}>
        {notice}
      </p>
      <ErrorBanner error={error} />
      {confirm && (
        <ConfirmBar
          question={t(confirm.active ? 'team.users.confirmDeactivate' : 'team.users.confirmActivate', {
            name: confirm.displayName,
          })}
          confirmLabel={t(confirm.active ? 'team.users.deactivate' : 'team.users.activate')}
          onConfirm={async () =>
            done(
              await api.users.setActive({ id: confirm.id, active: !confirm.active }),
              t(confirm.active ? 'team.users.deactivated' : 'team.users.activated', { name: confirm.displayName }),
            )
          }
          onCancel={() => setConfirm(null)}
        />
      )}
      {reset && (
        <form
          className="panel"
          aria-label={t('team.users.resetTitle', { name: reset.user.displayName })}
          onSubmit={async (e) => {
            e.preventDefault();
            await done(
              await api.users.resetPassword({ id: reset.user.id, password: reset.password }),
              t('team.users.resetDone', { name: reset.user.displayName }),
            );
          }}
        >
          <h2>{t('team.users.resetTitle', { name: reset.user.displayName })}</h2>
          <Field
            label={t('team.users.temporaryPassword')}
            hint={t('team.users.temporaryHint')}
            type="password"
            autoComplete="new-password"
            value={reset.password}
            onChange={(e) => setReset({ ...reset, password: e.target.value })}
            minLength={10}
            required
            autoFocus
          />
          <SecretStrength
            value={reset.password}
            kind="password"
            related={[reset.user.username, reset.user.displayName]}
          />
          <div className="button-row">
            <button type="submit" className="primary">
              {t('team.users.resetPassword')}
            </button>
            <button type="button" onClick={() => setReset(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {draft ? (
        <form
          className="panel user-form"
          onSubmit={save}
          aria-label={t(draft.id ? 'team.users.edit' : 'team.users.add')}
        >
          <h2>{t(draft.id ? 'team.users.edit' : 'team.users.add')}</h2>
          <Field
            label={t('team.users.displayName')}
            value={draft.displayName}
            onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
            required
            autoFocus
          />
          <Field
            label={t('setup.username')}
            value={draft.username}
            onChange={(e) => setDraft({ ...draft, username: e.target.value })}
            autoComplete="off"
            required
          />
          <SelectField<Role>
            label={t('team.users.role')}
            value={draft.role}
            onChange={(role) => setDraft({ ...draft, role: role || 'ADVICE' })}
            options={grantable.map((r) => [r, t(`roles.${r}`)] as const)}
          />
          <SelectField
            label={t('team.users.staff')}
            value={draft.staffId}
            onChange={(staffId) => setDraft({ ...draft, staffId })}
            empty={{ label: t('team.users.noStaff'), selectable: true }}
            options={staff.map((s) => [s.id, s.name] as const)}
          />
          {!draft.id && (
            <Field
              label={t('team.users.firstPassword')}
              hint={t('team.users.temporaryHint')}
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              minLength={10}
              required
            />
          )}
          {!draft.id && (
            <SecretStrength value={draft.password} kind="password" related={[draft.username, draft.displayName]} />
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => setDraft({ ...EMPTY, role: grantable[0]! })}>
            {t('team.users.add')}
          </button>
          {me?.role === 'ADMIN' && <p className="muted">{t('team.users.leadsGrant')}</p>}
        </>
      )}
      <ScrollTable>
        <caption>{t('team.users.caption', { count: users.filter((u) => u.active).length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.users.displayName')}</th>
            <th scope="col">{t('setup.username')}</th>
            <th scope="col">{t('team.users.role')}</th>
            <th scope="col">{t('team.users.staff')}</th>
            <th scope="col">{t('team.users.lastSignIn')}</th>
            <th scope="col">
              <span className="sr-only">{t('team.board.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'past'}>
              <th scope="row">
                {u.displayName}
                {!u.active && <span className="badge">{t('team.users.inactive')}</span>}
                {u.mustChangePassword && <span className="badge">{t('team.users.mustChange')}</span>}
              </th>
              <td>{u.username}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.staffName ?? '–'}</td>
              <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt, i18n.language) : '–'}</td>
              <td>
                {manages(u.role) && (
                  <div className="button-row nowrap">
                    <button
                      type="button"
                      aria-label={t('team.users.editOf', { name: u.displayName })}
                      onClick={() =>
                        setDraft({
                          id: u.id,
                          username: u.username,
                          displayName: u.displayName,
                          role: u.role,
                          staffId: u.staffId ?? '',
                          password: '',
                        })
                      }
                    >
                      {t('common.edit')}
                    </button>
                    {u.id !== me?.id && (
                      <>
                        <button
                          type="button"
                          aria-label={t('team.users.resetOf', { name: u.displayName })}
                          onClick={() => setReset({ user: u, password: '' })}
                        >
                          {t('team.users.resetPassword')}
                        </button>
                        <button
                          type="button"
                          onClick={() => setConfirm(u)}
                          aria-label={`${t(u.active ? 'team.users.deactivate' : 'team.users.activate')}: ${u.displayName}`}
                        >
                          {t(u.active ? 'team.users.deactivate' : 'team.users.activate')}
                        </button>
                      </>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
