import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../shared/roles';
import { useApp } from '../state/appStore';

const POLL_MS = 2000;

/**
 * While the start-up quick check runs, its result is polled; damage found, or an audit log cut short (its
 * anchor outside the store records more), gets a banner that says what to do.
 */
export function IntegrityBanner() {
  const { t } = useTranslation();
  const { status, refresh } = useApp();
  const checking = status?.integrity === 'CHECKING';
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [checking, refresh]);
  const lead = !!status?.user && MANAGERS.includes(status.user.role);
  if (status?.integrity === 'LOG_ALTERED') {
    return (
      <p className="banner banner-error" role="alert">
        {t('integrity.logAltered')} {t(lead ? 'integrity.logAlteredLead' : 'integrity.tellLeadLog')}
      </p>
    );
  }
  if (status?.integrity !== 'DAMAGED') return null;
  return (
    <p className="banner banner-error" role="alert">
      {t('integrity.damaged')} {t(lead ? 'integrity.restoreLead' : 'integrity.tellLead')}
    </p>
  );
}
