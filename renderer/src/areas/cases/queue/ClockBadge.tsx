import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../../shared/contract/cases';

/** The statutory clock as a user reads it: a coloured state word plus the working days, never colour alone. */
export function ClockBadge({ clock }: { clock: QueueRow['clock'] }) {
  const { t } = useTranslation();
  const days =
    clock.workingDaysLeft === null
      ? ''
      : clock.workingDaysLeft < 0
        ? t('clock.daysLate', { count: -clock.workingDaysLeft })
        : clock.workingDaysLeft === 0
          ? t('clock.today')
          : t('clock.daysLeft', { count: clock.workingDaysLeft });
  return (
    <span className={`clock clock-${clock.state}`}>
      <span className="clock-state">{t(`clock.${clock.state}`)}</span>
      {days && <span className="clock-days">{days}</span>}
    </span>
  );
}

/** Urgency assessed as urgent (LsL 26 § 2 mom) on an open case: a word, not only a colour. */
export function UrgentBadge({ urgent }: { urgent: boolean }) {
  const { t } = useTranslation();
  return urgent ? <span className="badge badge-urgent">{t('detail.urgentBadge')}</span> : null;
}
