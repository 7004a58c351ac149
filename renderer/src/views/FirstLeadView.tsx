import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useApp } from '../state/appStore';

/** A store created with the admin CLI has no accounts: the first team lead is created here. */
export function FirstLeadView() {
  const { t } = useTranslation();
  const { busy, error, transition } = useApp();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await transition(() =>
      window.luukku.setup.createFirstLead({ displayName, username: username.trim().toLowerCase(), password }),
    );
  };
  return (
    <AuthLayout title={t('setup.firstLeadTitle')}>
      <p>{t('setup.firstLeadIntro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('setup.leadName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="name"
          required
          autoFocus
        />
        <Field
          label={t('setup.username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          hint={t('setup.usernameHint')}
          autoComplete="username"
          required
        />
        <Field
          label={t('setup.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('setup.passwordHint')}
          autoComplete="new-password"
          required
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.createAccount')}
        </button>
      </form>
    </AuthLayout>
  );
}
