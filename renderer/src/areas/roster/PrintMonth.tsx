import { useTranslation } from 'react-i18next';
import { workingDayCalendar } from '../../../../shared/calendar';
import type { Roster } from '../../../../shared/contract';
import { isoWeek } from '../../../../shared/dates';
import { useApp } from '../../state/appStore';
import { formatDate } from '../../format';
import { DAILY_DUTIES } from '../../../../shared/contract/roster';

/** The month as one printable table (print, or save as PDF): shown only when printing. */
export function PrintMonth({
  title,
  range,
  roster,
}: {
  title: string;
  range: { from: string; to: string };
  roster: Roster;
}) {
  const { t, i18n } = useTranslation();
  const county = useApp((s) => s.status?.countyName);
  const calendar = workingDayCalendar();
  const days = calendar.workingDays(range.from, range.to);
  const names = (date: string, duty: string) =>
    roster.assignments
      .filter((a) => a.date === date && a.duty === duty)
      .map((a) => a.staffName)
      .join(', ');
  return (
    <div className="print-only print-month">
      <h2>
        {t('nav.calendar')} · {title} · {county}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('roster.day')}</th>
            {DAILY_DUTIES.map((d) => (
              <th scope="col" key={d}>
                {t(`duties.${d}`)}
              </th>
            ))}
            <th scope="col">{t('duties.ASSESSMENT_WEEK')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d}>
              <th scope="row">{formatDate(d, i18n.language)}</th>
              {DAILY_DUTIES.map((duty) => (
                <td key={duty}>{names(d, duty)}</td>
              ))}
              <td>{roster.assignments.find((a) => a.week === isoWeek(d))?.staffName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
