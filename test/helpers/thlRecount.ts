/**
 * The THL report recounted in plain TypeScript from the stored rows, without the report's SQL: the
 * independent answer the report tests compare with.
 */
import type { CaseRow } from '../../main/store/schema';
import { OVERRUN_REASONS } from '../../shared/caseTypes';
import { helsinkiDate } from '../../shared/dates';
import type { ThlReport } from '../../shared/contract/reports';

/** The report recounted in plain TypeScript from the stored rows, without the report's SQL. */
export function recountSets(rows: CaseRow[], from: string, to: string, asOf: string, population = 'THL') {
  const inRange = (d: string | null, lo: string, hi: string) => d !== null && d >= lo && d <= hi && d <= asOf;
  // Closed as not a case: in no figure. Classified as neither child welfare nor special support: shown apart.
  const counted = (r: CaseRow) => r.closed_reason === null && (population === 'ALL' || r.concern !== 'OTHER');
  const pendingInPeriod = rows.filter((r) => inRange(r.pending_from, from, to));
  const cohort = pendingInPeriod.filter(counted);
  const decided = (r: CaseRow) => r.decision_date !== null && r.decision_date <= asOf;
  const completed = rows.filter((r) => counted(r) && inRange(r.assessment_completed_date, from, to));
  const ids = (list: CaseRow[]) => new Set(list.map((r) => r.id));
  const sets: Record<string, Set<string>> = {
    'pending.total': ids(cohort),
    'pending.decidedWithin7': ids(cohort.filter((r) => decided(r) && r.decision_date! <= r.start_due!)),
    'pending.decidedLate': ids(cohort.filter((r) => decided(r) && r.decision_date! > r.start_due!)),
    'pending.undecidedOverdue': ids(cohort.filter((r) => !decided(r) && r.start_due! < asOf)),
    'pending.undecidedInTime': ids(cohort.filter((r) => !decided(r) && r.start_due! >= asOf)),
    'completed.total': ids(completed),
    'completed.within3Months': ids(completed.filter((r) => r.assessment_completed_date! <= r.complete_due!)),
    'completed.late': ids(completed.filter((r) => r.assessment_completed_date! > r.complete_due!)),
    'other.total': ids(pendingInPeriod.filter((r) => r.closed_reason === null && r.concern === 'OTHER')),
    'notCases.total': ids(
      pendingInPeriod.filter((r) => r.closed_reason !== null && helsinkiDate(new Date(r.closed_at!)) <= asOf),
    ),
    openOverdue: ids(
      rows.filter(
        (r) =>
          counted(r) &&
          (r.decision === 'START_ASSESSMENT' || r.decision === 'URGENT') &&
          decided(r) &&
          r.complete_due! < asOf &&
          !(r.assessment_completed_date && r.assessment_completed_date <= asOf),
      ),
    ),
  };
  for (const d of ['START_ASSESSMENT', 'NO_ACTION', 'GUIDANCE', 'TRANSFER_EXISTING', 'URGENT'])
    sets[`decisions.${d}`] = ids(cohort.filter((r) => decided(r) && r.decision === d));
  return sets;
}

export function recount(rows: CaseRow[], from: string, to: string, asOf: string, population = 'THL'): ThlReport {
  const s = recountSets(rows, from, to, asOf, population);
  const n = (k: string) => s[k]!.size;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reasons = (figures: string[], pick: (r: CaseRow) => string | null) => {
    const out: Record<string, number> = Object.fromEntries([...OVERRUN_REASONS, 'NONE'].map((k) => [k, 0]));
    for (const f of figures) for (const id of s[f]!) out[pick(byId.get(id)!) ?? 'NONE']!++;
    return out;
  };
  const cohort = [...s['pending.total']!].map((id) => byId.get(id)!);
  const started = (r: CaseRow) =>
    (r.decision === 'START_ASSESSMENT' || r.decision === 'URGENT') && r.decision_date! <= asOf;
  const cw = cohort.filter((r) => r.type === 'LSL25');
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  const decided = n('pending.decidedWithin7') + n('pending.decidedLate');
  return {
    period: { from, to },
    asOf,
    pending: {
      total: n('pending.total'),
      decidedWithin7: n('pending.decidedWithin7'),
      decidedLate: n('pending.decidedLate'),
      undecidedOverdue: n('pending.undecidedOverdue'),
      undecidedInTime: n('pending.undecidedInTime'),
    },
    decisions: {
      START_ASSESSMENT: n('decisions.START_ASSESSMENT'),
      NO_ACTION: n('decisions.NO_ACTION'),
      GUIDANCE: n('decisions.GUIDANCE'),
      TRANSFER_EXISTING: n('decisions.TRANSFER_EXISTING'),
      URGENT: n('decisions.URGENT'),
    },
    shareToAssessment: decided ? n('decisions.START_ASSESSMENT') / decided : 0,
    completed: { total: n('completed.total'), within3Months: n('completed.within3Months'), late: n('completed.late') },
    openOverdue: n('openOverdue'),
    population: population as ThlReport['population'],
    other: { total: n('other.total') },
    notCases: { total: n('notCases.total') },
    overrunReasons: {
      start: reasons(['pending.decidedLate', 'pending.undecidedOverdue'], (r) => r.start_overrun_reason),
      complete: reasons(['completed.late', 'openOverdue'], (r) => r.complete_overrun_reason),
    } as ThlReport['overrunReasons'],
    assessmentShare: {
      started: cohort.filter(started).length,
      pending: cohort.length,
      share: ratio(cohort.filter(started).length, cohort.length),
      childWelfare: {
        started: cw.filter(started).length,
        pending: cw.length,
        share: ratio(cw.filter(started).length, cw.length),
      },
    },
  };
}
