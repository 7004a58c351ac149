import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isoWeek, isoWeekMonday, monthBounds } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import type { RosterChange } from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConfirmBar } from '../../components/ConfirmBar';
import { formatDate, formatDateTime } from '../../format';
import { useGenerate } from './useGenerate';
import { useRoster } from './useRoster';
import { GenerateProgressBar } from './GenerateProgressBar';
import { PrintMonth } from './PrintMonth';
import { TeamWeekGrid } from './TeamWeekGrid';
import { UncoveredList, type UncoveredSlot } from './UncoveredList';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Planning a month: generate it (progress, cancel), edit it by dragging in the week grid, lock duties,
 * publish it (team leads), print it; changes to a published month need a reason and are listed.
 */
export function PlanPanel({
  canPublish,
  month,
  onMonth: setMonth,
}: {
  canPublish: boolean;
  /** The month planned, kept by the roster area while the user visits its other tabs. */
  month: string;
  onMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const reasonId = useId();
  const range = monthBounds(month);
  const {
    roster,
    directory,
    error: loadError,
    reload,
  } = useRoster(isoWeekMonday(isoWeek(range.from)), addDays(isoWeekMonday(isoWeek(range.to)), 6));
  const weeks = [
    ...new Set(
      Array.from({ length: 31 }, (_, i) => addDays(range.from, i))
        .filter((d) => d <= range.to)
        .map(isoWeek),
    ),
  ];
  const [week, setWeek] = useState(isoWeek(range.from));
  const generation = useGenerate();
  const busy = generation.busy;
  const [summary, setSummary] = useState('');
  const [uncovered, setUncovered] = useState<UncoveredSlot[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState<RosterChange[]>([]);

  // A new month starts at its first week, with nothing said yet.
  useEffect(() => {
    setWeek(isoWeek(range.from));
    setSummary('');
    setUncovered([]);
  }, [range.from]);
  // The change history is read again whenever the roster is.
  useEffect(() => {
    void api.roster.changes({ from: range.from, to: range.to }).then((r) => r.ok && setChanges(r.value));
  }, [roster, range.from, range.to]);

  const period = roster?.periods.find((p) => p.id === month) ?? null;
  const published = period?.status === 'PUBLISHED';

  const generate = async () => {
    setError(null);
    setSummary('');
    const result = await generation.run({ kind: 'MONTH', month });
    if (!result.ok) return;
    setSummary(
      t('roster.generated', {
        count: result.value.assignments,
        seconds: result.value.seconds.toLocaleString(language),
      }),
    );
    setUncovered(result.value.uncovered);
    await reload();
  };

  const publish = async () => {
    setConfirming(false);
    const result = await api.roster.publish({ periodId: month });
    if (!result.ok) return setError(result.error);
    setSummary(t('roster.publishedNow'));
    await reload();
  };

  const actions = {
    async move(id: number, staffId: string, date: string, dryRun: boolean) {
      const result = await api.roster.move({ id, staffId, date, reason, dryRun });
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      if (!dryRun && result.value.allowed) await reload();
      return result.value;
    },
    async lock(id: number, locked: boolean) {
      const result = await api.roster.lock({ id, locked });
      if (!result.ok) setError(result.error);
      await reload();
    },
  };

  const monthName = new Date(`${range.from}T12:00:00Z`).toLocaleDateString(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <section className="panel plan-panel" aria-labelledby="plan-heading">
      <div className="toolbar no-print">
        <button type="button" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t('roster.previousMonth')}>
          ‹
        </button>
        <h2 id="plan-heading" aria-live="polite">
          {monthName}
        </h2>
        <button type="button" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t('roster.nextMonth')}>
          ›
        </button>
        <span className={`period-status ${period?.status ?? 'NONE'}`}>
          {period
            ? published
              ? t('roster.statusPublished', {
                  at: formatDateTime(period.publishedAt, language),
                  by: period.publishedBy ?? '',
                })
              : t('roster.statusDraft')
            : t('roster.statusNone')}
        </span>
      </div>
      <div className="button-row no-print">
        <button type="button" onClick={() => void generate()} disabled={busy || published}>
          {t(period ? 'roster.regenerate' : 'roster.generate')}
        </button>
        {canPublish && period && !published && !confirming && (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            {t('roster.publish')}
          </button>
        )}
        <button type="button" onClick={() => window.print()} disabled={!period}>
          {t('roster.print')}
        </button>
      </div>
      {confirming && (
        <ConfirmBar
          className="confirm no-print"
          question={t('roster.publishConfirm', { month: monthName })}
          confirmLabel={t('roster.publishYes')}
          onConfirm={() => void publish()}
          onCancel={() => setConfirming(false)}
          focus="confirm"
        />
      )}
      {busy && <GenerateProgressBar progress={generation.progress} onCancel={generation.cancel} />}
      <p role="status" className="saved no-print">
        {summary}
      </p>
      <ErrorBanner error={error ?? generation.error ?? loadError} />
      <UncoveredList slots={uncovered} />
      {published && (
        <div className="field no-print reason-field">
          <label htmlFor={reasonId}>{t('roster.reason')}</label>
          <input
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${reasonId}-hint`}
          />
          <p className="hint" id={`${reasonId}-hint`}>
            {t('roster.reasonHint')}
          </p>
        </div>
      )}
      {roster && directory && (
        <>
          <div className="segmented no-print" role="group" aria-label={t('roster.weeks')}>
            {weeks.map((w) => (
              <button key={w} type="button" aria-pressed={w === week} onClick={() => setWeek(w)}>
                {t('roster.weekShort', { week: Number(w.slice(-2)) })}
              </button>
            ))}
          </div>
          <div className="no-print">
            <TeamWeekGrid
              monday={isoWeekMonday(week)}
              roster={roster}
              directory={directory}
              actions={actions}
              editable={!busy}
            />
          </div>
          <PrintMonth title={monthName} range={range} roster={roster} />
        </>
      )}
      {changes.length > 0 && (
        <section className="no-print" aria-labelledby="changes-heading">
          <h3 id="changes-heading">{t('roster.changesTitle')}</h3>
          <ScrollTable>
            <thead>
              <tr>
                <th scope="col">{t('roster.changeAt')}</th>
                <th scope="col">{t('roster.changeBy')}</th>
                <th scope="col">{t('roster.changeWhat')}</th>
                <th scope="col">{t('roster.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.at, language)}</td>
                  <td>{c.userName}</td>
                  <td>
                    {t(`roster.changeActions.${c.action}`, {
                      duty: t(`duties.${c.duty}`),
                      when: c.date
                        ? formatDate(c.date, language)
                        : t('roster.weekShort', { week: Number(c.week!.slice(-2)) }),
                      from: c.fromName ?? '–',
                      to: c.toName ?? t('roster.nobody'),
                      toDate: c.toDate ? formatDate(c.toDate, language) : '',
                    })}
                  </td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      )}
    </section>
  );
}
