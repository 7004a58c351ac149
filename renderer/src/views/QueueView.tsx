import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../state/appStore';

export function QueueView() {
  const { t } = useTranslation();
  const { overview, error } = useApp();
  if (!overview) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <>
      <ErrorBanner error={error} />
      {overview.openCases === 0 ? (
        <EmptyState title={t('queue.emptyTitle')}>{t('queue.emptyBody')}</EmptyState>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>{t('queue.open')}</dt>
              <dd>{overview.openCases}</dd>
            </div>
            <div className={overview.overdueCases ? 'stat-alert' : ''}>
              <dt>{t('queue.overdue')}</dt>
              <dd>{overview.overdueCases}</dd>
            </div>
          </dl>
          <p>{t('queue.summary', { open: overview.openCases, overdue: overview.overdueCases })}</p>
        </>
      )}
    </>
  );
}
