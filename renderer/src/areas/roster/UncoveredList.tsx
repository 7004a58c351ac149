import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

export interface UncoveredSlot {
  date?: string | undefined;
  week?: string | undefined;
  duty: string;
  missing: number;
  reason: string;
}

/** The scheduler's reasons (docs/formats.md, English) as keys of the user's language. */
const REASONS: Record<string, string> = {
  'no Swedish speaker can take reception duty': 'NO_SWEDISH',
  'no social worker is present': 'NO_SOCIAL_WORKER',
  'nobody is present': 'NOBODY',
  'everyone present already has a duty that day or has reached their weekly maximum': 'ALL_BUSY',
  'every social worker present all week is on the previous or next assessment week': 'CONSECUTIVE',
  'no social worker is present all working days of the week': 'NO_SOCIAL_WORKER_WEEK',
};

/** Slots no legal roster could fill, each with why: never filled illegally, always shown. */
export function UncoveredList({ slots }: { slots: readonly UncoveredSlot[] }) {
  const { t, i18n } = useTranslation();
  if (!slots.length) return null;
  return (
    <section className="banner banner-error uncovered" aria-labelledby="uncovered-heading">
      <h3 id="uncovered-heading">{t('roster.uncoveredTitle', { count: slots.length })}</h3>
      <ul>
        {slots.map((s) => (
          <li key={`${s.date ?? s.week}-${s.duty}`}>
            {s.date ? formatDate(s.date, i18n.language) : t('roster.weekShort', { week: Number(s.week!.slice(-2)) })}{' '}
            {t(`duties.${s.duty}`)} ({s.missing}):{' '}
            {REASONS[s.reason] ? t(`roster.uncoveredReasons.${REASONS[s.reason]}`) : s.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
