/**
 * The deadline-monitoring report (docs/formats.md, `report thl`): its period, its figures and their drill-down,
 * shared by the CLI, the IPC contract and the Reports screen.
 */
import { z } from 'zod';
import { ADVICE_LANGUAGES, ADVICE_TOPICS, CASE_TYPES, CHANNELS, DECISIONS, OVERRUN_REASONS } from '../caseTypes';

const OVERRUN_REASON_KEYS = [...OVERRUN_REASONS, 'NONE'] as const;
const overrunSchema = z.object({ reason: z.enum(OVERRUN_REASONS), note: z.string() }).nullable();
import type { LocalDate } from '../dates';
import { localDateSchema } from '../schemas';
import { queueRowSchema } from './cases';
import { toCsv } from '../csv';
import { op } from './op';

const localDate = localDateSchema;

/** THL's population by default (child welfare and children in need of special support); ALL: every case. */
export const REPORT_POPULATIONS = ['THL', 'ALL'] as const;
const period = {
  from: localDate,
  to: localDate,
  asOf: localDate.optional(),
  population: z.enum(REPORT_POPULATIONS).default('THL'),
};
const toAfterFrom = (p: { from: string; to: string }) => p.from <= p.to;
const toAfterFromError = { message: 'must not be before from', path: ['to'] };

export const reportPeriodSchema = z.object(period).strict().refine(toAfterFrom, toAfterFromError);
export type ReportPeriod = z.input<typeof reportPeriodSchema>;

/** Every figure of the report by its path in the JSON; each one can be drilled down to its cases. */
export const THL_FIGURES = [
  'pending.total',
  'pending.decidedWithin7',
  'pending.decidedLate',
  'pending.undecidedOverdue',
  'pending.undecidedInTime',
  ...DECISIONS.map((d) => `decisions.${d}` as const),
  'completed.total',
  'completed.within3Months',
  'completed.late',
  'openOverdue',
  'other.total',
  'notCases.total',
] as const;
export type ThlFigure = (typeof THL_FIGURES)[number];

export const drillDownQuerySchema = z
  .object({
    ...period,
    figure: z.enum(THL_FIGURES),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict()
  .refine(toAfterFrom, toAfterFromError);

/**
 * Printing the cases behind a figure: the first `rows` of its drill-down, as the screen shows them. The
 * main process lists those cases itself and logs the print before the renderer opens the print dialog.
 */
export const drillDownPrintSchema = z
  .object({ ...period, figure: z.enum(THL_FIGURES), rows: z.number().int().min(1).max(20_000) })
  .strict()
  .refine(toAfterFrom, toAfterFromError);

const count = z.number().int().min(0);
/** An object with a count for each of `keys`. */
const counts = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<T[number], typeof count>);
export const thlReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  pending: z.object({
    total: count,
    decidedWithin7: count,
    decidedLate: count,
    undecidedOverdue: count,
    undecidedInTime: count,
  }),
  decisions: counts(DECISIONS),
  shareToAssessment: z.number().min(0).max(1),
  completed: z.object({ total: count, within3Months: count, late: count }),
  openOverdue: count,
  /** Which cases the figures above count. */
  population: z.enum(REPORT_POPULATIONS),
  /** Cases of the period outside THL's population (classified as neither), shown apart. */
  other: z.object({ total: count }),
  /** Closed as a duplicate, registered in error or another county's: in no figure above. */
  notCases: z.object({ total: count }),
  /** Late decisions and late or overdue assessments by the reason recorded (NONE: no reason given). */
  overrunReasons: z.object({ start: counts(OVERRUN_REASON_KEYS), complete: counts(OVERRUN_REASON_KEYS) }),
  /**
   * Share to assessment, one definition everywhere: assessments started (START_ASSESSMENT or URGENT) among
   * the notifications and contacts that became pending in the period; `childWelfare` for LSL25 alone.
   */
  assessmentShare: z.object({
    started: count,
    pending: count,
    share: z.number().min(0).max(1),
    childWelfare: z.object({ started: count, pending: count, share: z.number().min(0).max(1) }),
  }),
});
export type ThlReport = z.infer<typeof thlReportSchema>;

export const thlDrillDownSchema = z.object({
  figure: z.enum(THL_FIGURES),
  total: count,
  rows: z.array(
    queueRowSchema.extend({
      decision: z.enum(DECISIONS).nullable(),
      decisionDate: z.string().nullable(),
      assessmentCompletedDate: z.string().nullable(),
      startOverrun: overrunSchema,
      completeOverrun: overrunSchema,
    }),
  ),
});
export type ThlDrillDown = z.infer<typeof thlDrillDownSchema>;

/** The value of one figure in a report (the figure names are paths into it). */
export function figureValue(report: ThlReport, figure: ThlFigure): number {
  if (figure === 'openOverdue') return report.openOverdue;
  const [section, key] = figure.split('.') as ['pending' | 'decisions' | 'completed' | 'other' | 'notCases', string];
  return (report[section] as Record<string, number>)[key] ?? 0;
}

