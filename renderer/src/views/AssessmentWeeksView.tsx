import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function AssessmentWeeksView() {
  const { t } = useTranslation();
  return <EmptyState title={t('assessmentWeeks.emptyTitle')}>{t('assessmentWeeks.emptyBody')}</EmptyState>;
}
