import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { useApp } from '../state/appStore';

/** A lost key or a damaged store: say so plainly, and never create an empty store in its place. */
export function BlockedView({ phase }: { phase: 'KEY_MISSING' | 'STORE_ERROR' }) {
  const { t } = useTranslation();
  const status = useApp((s) => s.status);
  return (
    <AuthLayout title={t(`blocked.${phase}`)}>
      <p className="banner banner-error" role="alert">
        {status?.message}
      </p>
      <p>{t('blocked.help')}</p>
      <p className="muted">{t('blocked.path', { path: status?.storePath })}</p>
    </AuthLayout>
  );
}
