import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../state/liveUpdates';

/**
 * On the county server: while the live connection is down, the view says it may be out of date, so that
 * nobody takes what it shows as current (issue 20 item 4). It refreshes itself once the connection is back.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useLiveStatus((s) => s.state);
  if (state !== 'reconnecting') return null;
  return (
    <p className="banner banner-warning" role="status">
      {t('live.reconnecting')}
    </p>
  );
}
