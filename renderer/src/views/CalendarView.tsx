import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useApp } from '../state/appStore';

export function CalendarView() {
  const { t } = useTranslation();
  const overview = useApp((s) => s.overview);
  if (!overview) return <p aria-busy="true">{t('common.loading')}</p>;
  if (overview.dutyAssignments === 0)
    return <EmptyState title={t('calendar.emptyTitle')}>{t('calendar.emptyBody')}</EmptyState>;
  return <p>{t('calendar.summary', { count: overview.dutyAssignments, staff: overview.staff })}</p>;
}
