import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../../shared/roles';
import { Tabs } from '../../components/Tabs';
import { useApp } from '../../state/appStore';
import { RetentionPanel } from './RetentionPanel';
import { SessionsPanel } from './SessionsPanel';
import { UsersPanel } from './UsersPanel';
import { WorkloadPanel } from './WorkloadPanel';

type Tab = 'workload' | 'users' | 'sessions' | 'retention';

/** The team lead's area: the workload board and retention (leads), user accounts and sessions (leads and the admin). */
export function TeamView() {
  const { t } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const tabs: Tab[] =
    role === 'LEAD'
      ? ['workload', 'users', 'sessions', 'retention']
      : role && MANAGERS.includes(role)
        ? ['users', 'sessions']
        : [];
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'users');
  return (
    <Tabs tabs={tabs} label={t('nav.team')} labelOf={(x) => t(`team.tabs.${x}`)} selected={tab} onSelect={setTab}>
      {tab === 'workload' && <WorkloadPanel />}
      {tab === 'users' && <UsersPanel />}
      {tab === 'sessions' && <SessionsPanel />}
      {tab === 'retention' && <RetentionPanel />}
    </Tabs>
  );
}
