/**
 * The deadline-monitoring report for THL (docs/formats.md, `report thl`) and the cases behind each figure.
 * Reading the report is logged; listing the cases behind a figure is logged as a read of client data.
 */
import { OVERRUN_REASONS, type OverrunReason } from '../../../shared/caseTypes';
import { helsinkiDate, type LocalDate } from '../../../shared/dates';
import { type ThlDrillDown, type ThlFigure, type ThlReport } from '../../../shared/contract/reports';
import type { Context } from '../../app/context';
import { assessmentShareCounts, countFigures, figureCases, overrunReasonCounts, type ReportBounds } from './queries';
import type { Actor } from '../../store/audit';
import type { Transactor } from '../../store/unitOfWork';
import type { Db } from '../../store/schema';
import { clockContextOf, queueRowOf } from '../cases/cases';

export function reportBounds(
  period: { from: LocalDate; to: LocalDate; asOf?: LocalDate | undefined; population?: 'THL' | 'ALL' | undefined },
  now: Date,
): ReportBounds {
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf ?? helsinkiDate(now),
    population: period.population ?? 'THL',
  };
}

const share = (part: number, whole: number) => (whole ? part / whole : 0);

function byReason(rows: { reason: string; n: number }[]): Record<OverrunReason | 'NONE', number> {
  const out = Object.fromEntries([...OVERRUN_REASONS, 'NONE'].map((r) => [r, 0])) as Record<
    OverrunReason | 'NONE',
    number
  >;
  for (const r of rows) out[r.reason as OverrunReason | 'NONE'] += r.n;
  return out;
}

const overrunOf = (reason: OverrunReason | null, note: string | null) => (reason ? { reason, note: note ?? '' } : null);

export async function thlReport(db: Db, bounds: ReportBounds): Promise<ThlReport> {
  const b = { ...bounds, population: bounds.population ?? 'THL' };
  const n = await countFigures(db, b);
  const reasons = await overrunReasonCounts(db, b);
  const s = await assessmentShareCounts(db, b);
  const decided = n['pending.decidedWithin7'] + n['pending.decidedLate'];
  return {
    period: { from: b.from, to: b.to },
    asOf: b.asOf,
    pending: {
      total: n['pending.total'],
      decidedWithin7: n['pending.decidedWithin7'],
      decidedLate: n['pending.decidedLate'],
      undecidedOverdue: n['pending.undecidedOverdue'],
      undecidedInTime: n['pending.undecidedInTime'],
    },
    decisions: {
      START_ASSESSMENT: n['decisions.START_ASSESSMENT'],
      NO_ACTION: n['decisions.NO_ACTION'],
      GUIDANCE: n['decisions.GUIDANCE'],
      TRANSFER_EXISTING: n['decisions.TRANSFER_EXISTING'],
      URGENT: n['decisions.URGENT'],
    },
    shareToAssessment: decided ? n['decisions.START_ASSESSMENT'] / decided : 0,
    completed: {
      total: n['completed.total'],
      within3Months: n['completed.within3Months'],
      late: n['completed.late'],
    },
    openOverdue: n.openOverdue,
    population: b.population,
    other: { total: n['other.total'] },
    notCases: { total: n['notCases.total'] },
    overrunReasons: { start: byReason(reasons.start), complete: byReason(reasons.complete) },
    assessmentShare: {
      started: s.started,
      pending: s.pending,
      share: share(s.started, s.pending),
      childWelfare: { started: s.cwStarted, pending: s.cwPending, share: share(s.cwStarted, s.cwPending) },
    },
  };
}

/** The report as a user reads it, from the app or the CLI: reading it is logged with its period. */
export async function readThlReport(
  store: Transactor,
  b: ReportBounds,
  reader: { actor: Actor | null; details?: Record<string, unknown> },
): Promise<ThlReport> {
  // The figures and the log entry of reading them in one unit: the report is what was logged as read.
  return store.unitOfWork(async ({ trx, audit }) => {
    const report = await thlReport(trx, b);
    audit({
      actor: reader.actor,
      action: 'reports.thl',
      purpose: 'deadline monitoring',
      details: { ...b, ...reader.details },
    });
    return report;
  });
}

export async function thlDrillDown(
  core: Context,
  b: ReportBounds,
  figure: ThlFigure,
  page: { offset: number; limit: number },
): Promise<ThlDrillDown> {
  const [{ rows, total }, clock] = await Promise.all([figureCases(core.db, b, figure, page), clockContextOf(core)]);
  await core.audit({
    actor: core.actor(),
    action: 'reports.thlCases',
    purpose: 'deadline monitoring',
    caseIds: rows.map((r) => r.id),
    details: { figure, from: b.from, to: b.to, asOf: b.asOf, rows: rows.length, total },
  });
  return {
    figure,
    total,
    rows: rows.map((r) => ({
      ...queueRowOf(r, clock),
      decision: r.decision,
      decisionDate: r.decision_date,
      assessmentCompletedDate: r.assessment_completed_date,
      startOverrun: overrunOf(r.start_overrun_reason, r.start_overrun_note),
      completeOverrun: overrunOf(r.complete_overrun_reason, r.complete_overrun_note),
    })),
  };
}

/**
 * A lead prints the cases behind a figure: the first `shown` of them, as the drill-down lists them. Printing
 * is a disclosure of client data, so the cases are listed here, not taken from the renderer, and logged
 * before the print dialog opens; a failed log means no print.
 */
export async function thlDrillDownPrinted(
  core: Context,
  b: ReportBounds,
  figure: ThlFigure,
  shown: number,
): Promise<{ cases: number }> {
  const { rows } = await figureCases(core.db, b, figure, { offset: 0, limit: shown });
  await core.audit({
    actor: core.actor(),
    action: 'reports.thlCasesPrint',
    purpose: 'deadline monitoring',
    caseIds: rows.map((r) => r.id),
    details: { figure, from: b.from, to: b.to, asOf: b.asOf, rows: rows.length },
  });
  return { cases: rows.length };
}
