import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatLocalDate, helsinkiDate, isoWeek, isoWeekMonday } from '../../../../shared/dates';
import { formatDayMonth } from '../../format';
import type { ErrorPayload } from '../../../../shared/errors';
import { ROSTER_EDITORS } from '../../../../shared/roles';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/SelectField';
import { useApp } from '../../state/appStore';
import { useGenerate } from './useGenerate';
import { useRoster } from './useRoster';
import { GenerateProgressBar } from './GenerateProgressBar';
import { problemText } from './problemText';
import { UncoveredList, type UncoveredSlot } from './UncoveredList';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * The year as ISO weeks with the assessment-week social worker and who is away, the count per person;
 * roster editors generate the rotation for a quarter or the year and swap two weeks.
 */
export function AssessmentWeeksView() {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const canEdit = !!role && ROSTER_EDITORS.includes(role);
  const reasonId = useId();
  const [year, setYear] = useState(() => Number(helsinkiDate(new Date()).slice(0, 4)));
  const { roster, error: loadError, reload } = useRoster(formatLocalDate(year, 1, 1), formatLocalDate(year, 12, 31));
  const generation = useGenerate();
  const [quarter, setQuarter] = useState<'' | '1' | '2' | '3' | '4'>('');
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [uncovered, setUncovered] = useState<UncoveredSlot[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const generate = async () => {
    setMessage('');
    const result = await generation.run({ kind: 'ROTATION', year, ...(quarter ? { quarter: Number(quarter) } : {}) });
    if (!result.ok) return;
    setMessage(t('assessmentWeeks.generated', { count: result.value.assignments }));
    setUncovered(result.value.uncovered);
    await reload();
  };
  const swap = async () => {
    setError(null);
    const [a, b] = selected as [string, string];
    const result = await api.roster.swapWeeks({ a, b, reason });
    if (!result.ok) return setError(result.error);
    setMessage(
      result.value.allowed
        ? t('assessmentWeeks.swapped', { a: Number(a.slice(-2)), b: Number(b.slice(-2)) })
        : t('roster.refused', {
            reasons: result.value.problems.map((p) => problemText(t, i18n.language, p)).join('; '),
          }),
    );
    if (result.value.allowed) setSelected([]);
    await reload();
  };
  const toggle = (week: string, on: boolean) =>
    setSelected(on ? [...selected.filter((w) => w !== week), week].slice(-2) : selected.filter((w) => w !== week));

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
    return labels.map((week) => {
      const monday = isoWeekMonday(week);
      const away = (roster?.absences ?? []).filter((a) => a.from <= addDays(monday, 4) && a.to >= monday);
      return { week, monday, worker: assigned.get(week) ?? null, away: [...new Set(away.map((a) => a.staffName))] };
    });
  }, [roster, year]);

  const perPerson = useMemo(() => {
    const counts = new Map<string, number>();
    for (const w of weeks) if (w.worker) counts.set(w.worker, (counts.get(w.worker) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], i18n.language));
  }, [weeks, i18n.language]);

  const thisMonday = isoWeekMonday(isoWeek(helsinkiDate(new Date())));
  const date = (d: string) => formatDayMonth(d, i18n.language);
  // The year opens at this week, not at week 1: scrolled to once the weeks' workers are in (they change the
  // rows' heights), and not again when the roster is read after an edit.
  const currentRow = useRef<HTMLTableRowElement>(null);
  const scrolledYear = useRef<number | null>(null);
  useEffect(() => {
    if (!roster || scrolledYear.current === year || !currentRow.current) return;
    scrolledYear.current = year;
    currentRow.current.scrollIntoView({ block: 'center' });
  }, [roster, year]);

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
      {canEdit && (
        <div className="directory-filters no-print">
          <SelectField
            label={t('assessmentWeeks.rotationRange')}
            value={quarter}
            onChange={setQuarter}
            empty={{ label: t('assessmentWeeks.wholeYear', { year }), selectable: true }}
            options={(['1', '2', '3', '4'] as const).map(
              (q) => [q, t('assessmentWeeks.quarter', { q, year })] as const,
            )}
          />
          <button type="button" onClick={() => void generate()} disabled={generation.busy}>
            {t('assessmentWeeks.generate')}
          </button>
          <div className="field">
            <label htmlFor={reasonId}>{t('roster.reason')}</label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="button" onClick={() => void swap()} disabled={selected.length !== 2}>
            {t('assessmentWeeks.swap', { count: selected.length })}
          </button>
        </div>
      )}
      {generation.busy && <GenerateProgressBar progress={generation.progress} onCancel={generation.cancel} />}
      <p role="status" className="saved">
        {message}
      </p>
      <UncoveredList slots={uncovered} />
      <ErrorBanner error={error ?? generation.error ?? loadError} />
      {roster && perPerson.length === 0 ? (
        <EmptyState title={t('assessmentWeeks.emptyTitle')}>{t('assessmentWeeks.emptyBody')}</EmptyState>
      ) : (
        <div className="two-columns">
          <ScrollTable>
            <caption>{t('assessmentWeeks.tableCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentWeeks.week')}</th>
                <th scope="col">{t('assessmentWeeks.dates')}</th>
                <th scope="col">{t('assessmentWeeks.worker')}</th>
                <th scope="col">{t('assessmentWeeks.away')}</th>
                {canEdit && <th scope="col">{t('assessmentWeeks.select')}</th>}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr
                  key={w.week}
                  ref={w.monday === thisMonday ? currentRow : undefined}
                  aria-current={w.monday === thisMonday ? 'date' : undefined}
                  className={[
                    w.worker ? '' : w.monday < thisMonday ? 'past' : 'unassigned',
                    w.monday === thisMonday ? 'current-week' : '',
                  ].join(' ')}
                >
                  <th scope="row">
                    {Number(w.week.slice(-2))}
                    {w.monday === thisMonday && <span className="badge">{t('assessmentWeeks.thisWeek')}</span>}
                  </th>
                  <td>
                    {date(w.monday)}–{date(addDays(w.monday, 4))}
                  </td>
                  <td>{w.worker ?? t('assessmentWeeks.unassigned')}</td>
                  <td className="small">{w.away.join(', ')}</td>
                  {canEdit && (
                    <td>
                      {w.worker && (
                        <input
                          type="checkbox"
                          aria-label={t('assessmentWeeks.selectWeek', { week: Number(w.week.slice(-2)) })}
                          checked={selected.includes(w.week)}
                          onChange={(e) => toggle(w.week, e.target.checked)}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <ScrollTable>
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
          </ScrollTable>
        </div>
      )}
    </>
  );
}
