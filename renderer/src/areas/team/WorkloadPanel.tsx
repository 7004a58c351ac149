import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Workload } from '../../../../shared/contract/team';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../format';
import { ChartCard, chartProps } from '../reports/ChartCard';
import { ReassignDialog, type ReassignSelection } from './ReassignDialog';
import { api } from '../../api';
import { useQueue } from '../cases/queueStore';
import { ScrollTable } from '../../components/ScrollTable';
import { nameIn } from '../../../../shared/names';

/**
 * The team lead's board: each social worker's open cases by state and deadline, per FTE, with the
 * absences of the next four weeks; the areas and teams; the flow of recent weeks. "Move cases" hands a
 * worker's open cases to someone else, for an absence or a conflict of interest.
 */
export function WorkloadPanel() {
  const { t, i18n } = useTranslation();
  const [board, setBoard] = useState<Workload | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [moving, setMoving] = useState<ReassignSelection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const casesChanged = useQueue((s) => s.casesChanged);
  const load = useCallback(async () => {
    const r = await api.workload.board({});
    if (r.ok) setBoard(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const areaName = (id: string | null) => {
    const a = board?.areas.find((x) => x.areaId === id);
    return a ? (i18n.language === 'sv' ? a.nameSv : a.nameFi) : '–';
  };
  if (!board) return <ErrorBanner error={error} />;
  return (
    <div className="workload">
      <p role="status" className={notice ? 'banner banner-info' : 'sr-only'}>
        {notice}
      </p>
      {moving && (
        <ReassignDialog
          selection={moving}
          onCancel={() => setMoving(null)}
          onDone={(moved) => {
            setMoving(null);
            setNotice(t('team.reassign.done', { count: moved.reassigned }));
            void load();
            // The queue's page and open case, if they show a moved case, show its new worker.
            void casesChanged({ ids: moved.caseIds });
          }}
        />
      )}
      <ul className="summary-cards">
        <li>
          <span className="figure">
            {number(board.workers.reduce((n, w) => n + w.open, 0) + board.unassigned.open)}
          </span>
          {t('team.board.open')}
        </li>
        <li className={board.workers.some((w) => w.overdue) ? 'alert' : undefined}>
          <span className="figure">
            {number(board.workers.reduce((n, w) => n + w.overdue, 0) + board.unassigned.overdue)}
          </span>
          {t('team.board.overdue')}
        </li>
        <li>
          <span className="figure">
            {number(board.workers.reduce((n, w) => n + w.dueSoon, 0) + board.unassigned.dueSoon)}
          </span>
          {t('team.board.dueSoon')}
        </li>
        <li>
          <span className="figure">{number(board.unassigned.open)}</span>
          {t('team.board.unassigned')}
        </li>
      </ul>
      <ScrollTable>
        <caption>{t('team.board.workersCaption', { to: formatDate(board.horizon, i18n.language) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.board.worker')}</th>
            <th scope="col">{t('team.board.area')}</th>
            <th scope="col">{t('statuses.NEW')}</th>
            <th scope="col">{t('statuses.TRIAGE')}</th>
            <th scope="col">{t('statuses.ASSESSMENT')}</th>
            <th scope="col">{t('team.board.open')}</th>
            <th scope="col">{t('team.board.perFte')}</th>
            <th scope="col">
              <abbr title={t('team.board.childrenHelp', { limit: board.childLimit })}>
                {t('team.board.children', { limit: board.childLimit })}
              </abbr>
            </th>
            <th scope="col">{t('team.board.overdue')}</th>
            <th scope="col">{t('team.board.dueSoon')}</th>
            <th scope="col">{t('team.board.absences')}</th>
            <th scope="col">
              <span className="sr-only">{t('team.board.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {board.workers.map((w) => (
            <tr key={w.userId}>
              <th scope="row">
                {w.name}
                <span className="muted"> · {t(`roles.${w.role}`)}</span>
              </th>
              <td>{areaName(w.areaId)}</td>
              <td>{number(w.byStatus.NEW ?? 0)}</td>
              <td>{number(w.byStatus.TRIAGE ?? 0)}</td>
              <td>{number(w.byStatus.ASSESSMENT ?? 0)}</td>
              <td>{number(w.open)}</td>
              <td>
                {w.weighted.toLocaleString(i18n.language)}
                {w.fte < 1 && (
                  <span className="muted"> ({t('team.board.fte', { fte: w.fte.toLocaleString(i18n.language) })})</span>
                )}
              </td>
              <td className={w.children > board.childLimit ? 'alert' : undefined}>
                {number(w.children)}
                {w.children > board.childLimit && <span className="sr-only"> {t('team.board.overLimit')}</span>}
              </td>
              <td className={w.overdue ? 'alert' : undefined}>{number(w.overdue)}</td>
              <td>{number(w.dueSoon)}</td>
              <td>
                {w.absences.map((a) => (
                  <span key={`${a.from}${a.kind}`} className="badge badge-away">
                    {t(`roster.absenceKinds.${a.kind}`)} {formatDate(a.from, i18n.language)}–
                    {formatDate(a.to, i18n.language)}
                  </span>
                ))}
              </td>
              <td>
                {w.open > 0 && (
                  <button
                    type="button"
                    onClick={() =>
                      setMoving({
                        fromUserId: w.userId,
                        fromName: w.name,
                        from: w.absences[0]?.from,
                        to: w.absences[0]?.to,
                      })
                    }
                    aria-label={t('team.board.moveCasesOf', { name: w.name })}
                  >
                    {t('team.board.moveCases')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <div className="two-columns">
        <ScrollTable>
          <caption>{t('team.board.areasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.board.area')}</th>
              <th scope="col">{t('team.board.open')}</th>
              <th scope="col">{t('team.board.overdue')}</th>
              <th scope="col">{t('team.board.dueSoon')}</th>
            </tr>
          </thead>
          <tbody>
            {board.areas.map((a) => (
              <tr key={a.areaId}>
                <th scope="row">{i18n.language === 'sv' ? a.nameSv : a.nameFi}</th>
                <td>{number(a.open)}</td>
                <td className={a.overdue ? 'alert' : undefined}>{number(a.overdue)}</td>
                <td>{number(a.dueSoon)}</td>
              </tr>
            ))}
            {board.teams.map((team) => (
              <tr key={team.teamId}>
                <th scope="row">{nameIn(team.name, i18n.language)}</th>
                <td>{number(team.open)}</td>
                <td className={team.overdue ? 'alert' : undefined}>{number(team.overdue)}</td>
                <td>{number(team.dueSoon)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <ChartCard
          title={t('team.board.trend')}
          fileName={`luukku-workload-${board.today}`}
          table={{
            columns: [
              t('team.board.week'),
              t('team.board.received'),
              t('team.board.closed'),
              t('team.board.openAtEnd'),
            ],
            rows: board.trend.map((w) => [w.week, w.received, w.closed, w.openAtEnd]),
          }}
        >
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={board.trend} {...chartProps}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="week"
                tickFormatter={(w: string) => t('roster.weekShort', { week: Number(w.slice(-2)) })}
              />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line dataKey="openAtEnd" name={t('team.board.openAtEnd')} stroke="#0b5d6b" strokeWidth={2} />
              <Line
                dataKey="received"
                name={t('team.board.received')}
                stroke="#c45400"
                strokeWidth={2}
                strokeDasharray="6 3"
              />
              <Line
                dataKey="closed"
                name={t('team.board.closed')}
                stroke="#0066a3"
                strokeWidth={2}
                strokeDasharray="2 2"
              />
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
    </div>
  );
}
