import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roster } from '../../../shared/contract';
import { addDays, formatLocalDate, helsinkiDate, isoWeek, isoWeekMonday } from '../../../shared/dates';
import { EmptyState } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import type { ErrorPayload } from '../../../shared/errors';

/** The year as ISO weeks with the assessment-week social worker, and the count per person. */
export function AssessmentWeeksView() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(() => Number(helsinkiDate(new Date()).slice(0, 4)));
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    let live = true;
    void window.luukku.roster
      .list({ from: formatLocalDate(year, 1, 1), to: formatLocalDate(year, 12, 31) })
      .then((r) => {
        if (!live) return;
        setRoster(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
      });
    return () => {
      live = false;
    };
  }, [year]);

  const weeks = useMemo(() => {
    const labels: string[] = [];
    for (
      let monday = isoWeekMonday(isoWeek(formatLocalDate(year, 1, 4)));
      isoWeek(monday).startsWith(String(year));
      monday = addDays(monday, 7)
    ) {
      labels.push(isoWeek(monday));
    }
    const assigned = new Map((roster?.assignments ?? []).filter((a) => a.week).map((a) => [a.week!, a.staffName]));
    return labels.map((week) => ({ week, monday: isoWeekMonday(week), worker: assigned.get(week) ?? null }));
  }, [roster, year]);

  const perPerson = useMemo(() => {
    const counts = new Map<string, number>();
    for (const w of weeks) if (w.worker) counts.set(w.worker, (counts.get(w.worker) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], i18n.language));
  }, [weeks, i18n.language]);

  const thisMonday = isoWeekMonday(isoWeek(helsinkiDate(new Date())));
  const date = (d: string) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });

  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => setYear(year - 1)} aria-label={t('assessmentWeeks.previousYear')}>
          ‹
        </button>
        <h2 aria-live="polite">{t('assessmentWeeks.year', { year })}</h2>
        <button type="button" onClick={() => setYear(year + 1)} aria-label={t('assessmentWeeks.nextYear')}>
          ›
        </button>
      </div>
      <ErrorBanner error={error} />
      {roster && perPerson.length === 0 ? (
        <EmptyState title={t('assessmentWeeks.emptyTitle')}>{t('assessmentWeeks.emptyBody')}</EmptyState>
      ) : (
        <div className="two-columns">
          <table className="data-table">
            <caption>{t('assessmentWeeks.tableCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentWeeks.week')}</th>
                <th scope="col">{t('assessmentWeeks.dates')}</th>
                <th scope="col">{t('assessmentWeeks.worker')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week} className={w.worker ? '' : w.monday < thisMonday ? 'past' : 'unassigned'}>
                  <th scope="row">{Number(w.week.slice(-2))}</th>
                  <td>
                    {date(w.monday)}–{date(addDays(w.monday, 4))}
                  </td>
                  <td>{w.worker ?? t('assessmentWeeks.unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table">
            <caption>{t('assessmentWeeks.perPerson')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentWeeks.person')}</th>
                <th scope="col">{t('assessmentWeeks.count')}</th>
              </tr>
            </thead>
            <tbody>
              {perPerson.map(([name, count]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
