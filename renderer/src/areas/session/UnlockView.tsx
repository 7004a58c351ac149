import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

export function UnlockView() {
  const { t } = useTranslation();
  const { busy, error, transition, status } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await transition(() => api.store.unlock({ passphrase })))) setPassphrase('');
  };
  return (
    <AuthLayout title={t('unlock.title')}>
      <p>{t('unlock.intro')}</p>
      <p className="muted">{t('blocked.path', { path: status?.storePath })}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <Field
          label={t('setup.passphrase')}
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="current-password"
          required
          autoFocus
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy || !passphrase}>
          {busy ? t('unlock.opening') : t('unlock.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
