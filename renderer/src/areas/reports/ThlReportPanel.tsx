import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiDate } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { OVERRUN_REASONS } from '../../../../shared/caseTypes';
import { SelectField } from '../../components/SelectField';
import {
  figureValue,
  REPORT_POPULATIONS,
  thlPeriods,
  thlReportCsv,
  type ThlFigure,
  type ThlReport,
} from '../../../../shared/contract/reports';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../format';
import { useApp } from '../../state/appStore';
import { downloadText } from '../../download';
import { FigureCases } from './FigureCases';
import { PeriodForm } from './PeriodForm';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

interface Period {
  from: string;
  to: string;
  asOf: string;
  population: 'THL' | 'ALL';
}

const SECTIONS: { key: string; figures: ThlFigure[] }[] = [
  {
    key: 'pending',
    figures: [
      'pending.total',
      'pending.decidedWithin7',
      'pending.decidedLate',
      'pending.undecidedOverdue',
      'pending.undecidedInTime',
    ],
  },
  {
    key: 'decisions',
    figures: [
      'decisions.START_ASSESSMENT',
      'decisions.NO_ACTION',
      'decisions.GUIDANCE',
      'decisions.TRANSFER_EXISTING',
      'decisions.URGENT',
    ],
  },
  { key: 'completed', figures: ['completed.total', 'completed.within3Months', 'completed.late'] },
  { key: 'open', figures: ['openOverdue'] },
  { key: 'apart', figures: ['other.total', 'notCases.total'] },
];

const REASON_KEYS = [...OVERRUN_REASONS, 'NONE'] as const;

/**
 * The deadline-monitoring report (docs/formats.md): the two THL periods one click away, any period and as-of
 * date, every figure a button that lists the cases behind it. Leads may drill down; the CSV holds figures only.
 */
