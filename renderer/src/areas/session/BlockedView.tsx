import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

/**
 * A lost key or a damaged store: say so plainly, and never create an empty store in its place. A damaged
 * store can be replaced by its newest backup that verifies (the damaged file is kept, renamed).
 */
export function BlockedView({ phase }: { phase: 'KEY_MISSING' | 'STORE_ERROR' }) {
  const { t } = useTranslation();
  const { status, transition, error, busy } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await transition(() => api.store.restoreLatest({ passphrase }));
  };
  return (
    <AuthLayout title={t(`blocked.${phase}`)}>
      <p className="banner banner-error" role="alert">
        {status?.message}
      </p>
      <p>{t('blocked.help')}</p>
      {phase === 'STORE_ERROR' && (
        <form onSubmit={submit} aria-label={t('blocked.restoreTitle')}>
          <h2>{t('blocked.restoreTitle')}</h2>
          <p>{t('blocked.restoreHelp')}</p>
          <Field
            label={t('blocked.passphrase')}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
          />
          <ErrorBanner error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('blocked.restore')}
          </button>
        </form>
      )}
      <p className="muted">{t('blocked.path', { path: status?.storePath })}</p>
    </AuthLayout>
  );
}
