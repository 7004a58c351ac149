import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { ThlDrillDown, ThlFigure } from '../../../../shared/contract/reports';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../format';
import { useApp } from '../../state/appStore';
import { useQueue } from '../cases/queueStore';
import { ClockBadge } from '../cases/queue/ClockBadge';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

const PAGE = 200;

/** The cases behind one figure of the report, a page at a time; each opens in the queue's detail pane. */
export function FigureCases({
  period,
  figure,
  onShown,
  onClose,
}: {
  period: { from: string; to: string; asOf: string; population: 'THL' | 'ALL' };
  figure: ThlFigure;
  /** How many cases the list shows now: what a print of the page would hold. */
  onShown: (rows: number) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const setView = useApp((s) => s.setView);
  const select = useQueue((s) => s.select);
  const [list, setList] = useState<ThlDrillDown | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const date = (d: string | null) => formatDate(d, i18n.language) || '–';

  const load = async (offset: number) => {
    const result = await api.reports.thlCases({ ...period, figure, offset, limit: PAGE });
    if (!result.ok) return setError(result.error);
    setError(null);
    setList((prev) =>
      offset && prev ? { ...result.value, rows: [...prev.rows, ...result.value.rows] } : result.value,
    );
  };

  useEffect(() => onShown(list?.rows.length ?? 0), [list, onShown]);

  useEffect(() => {
    setList(null);
    void load(0).then(() => heading.current?.focus());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the figure or period changes
  }, [figure, period.from, period.to, period.asOf]);

  const open = (id: string) => {
    void select(id);
    setView('queue');
  };

  return (
    <section className="figure-cases" aria-labelledby="figure-cases-heading">
      <div className="toolbar">
        <h3 id="figure-cases-heading" ref={heading} tabIndex={-1}>
          {t(`reports.thl.figures.${figure}`)}: {t('reports.thl.caseCount', { count: list?.total ?? 0 })}
        </h3>
        <button type="button" className="no-print" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorBanner error={error} />
      {!list && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {list && (
        <ScrollTable>
          <caption className="sr-only">{t(`reports.thl.figures.${figure}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.col.child')}</th>
              <th scope="col">{t('queue.col.type')}</th>
              <th scope="col">{t('detail.pending')}</th>
              <th scope="col">{t('detail.startDue')}</th>
              <th scope="col">{t('reports.thl.decision')}</th>
              <th scope="col">{t('detail.completeDue')}</th>
              <th scope="col">{t('reports.thl.completed')}</th>
              <th scope="col">{t('queue.col.state')}</th>
              <th scope="col">{t('reports.thl.overrunColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => open(r.id)}>
                    {r.childName ?? t('queue.unborn')}
                  </button>
                </td>
                <td title={t(`caseTypes.${r.type}`)}>{t(`caseTypesShort.${r.type}`)}</td>
                <td>{date(r.pendingFrom)}</td>
                <td>{date(r.startDue)}</td>
                <td>{r.decision ? `${t(`decisions.${r.decision}`)}, ${date(r.decisionDate)}` : '–'}</td>
                <td>{date(r.completeDue)}</td>
                <td>{date(r.assessmentCompletedDate)}</td>
                <td>
                  <ClockBadge clock={r.clock} />
                </td>
                <td>
                  {[r.startOverrun, r.completeOverrun]
                    .filter((o) => !!o)
                    .map((o) => `${t(`record.overrunReasons.${o.reason}`)}${o.note ? `: ${o.note}` : ''}`)
                    .join('; ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {list && list.rows.length < list.total && (
        <button type="button" className="no-print" onClick={() => void load(list.rows.length)}>
          {t('reports.thl.more', { shown: list.rows.length, total: list.total })}
        </button>
      )}
    </section>
  );
}
