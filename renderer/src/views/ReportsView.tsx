import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardPanel } from './reports/DashboardPanel';
import { ThlReportPanel } from './reports/ThlReportPanel';

const TABS = ['thl', 'dashboard'] as const;
type Tab = (typeof TABS)[number];

/** Reports for team leads: deadline monitoring for THL and the dashboard. */
export function ReportsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('thl');
  return (
    <>
      <div className="tabs no-print" role="tablist" aria-label={t('reports.tabs.label')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`reports.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'thl' && <ThlReportPanel />}
        {tab === 'dashboard' && <DashboardPanel />}
      </div>
    </>
  );
}
