/**
 * The deadline-monitoring report for THL (formats.md, `report thl`) and the cases behind each figure.
 * Reading the report is logged; listing the cases behind a figure is logged as a read of client data.
 */
import type { Kysely } from 'kysely';
import type { Decision } from '../../shared/caseTypes';
import { helsinkiDate, type LocalDate } from '../../shared/dates';
import { type ThlDrillDown, type ThlFigure, type ThlReport } from '../../shared/reportContract';
import type { Core } from '../app/core';
import { countFigures, figureCases, type ReportBounds } from '../store/reportQueries';
import { appendAudit, type Actor } from '../store/audit';
import type { Database } from '../store/schema';
import { clockContextOf, queueRowOf } from './cases';

export function reportBounds(period: { from: LocalDate; to: LocalDate; asOf?: LocalDate | undefined }, now: Date) {
  return { from: period.from, to: period.to, asOf: period.asOf ?? helsinkiDate(now) };
}

export async function thlReport(db: Kysely<Database>, b: ReportBounds): Promise<ThlReport> {
  const n = await countFigures(db, b);
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
  };
}

/** The report as a user reads it, from the app or the CLI: reading it is logged with its period. */
export async function readThlReport(
  db: Kysely<Database>,
  b: ReportBounds,
  reader: { actor: Actor | null; now: Date; details?: Record<string, unknown> },
): Promise<ThlReport> {
  const report = await thlReport(db, b);
  await appendAudit(
    db,
    {
      actor: reader.actor,
      action: 'reports.thl',
      purpose: 'deadline monitoring',
      details: { ...b, ...reader.details },
    },
    reader.now,
  );
  return report;
}

export async function thlDrillDown(
  core: Core,
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
      decision: r.decision as Decision | null,
      decisionDate: r.decision_date,
      assessmentCompletedDate: r.assessment_completed_date,
    })),
  };
}

/**
 * A lead prints the cases behind a figure: the first `shown` of them, as the drill-down lists them. Printing
 * is a disclosure of client data, so the cases are listed here, not taken from the renderer, and logged
 * before the print dialog opens; a failed log means no print.
 */
export async function thlDrillDownPrinted(
  core: Core,
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
