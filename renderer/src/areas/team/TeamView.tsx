import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../../shared/roles';
import { Tabs } from '../../components/Tabs';
import { useApp } from '../../state/appStore';
import { RetentionPanel } from './RetentionPanel';
import { UsersPanel } from './UsersPanel';
import { WorkloadPanel } from './WorkloadPanel';

type Tab = 'workload' | 'users' | 'retention';

/** The team lead's area: the workload board and retention (leads), user accounts (leads and the admin). */
export function TeamView() {
  const { t } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const tabs: Tab[] =
    role === 'LEAD' ? ['workload', 'users', 'retention'] : role && MANAGERS.includes(role) ? ['users'] : [];
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'users');
  return (
    <Tabs tabs={tabs} label={t('nav.team')} labelOf={(x) => t(`team.tabs.${x}`)} selected={tab} onSelect={setTab}>
      {tab === 'workload' && <WorkloadPanel />}
      {tab === 'users' && <UsersPanel />}
      {tab === 'retention' && <RetentionPanel />}
    </Tabs>
  );
}
