import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LeadAccountFields, normalizedLead, type LeadAccount } from '../../components/LeadAccountFields';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

/** A store created with the admin CLI has no accounts: the first team lead is created here. */
export function FirstLeadView() {
  const { t } = useTranslation();
  const { busy, error, transition } = useApp();
  const [lead, setLead] = useState<LeadAccount>({ displayName: '', username: '', password: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await transition(() => api.setup.createFirstLead(normalizedLead(lead)));
  };
  return (
    <AuthLayout title={t('setup.firstLeadTitle')}>
      <p>{t('setup.firstLeadIntro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <LeadAccountFields value={lead} onChange={setLead} autoFocus />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.createAccount')}
        </button>
      </form>
    </AuthLayout>
  );
}
