import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ADVICE_LANGUAGES, ADVICE_TOPICS, CASE_TYPES, CHANNELS, DECISIONS } from '../../../../shared/caseTypes';
import { addMonthsClamped, helsinkiDate, monthBounds } from '../../../../shared/dates';
import { formatDate } from '../../format';
import { nameIn } from '../../../../shared/names';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Dashboard } from '../../../../shared/contract/reports';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ChartCard, chartProps, FigureTable } from './ChartCard';
import { PeriodForm } from './PeriodForm';
import { api } from '../../api';

/** Distinguishable for colour-blind readers (Okabe-Ito, darkened for contrast on white). */
const COLOURS = ['#0b5d6b', '#c45400', '#0066a3', '#b0417f', '#00805c', '#8a6d00', '#5a4a9e', '#555f6d'];
const HEIGHT = 260;

/** One series of counts as bars: `horizontal` puts long category names on the left. */
function CountBars({
  data,
  colour,
  height,
  horizontal = false,
}: {
  data: { label: string; n: number }[];
  colour: string;
  height: number;
  horizontal?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} {...chartProps}>
        <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={190} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip />
        <Bar dataKey="n" name={t('reports.dashboard.total')} fill={colour} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The leads' dashboard: inflow, decisions, on-time rates, open cases by age and advice contacts. */
export function DashboardPanel() {
  const { t, i18n } = useTranslation();
  const today = helsinkiDate(new Date());
  // The last twelve months, whole months: the first month is not cut short.
  const [range, setRange] = useState(() => ({ from: `${addMonthsClamped(today, -11).slice(0, 7)}-01`, to: today }));
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [inflowBy, setInflowBy] = useState<'type' | 'channel'>('type');

  useEffect(() => {
    let live = true;
    void api.reports.dashboard(range).then((r) => {
      if (!live) return;
      setData(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [range]);

  // A month or area with nothing due has no rate: a gap in the chart, a dash in the table, never 0 %.
  const pct = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : null);
  /** A sum over `of` items as a mean with one decimal, or null when there are none. */
  const mean = (sum: number, of: number) => (of ? Math.round((10 * sum) / of) / 10 : null);
  const cell = (v: number | null) => v ?? '–';
  // A figure with decimals as the reader writes it (3,9 in Finnish and Swedish).
  const decimal = (v: number | null) => (v === null ? '–' : v.toLocaleString(i18n.language));
  const percentTick = (v: number) => `${v} %`;
  // A month the range covers only in part (this month so far) says which days it holds (issue 21 item 12):
  // two days of December are not a December.
  const monthLabel = (m: string) => {
    const name = new Date(`${m}-15T12:00:00Z`).toLocaleDateString(i18n.language, {
      month: 'short',
      year: '2-digit',
    });
    const whole = monthBounds(m);
    const from = range.from > whole.from ? range.from : whole.from;
    const to = range.to < whole.to ? range.to : whole.to;
    if (from === whole.from && to === whole.to) return name;
    return t('reports.dashboard.partialMonth', {
      month: name,
      from: formatDate(from, i18n.language),
      to: formatDate(to, i18n.language),
    });
  };
  const areaName = (a: { nameFi: string; nameSv: string }) => (i18n.language === 'sv' ? a.nameSv : a.nameFi);

  const inflowKeys = inflowBy === 'type' ? CASE_TYPES : CHANNELS;
  const inflowLabel = (k: string) => (inflowBy === 'type' ? t(`caseTypesShort.${k}`) : t(`channels.${k}`));
  const inflow = (data?.inflowByWeek ?? []).map((w) => ({
    // "vk 43" / "v. 43", as the reader writes a week, not ISO's "W43".
    week: t('roster.weekShort', { week: Number(w.week.slice(-2)) }),
    // The table and its CSV name the year too, as one unbreakable unit: a range can span the turn of a year.
    fullWeek: `${t('roster.weekShort', { week: Number(w.week.slice(-2)) })}/${w.week.slice(0, 4)}`.replace(
      / /g,
      '\u00a0',
    ),
    total: w.total,
    ...(inflowBy === 'type' ? w.byType : w.byChannel),
  }));
  const shareMonths = (data?.assessmentShareByMonth ?? []).map((m) => ({
    label: monthLabel(m.month),
    ...m,
    share: pct(m.started, m.pending),
    childWelfareShare: pct(m.childWelfare.started, m.childWelfare.pending),
    yearEarlierShare: pct(m.yearEarlier.started, m.yearEarlier.pending),
  }));
  // Quarters and the whole range as sums of their months: the same definition at every scale.
  const shareSums = (key: (month: string) => string) => {
    const groups = new Map<
      string,
      { started: number; pending: number; earlierStarted: number; earlierPending: number }
    >();
    for (const m of data?.assessmentShareByMonth ?? []) {
      const g = groups.get(key(m.month)) ?? { started: 0, pending: 0, earlierStarted: 0, earlierPending: 0 };
      g.started += m.started;
      g.pending += m.pending;
      g.earlierStarted += m.yearEarlier.started;
      g.earlierPending += m.yearEarlier.pending;
      groups.set(key(m.month), g);
    }
    return [...groups].map(([label, g]) => [
      label,
      g.pending,
      g.started,
      cell(pct(g.started, g.pending)),
      cell(pct(g.earlierStarted, g.earlierPending)),
    ]);
  };
  const quarterOf = (month: string) =>
    t('assessmentWeeks.quarter', { q: Math.ceil(Number(month.slice(5, 7)) / 3), year: month.slice(0, 4) });
  const decisionTotals = DECISIONS.map((d) => ({
    key: d,
    label: t(`decisions.${d}`),
    n: (data?.decisionsByMonth ?? []).reduce((s, m) => s + m.byDecision[d], 0),
  }));
  const onTimeMonths = (data?.onTimeByMonth ?? []).map((m) => ({
    label: monthLabel(m.month),
    start: pct(m.startOnTime, m.startDue),
    complete: pct(m.completedOnTime, m.completed),
    ...m,
  }));
  const onTimeAreas = (data?.onTimeByArea ?? []).map((a) => ({
    label: areaName(a),
    start: pct(a.startOnTime, a.startDue),
    complete: pct(a.completedOnTime, a.completed),
    ...a,
  }));
  const work = (data?.assessmentWorkByArea ?? []).map((a) => ({ label: areaName(a), ...a }));
  const ages = (data?.openByAge ?? []).map((a) => ({
    label: t('reports.dashboard.days', { range: a.bucket }),
    n: a.n,
  }));
  const topics = ADVICE_TOPICS.map((k) => ({ label: t(`advice.topics.${k}`), n: data?.adviceByTopic[k] ?? 0 }));
  const languages = ADVICE_LANGUAGES.map((k) => ({
    label: t(`advice.languages.${k}`),
    n: data?.adviceByLanguage[k] ?? 0,
  }));
  const startLabel = t('reports.dashboard.startOnTime');
  const completeLabel = t('reports.dashboard.completeOnTime');
  const file = (name: string) => `${name}-${range.from}-${range.to}`;

  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t('reports.dashboard.title')}</h2>
      <PeriodForm
        fields={[
          { key: 'from', label: t('reports.dashboard.from') },
          { key: 'to', label: t('reports.dashboard.to') },
        ]}
        value={range}
        submitLabel={t('reports.dashboard.show')}
        onSubmit={setRange}
      />
      <ErrorBanner error={error} />
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {data && (
        <div className="chart-grid">
          <ChartCard
            title={t('reports.dashboard.inflow')}
            fileName={file('inflow')}
            controls={
              <div className="segmented no-print" role="group" aria-label={t('reports.dashboard.groupBy')}>
                {(['type', 'channel'] as const).map((g) => (
                  <button key={g} type="button" aria-pressed={inflowBy === g} onClick={() => setInflowBy(g)}>
                    {t(`reports.dashboard.by.${g}`)}
                  </button>
                ))}
              </div>
            }
            table={{
              columns: [t('reports.dashboard.week'), t('reports.dashboard.total'), ...inflowKeys.map(inflowLabel)],
              rows: inflow.map((w) => [
                w.fullWeek,
                w.total,
                ...inflowKeys.map((k) => (w as unknown as Record<string, number>)[k] ?? 0),
              ]),
            }}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={inflow} {...chartProps}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" interval="preserveStartEnd" minTickGap={16} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {inflowKeys.map((k, i) => (
                  <Bar key={k} dataKey={k} name={inflowLabel(k)} stackId="inflow" fill={COLOURS[i % COLOURS.length]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.share')}
            fileName={file('share-to-assessment')}
            below={
              <>
                <p className="hint">{t('reports.thl.assessmentShareHelp')}</p>
                <FigureTable
                  className="compact"
                  caption={t('reports.dashboard.shareByQuarter')}
                  columns={[
                    t('reports.dashboard.quarter'),
                    t('reports.dashboard.pending'),
                    t('reports.dashboard.started'),
                    t('reports.dashboard.percent'),
                    t('reports.dashboard.yearEarlier'),
                  ]}
                  rows={[...shareSums(quarterOf), ...shareSums(() => t('reports.dashboard.wholeRange'))]}
                />
              </>
            }
            table={{
              columns: [
                t('reports.dashboard.month'),
                t('reports.dashboard.pending'),
                t('reports.dashboard.started'),
                t('reports.dashboard.percent'),
                t('reports.thl.assessmentShareChildWelfare'),
                t('reports.dashboard.yearEarlier'),
              ],
              rows: shareMonths.map((m) => [
                m.label,
                m.pending,
                m.started,
                cell(m.share),
                cell(m.childWelfareShare),
                cell(m.yearEarlierShare),
              ]),
            }}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <LineChart data={shareMonths} {...chartProps}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" />
                <YAxis tickFormatter={percentTick} domain={[0, 'auto']} />
                <Tooltip formatter={(v) => `${String(v)} %`} />
                <Legend />
                <Line dataKey="share" name={t('reports.dashboard.share')} stroke={COLOURS[0]} strokeWidth={2} />
                <Line
                  dataKey="childWelfareShare"
                  name={t('reports.thl.assessmentShareChildWelfare')}
                  stroke={COLOURS[1]}
                  strokeWidth={2}
                />
                <Line
                  dataKey="yearEarlierShare"
                  name={t('reports.dashboard.yearEarlier')}
                  stroke={COLOURS[2]}
                  strokeDasharray="4 4"
                />
              </LineChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.decisions')}
            fileName={file('decisions')}
            table={{
              columns: [t('reports.thl.decision'), t('reports.dashboard.total')],
              rows: decisionTotals.map((d) => [d.label, d.n]),
            }}
          >
            <CountBars data={decisionTotals} colour={COLOURS[2]!} height={HEIGHT} horizontal />
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.onTimeByMonth')}
            fileName={file('on-time-by-month')}
            table={{
              columns: [t('reports.dashboard.month'), `${startLabel} %`, `${completeLabel} %`],
              rows: onTimeMonths.map((m) => [m.label, cell(m.start), cell(m.complete)]),
            }}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <LineChart data={onTimeMonths} {...chartProps}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" />
                <YAxis tickFormatter={percentTick} domain={[0, 100]} />
                <Tooltip formatter={(v) => `${String(v)} %`} />
                <Legend />
                <Line dataKey="start" name={startLabel} stroke={COLOURS[0]} strokeWidth={2} />
                <Line
                  dataKey="complete"
                  name={completeLabel}
                  stroke={COLOURS[1]}
                  strokeWidth={2}
                  strokeDasharray="6 3"
                />
              </LineChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.onTimeByArea')}
            fileName={file('on-time-by-area')}
            table={{
              columns: [t('reports.dashboard.area'), `${startLabel} %`, `${completeLabel} %`],
              rows: onTimeAreas.map((a) => [a.label, cell(a.start), cell(a.complete)]),
            }}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={onTimeAreas} {...chartProps}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" />
                <YAxis tickFormatter={percentTick} domain={[0, 100]} />
                <Tooltip formatter={(v) => `${String(v)} %`} />
                <Legend />
                <Bar dataKey="start" name={startLabel} fill={COLOURS[0]} />
                <Bar dataKey="complete" name={completeLabel} fill={COLOURS[1]} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.openByAge')}
            fileName={file('open-by-age')}
            table={{
              columns: [t('reports.dashboard.age'), t('reports.dashboard.total')],
              rows: ages.map((a) => [a.label, a.n]),
            }}
          >
            <CountBars data={ages} colour={COLOURS[4]!} height={HEIGHT} />
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.adviceTopics')}
            fileName={file('advice-topics')}
            table={{
              columns: [t('advice.topic'), t('reports.dashboard.total')],
              rows: topics.map((a) => [a.label, a.n]),
            }}
          >
            <CountBars data={topics} colour={COLOURS[3]!} height={HEIGHT + 60} horizontal />
          </ChartCard>

          <ChartCard
            title={t('reports.dashboard.adviceLanguages')}
            fileName={file('advice-languages')}
            table={{
              columns: [t('advice.language'), t('reports.dashboard.total')],
              rows: languages.map((a) => [a.label, a.n]),
            }}
          >
            <CountBars data={languages} colour={COLOURS[6]!} height={HEIGHT} />
          </ChartCard>

          <section className="chart-card chart-card-wide" aria-labelledby="assessment-work-title">
            <div className="chart-card-head">
              <h3 id="assessment-work-title">{t('reports.dashboard.assessmentWork')}</h3>
            </div>
            <FigureTable
              caption={t('reports.dashboard.assessmentWork')}
              captionHidden
              columns={[
                t('reports.dashboard.area'),
                t('reports.dashboard.completedAssessments'),
                t('reports.dashboard.meetingsPerAssessment'),
                t('reports.dashboard.homeVisitRate'),
                t('reports.dashboard.childMetRate'),
                t('reports.dashboard.summaryRate'),
                t('reports.dashboard.handedOver'),
                t('reports.dashboard.daysToHandover'),
              ]}
              rows={work.map((a) => [
                a.label,
                a.completed,
                decimal(mean(a.meetingsHeld, a.completed)),
                decimal(pct(a.homeVisit, a.completed)),
                decimal(pct(a.childMet, a.completed)),
                decimal(pct(a.summaryDelivered, a.completed)),
                a.handedOver,
                decimal(mean(a.handoverDays, a.handedOver)),
              ])}
            />
            <p className="hint">{t('reports.dashboard.assessmentWorkHelp')}</p>
          </section>

          <section className="chart-card chart-card-wide" aria-labelledby="feedback-title">
            <div className="chart-card-head">
              <h3 id="feedback-title">{t('reports.dashboard.feedback')}</h3>
            </div>
            {data.feedbackByTeam.length === 0 ? (
              <p className="muted">{t('reports.dashboard.noFeedback')}</p>
            ) : (
              <FigureTable
                caption={t('reports.dashboard.feedback')}
                captionHidden
                columns={[
                  t('reports.dashboard.team'),
                  t('reports.dashboard.answers'),
                  t('feedback.helped'),
                  t('feedback.heard'),
                  t('feedback.clear'),
                ]}
                rows={data.feedbackByTeam.map((f) => [
                  nameIn(f.name, i18n.language),
                  f.answers,
                  decimal(mean(f.helped, f.answers)),
                  decimal(mean(f.heard, f.answers)),
                  decimal(mean(f.clear, f.answers)),
                ])}
              />
            )}
            <p className="hint">{t('reports.dashboard.feedbackHelp')}</p>
          </section>
        </div>
      )}
    </section>
  );
}
