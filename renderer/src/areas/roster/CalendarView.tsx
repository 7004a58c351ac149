import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { helsinkiDate } from '../../../../shared/dates';
import { MANAGERS, ROSTER_EDITORS } from '../../../../shared/roles';
import { useApp } from '../../state/appStore';
import { DutyCalendar } from './DutyCalendar';
import { DutyTypesPanel } from './DutyTypesPanel';
import { FairnessPanel } from './FairnessPanel';
import { PlanPanel } from './PlanPanel';
import { StaffPanel } from '../staff/StaffPanel';

const TABS = ['calendar', 'plan', 'staff', 'dutyTypes', 'fairness'] as const;
type Tab = (typeof TABS)[number];

/** The reception-duty area: the calendar for everyone; planning, staff and duty types for those who roster. */
export function CalendarView() {
  const { t } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const canEdit = !!role && ROSTER_EDITORS.includes(role);
  const tabs = TABS.filter((tab) => canEdit || tab === 'calendar' || tab === 'fairness');
  const [tab, setTab] = useState<Tab>('calendar');
  const [month, setMonth] = useState(() => helsinkiDate(new Date()).slice(0, 7));
  return (
    <Tabs
      tabs={tabs}
      label={t('roster.tabs.label')}
      labelOf={(id) => t(`roster.tabs.${id}`)}
      selected={tab}
      onSelect={setTab}
    >
      {tab === 'calendar' && <DutyCalendar />}
      {tab === 'plan' && <PlanPanel canPublish={!!role && MANAGERS.includes(role)} month={month} onMonth={setMonth} />}
      {tab === 'staff' && <StaffPanel canRepair={!!role && MANAGERS.includes(role)} />}
      {tab === 'dutyTypes' && <DutyTypesPanel canEdit={!!role && MANAGERS.includes(role)} />}
      {tab === 'fairness' && <FairnessPanel />}
    </Tabs>
  );
}