export function ThlReportPanel() {
  const { t, i18n } = useTranslation();
  const status = useApp((s) => s.status);
  const today = helsinkiDate(new Date());
  const periods = thlPeriods(today);
  const [period, setPeriod] = useState<Period>({ ...periods[1]!, asOf: today, population: 'THL' });
  const [report, setReport] = useState<ThlReport | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [figure, setFigure] = useState<ThlFigure | null>(null);
  const [shown, setShown] = useState(0);
  const [printLogged, setPrintLogged] = useState<number | null>(null);
  const canDrill = status?.user?.role === 'LEAD';
  const date = (d: string) => formatDate(d, i18n.language);

  const run = useCallback(async (p: Period) => {
    setFigure(null);
    setPrintLogged(null);
    const result = await api.reports.thl(p);
    setReport(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  }, []);

  useEffect(() => {
    void run(period);
  }, [period, run]);

  /** The cases listed on the page are client data: their print is logged first, and no log means no print. */
  const print = async () => {
    setPrintLogged(null);
    if (figure && shown) {
      const logged = await api.reports.thlCasesPrinted({ ...period, figure, rows: shown });
      if (!logged.ok) return setError(logged.error);
      setError(null);
      setPrintLogged(logged.value.cases);
    }
    window.print();
  };

  const percent = (n: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const share = (n: number, of: number) => (of ? ` (${percent(n / of)})` : '');

  return (
    <section aria-labelledby="thl-heading" className="report">
      <h2 id="thl-heading">{t('reports.thl.title')}</h2>
      <div className="toolbar no-print" role="group" aria-label={t('reports.thl.periods')}>
        {periods.map((p) => (
          <button
            key={p.from}
            type="button"
            aria-pressed={period.from === p.from && period.to === p.to}
            onClick={() => setPeriod({ ...p, asOf: today, population: period.population })}
          >
            {date(p.from)}–{date(p.to)}
          </button>
        ))}
      </div>
      <PeriodForm
        key={`${period.from}|${period.to}|${period.asOf}`}
        fields={[
          { key: 'from', label: t('reports.thl.from') },
          { key: 'to', label: t('reports.thl.to') },
          { key: 'asOf', label: t('reports.thl.asOf') },
        ]}
        value={period}
        submitLabel={t('reports.thl.show')}
        onSubmit={(p) => setPeriod({ ...period, ...p })}
      />
      <div className="no-print">
        <SelectField
          label={t('reports.thl.population')}
          value={period.population}
          onChange={(population) => setPeriod({ ...period, population })}
          options={REPORT_POPULATIONS.map((p) => [p, t(`reports.thl.populations.${p}`)] as const)}
        />
      </div>
      <ErrorBanner error={error} />
      {report && (
        <>
          <p className="print-only">{status?.countyName}</p>
          <p className="report-period" aria-live="polite">
            {t('reports.thl.periodLine', {
              from: date(report.period.from),
              to: date(report.period.to),
              asOf: date(report.asOf),
            })}
          </p>
          <div className="toolbar no-print">
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `thl-${report.period.from}-${report.period.to}.csv`,
                  thlReportCsv(report),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('reports.exportCsv')}
            </button>
            <button type="button" onClick={() => void print()}>
              {t('reports.print')}
            </button>
          </div>
          <p role="status" className={printLogged === null ? 'sr-only' : 'banner banner-success no-print'}>
            {printLogged !== null && t('reports.printLogged', { count: printLogged })}
          </p>
          <div className="report-sections">
            {SECTIONS.map((section) => (
              <ScrollTable key={section.key} className="figures">
                <caption>{t(`reports.thl.sections.${section.key}`)}</caption>
                <tbody>
                  {section.figures.map((f) => {
                    const value = figureValue(report, f);
                    const of = section.key === 'completed' ? report.completed.total : report.pending.total;
                    const showShare =
                      !['pending.total', 'completed.total', 'openOverdue'].includes(f) && section.key !== 'apart';
                    return (
                      <tr key={f} aria-current={figure === f ? 'true' : undefined}>
                        <th scope="row">{t(`reports.thl.figures.${f}`)}</th>
                        <td className="number">
                          {canDrill && value > 0 ? (
                            <button
                              type="button"
                              className="link-button"
                              aria-label={t('reports.thl.showCases', {
                                figure: t(`reports.thl.figures.${f}`),
                                count: value,
                              })}
                              onClick={() => setFigure(f)}
                            >
                              {value}
                            </button>
                          ) : (
                            value
                          )}
                          {showShare && <span className="muted">{share(value, of)}</span>}
                        </td>
                      </tr>
                    );
                  })}
                  {section.key === 'decisions' && (
                    <>
                      <tr>
                        <th scope="row">
                          {t('reports.thl.assessmentShare')}
                          <span className="hint"> {t('reports.thl.assessmentShareHelp')}</span>
                        </th>
                        <td className="number">
                          {percent(report.assessmentShare.share)}
                          <span className="muted">
                            {' '}
                            ({report.assessmentShare.started} / {report.assessmentShare.pending})
                          </span>
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">{t('reports.thl.assessmentShareChildWelfare')}</th>
                        <td className="number">
                          {percent(report.assessmentShare.childWelfare.share)}
                          <span className="muted">
                            {' '}
                            ({report.assessmentShare.childWelfare.started} /{' '}
                            {report.assessmentShare.childWelfare.pending})
                          </span>
                        </td>
                      </tr>
                    </>
                  )}
                </tbody>
              </ScrollTable>
            ))}
            <ScrollTable className="figures">
              <caption>{t('reports.thl.overrunTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.overrunReason')}</th>
                  <th scope="col">{t('record.overrunDeadlines.START')}</th>
                  <th scope="col">{t('record.overrunDeadlines.COMPLETE')}</th>
                </tr>
              </thead>
              <tbody>
                {REASON_KEYS.map((r) => (
                  <tr key={r}>
                    <th scope="row">{t(`record.overrunReasons.${r}`)}</th>
                    <td className="number">{report.overrunReasons.start[r]}</td>
                    <td className="number">{report.overrunReasons.complete[r]}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </div>
          {figure && (
            <FigureCases
              period={period}
              figure={figure}
              onShown={setShown}
              onClose={() => {
                setFigure(null);
                setPrintLogged(null);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
