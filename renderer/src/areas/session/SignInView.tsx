import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

export function SignInView() {
  const { t } = useTranslation();
  const { busy, error, transition, status } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await transition(() => api.session.signIn({ username: username.trim().toLowerCase(), password }))))
      setPassword('');
  };
  return (
    <AuthLayout title={t('signIn.title')}>
      {status?.countyName && <p className="muted">{status.countyName}</p>}
      {status?.message === 'IDLE_LOCK' && (
        <p className="banner banner-info" role="status">
          {t('signIn.idle')}
        </p>
      )}
      <form onSubmit={submit} aria-busy={busy}>
        <Field
          label={t('setup.username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          required
          autoFocus
        />
        <Field
          label={t('setup.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {t('signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
