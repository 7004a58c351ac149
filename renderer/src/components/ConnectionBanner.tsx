import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../state/liveUpdates';
import { useServerVersion } from '../state/serverVersion';

/**
 * On the county server: while the live connection is down, the view says it may be out of date, so that
 * nobody takes what it shows as current (issue 20 item 4). It refreshes itself once the connection is back.
 * After an upgrade of the server, it asks for a reload instead.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useLiveStatus((s) => s.state);
  const newer = useServerVersion((s) => s.newer);
  if (newer !== null)
    return (
      <div className="banner banner-warning" role="alert">
        <p>{t('live.newVersion', { version: newer })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('live.reload')}
        </button>
      </div>
    );
  if (state !== 'reconnecting') return null;
  return (
    <p className="banner banner-warning" role="status">
      {t('live.reconnecting')}
    </p>
  );
}