/**
 * The two THL reporting periods (1.4.-30.9., due 17.10., and 1.10.-31.3., due 17.4.) nearest to `today`:
 * the one running now and the last one that has ended, newest first.
 */
export function thlPeriods(today: LocalDate): { from: LocalDate; to: LocalDate }[] {
  const year = Number(today.slice(0, 4));
  const all: { from: LocalDate; to: LocalDate }[] = [];
  for (const y of [year - 1, year]) {
    all.push({ from: `${y}-04-01`, to: `${y}-09-30` });
    all.push({ from: `${y}-10-01`, to: `${y + 1}-03-31` });
  }
  const started = all.filter((p) => p.from <= today).sort((a, b) => (a.from < b.from ? 1 : -1));
  return started.slice(0, 2);
}

/** The report as CSV: one `figure,value` row per figure, after the period and the as-of date. */
export function thlReportCsv(report: ThlReport): string {
  return toCsv([
    ['figure', 'value'],
    ['period.from', report.period.from],
    ['period.to', report.period.to],
    ['asOf', report.asOf],
    ...THL_FIGURES.map((f) => [f, String(figureValue(report, f))]),
    ['shareToAssessment', String(report.shareToAssessment)],
    ['population', report.population],
    ['assessmentShare.started', String(report.assessmentShare.started)],
    ['assessmentShare.pending', String(report.assessmentShare.pending)],
    ['assessmentShare.share', String(report.assessmentShare.share)],
    ['assessmentShare.childWelfare.share', String(report.assessmentShare.childWelfare.share)],
    ...(['start', 'complete'] as const).flatMap((d) =>
      OVERRUN_REASON_KEYS.map((r) => [`overrunReasons.${d}.${r}`, String(report.overrunReasons[d][r])]),
    ),
  ]);
}

export const dashboardQuerySchema = z
  .object({ from: localDate, to: localDate })
  .strict()
  .refine(toAfterFrom, toAfterFromError)
  .refine((p) => p.to.slice(0, 4) <= String(Number(p.from.slice(0, 4)) + 5), {
    message: 'at most five years at a time',
    path: ['to'],
  });

const onTime = { startDue: count, startOnTime: count, completed: count, completedOnTime: count };

export const AGE_BUCKETS = ['0-7', '8-30', '31-90', '91-180', '181+'] as const;

export const dashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  inflowByWeek: z.array(
    z.object({ week: z.string(), total: count, byType: counts(CASE_TYPES), byChannel: counts(CHANNELS) }),
  ),
  decisionsByMonth: z.array(z.object({ month: z.string(), total: count, byDecision: counts(DECISIONS) })),
  /**
   * Share to assessment by the month cases became pending, with the same month a year earlier: the THL
   * report's definition (assessmentShare), so the dashboard and the THL panel agree; quarters and years
   * are sums of months.
   */
  assessmentShareByMonth: z.array(
    z.object({
      month: z.string(),
      pending: count,
      started: count,
      childWelfare: z.object({ pending: count, started: count }),
      yearEarlier: z.object({ pending: count, started: count }),
    }),
  ),
  onTimeByMonth: z.array(z.object({ month: z.string(), ...onTime })),
  onTimeByArea: z.array(z.object({ areaId: z.string(), nameFi: z.string(), nameSv: z.string(), ...onTime })),
  /**
   * The assessments completed in the range by area (issue 22 item 10): their held meetings, how many had a
   * home visit and met the child, how many families were given the summary; the hand-overs to planned social
   * work held and their days from completion in all (the average is handoverDays / handedOver).
   */
  assessmentWorkByArea: z.array(
    z.object({
      areaId: z.string(),
      nameFi: z.string(),
      nameSv: z.string(),
      completed: count,
      meetingsHeld: count,
      homeVisit: count,
      childMet: count,
      summaryDelivered: count,
      handedOver: count,
      handoverDays: count,
    }),
  ),
  /**
   * The anonymous customer feedback answered in the range, by team (issue 22 item 7): the answers and each
   * score's sum (1-5 each; the mean is the sum / answers). Never linked to a case or a family.
   */
  feedbackByTeam: z.array(
    z.object({ teamId: z.string(), name: z.string(), answers: count, helped: count, heard: count, clear: count }),
  ),
  openByAge: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), n: count })),
  adviceByTopic: counts(ADVICE_TOPICS),
  adviceByLanguage: counts(ADVICE_LANGUAGES),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const reportsOperations = {
  'reports.thl': op({ input: reportPeriodSchema, output: thlReportSchema, access: ['LEAD'] }),
  'reports.thlCases': op({
    input: drillDownQuerySchema,
    output: thlDrillDownSchema,
    access: ['LEAD'],
    purpose: 'deadline monitoring',
  }),
  'reports.thlCasesPrinted': op({
    input: drillDownPrintSchema,
    output: z.object({ cases: z.number().int().min(0) }),
    access: ['LEAD'],
    purpose: 'deadline monitoring',
  }),
  'reports.dashboard': op({ input: dashboardQuerySchema, output: dashboardSchema, access: ['LEAD'] }),
} as const;
