import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SecretStrength } from '../../components/SecretStrength';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

/** After a lead reset the password: the user chooses their own before anything else opens. */
export function ChangePasswordView() {
  const { t } = useTranslation();
  const { busy, error, transition, status } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await transition(() => api.session.changePassword({ current, next, repeat }));
  };
  return (
    <AuthLayout title={t('changePassword.title')}>
      <p>{t('changePassword.intro', { name: status?.user?.displayName })}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <Field
          label={t('changePassword.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
          autoFocus
        />
        <Field
          label={t('changePassword.next')}
          hint={t('changePassword.hint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          minLength={10}
          required
        />
        <SecretStrength
          value={next}
          kind="password"
          related={[status?.user?.username ?? '', status?.user?.displayName ?? '']}
        />
        <Field
          label={t('changePassword.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          required
        />
        <ErrorBanner error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {t('changePassword.submit')}
          </button>
          <button type="button" onClick={() => void transition(() => api.session.signOut({ reason: 'USER' }))}>
            {t('common.signOut')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
