import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { DashboardPanel } from './DashboardPanel';
import { ThlReportPanel } from './ThlReportPanel';

const TABS = ['thl', 'dashboard'] as const;
type Tab = (typeof TABS)[number];

/** Reports for team leads: deadline monitoring for THL and the dashboard. */
export function ReportsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('thl');
  return (
    <Tabs
      tabs={TABS}
      label={t('reports.tabs.label')}
      labelOf={(id) => t(`reports.tabs.${id}`)}
      selected={tab}
      onSelect={setTab}
    >
      {tab === 'thl' && <ThlReportPanel />}
      {tab === 'dashboard' && <DashboardPanel />}
    </Tabs>
  );
}
