/**
 * Re-importing a row whose external_id is already in the store (issue 18 item 10): the system of record has
 * moved on, so the row's later facts (urgency, decision and its classification, completed assessment) come in
 * when they are new or changed. A fact recorded in Luukku by a social worker is never overwritten: where the
 * file says otherwise the difference is listed as a conflict for someone to settle, and the rest of the row
 * still comes in. An empty cell is "not said", never "remove".
 *
 * Only social workers and leads may bring these columns (importCases.ts), and their case scope is every case.
 */
import { concernOf, runsAssessment } from '../../../shared/caseTypes';
import type { CasePatch, CaseRow } from '../../store/schema';
import type { NewEvent } from './caseRecord';
import type { ImportedHistory } from './importRows';

export interface ImportConflict {
  line: number;
  externalId: string;
  /** The import column whose value differs. */
  field: string;
  inLuukku: string;
  inFile: string;
}

type Fact = 'urgency' | 'decision' | 'completion';

/** The case events that record each fact, in the app or by an import (caseRecord.ts, triage.ts, caseCorrections.ts). */
const RECORDED_BY: Record<Fact, readonly string[]> = {
  urgency: ['URGENCY_ASSESSED', 'URGENCY_CORRECTED'],
  decision: ['DECIDED', 'DECISION_CORRECTED'],
  completion: ['ASSESSMENT_COMPLETED'],
};

/** The facts whose latest record in the case history was made in Luukku rather than brought by an import. */
export function factsRecordedInLuukku(events: readonly { kind: string; data: string }[]): Set<Fact> {
  const own = new Set<Fact>();
  for (const fact of Object.keys(RECORDED_BY) as Fact[]) {
    const last = events.filter((e) => RECORDED_BY[fact].includes(e.kind)).at(-1);
    // Every event an import writes names who imported it (caseRecord.ts buildCase).
    if (last && !('importedBy' in (JSON.parse(last.data) as object))) own.add(fact);
  }
  return own;
}

export interface ImportUpdate {
  patch: CasePatch;
  /** Events for facts the case did not have yet, and one IMPORT_UPDATED naming each changed value. */
  events: NewEvent[];
  conflicts: ImportConflict[];
}

type Field = [column: string, inLuukku: string | null, inFile: string | null];

/**
 * What a re-imported row changes in its case, or the row's error when the facts it brings would not fit the
 * case as stored (a completion without a decision to assess, a decision before receipt, ...).
 */
export function planImportUpdate(
  row: CaseRow,
  own: Set<Fact>,
  h: ImportedHistory,
  at: {
    line: number;
    now: Date;
    importedBy: { userId: string | null; name: string; migration: boolean };
  },
): ImportUpdate | { error: string } {
  const patch: CasePatch = {};
  const events: NewEvent[] = [];
  const changes: { field: string; from: string | null; to: string }[] = [];
  const conflicts: ImportConflict[] = [];
  const imported = { importedBy: at.importedBy.name, migration: at.importedBy.migration };
  const event = (kind: string, when: string, data: Record<string, unknown>): NewEvent => ({
    case_id: row.id,
    at: when,
    user_id: at.importedBy.userId,
    kind,
    data: JSON.stringify({ ...data, ...imported }),
  });

  /** Applies one fact's fields when they differ: as new, as a change of an imported value, or as a conflict. */
  const take = (fact: Fact, fields: Field[], set: () => CasePatch, first: () => NewEvent) => {
    const differing = fields.filter((f): f is [string, string | null, string] => f[2] !== null && f[1] !== f[2]);
    if (!differing.length) return;
    const recorded = fields.some(([, inLuukku]) => inLuukku !== null);
    if (row.closed_reason || (recorded && own.has(fact))) {
      for (const [field, inLuukku, inFile] of differing)
        conflicts.push({
          line: at.line,
          externalId: row.external_id!,
          field,
          inLuukku: row.closed_reason ? `closed as ${row.closed_reason}` : (inLuukku ?? ''),
          inFile,
        });
      return;
    }
    Object.assign(patch, set());
    if (recorded) changes.push(...differing.map(([field, from, to]) => ({ field, from, to })));
    else events.push(first());
  };

  const urgencyAt = h.urgencyAssessedAt?.toISOString() ?? null;
  if (urgencyAt || row.urgency_assessed_at) {
    // An import knows urgency only from its decision (URGENT or not), so a result recorded in Luukku is
    // compared by its time alone.
    const urgent = h.decision ? (h.decision === 'URGENT' ? 'URGENT' : 'NOT_URGENT') : null;
    const result = urgent ?? (row.urgency_result ? null : 'NOT_URGENT');
    take(
      'urgency',
      [
        ['urgency_assessed_at', row.urgency_assessed_at, urgencyAt],
        ...(own.has('urgency') ? [] : [['urgent', row.urgency_result, result] as Field]),
      ],
      () => ({
        urgency_assessed_at: urgencyAt ?? row.urgency_assessed_at,
        urgency_result: result ?? row.urgency_result,
      }),
      () => event('URGENCY_ASSESSED', urgencyAt!, { urgent: result === 'URGENT', assessedAt: urgencyAt }),
    );
  }

  if (h.decision) {
    if (!row.pending_from && !row.decision)
      return { error: 'decision: the child’s birth is not recorded in Luukku yet; record it first' };
    take(
      'decision',
      [
        ['decision', row.decision, h.decision],
        ['decision_at', row.decision_date, h.decisionDate],
        ['concern', concernOf(row.type, row.concern), h.concern],
      ],
      () => ({
        decision: h.decision,
        decision_date: h.decisionDate,
        decision_at: h.decisionAt!.toISOString(),
        concern: h.concern ?? row.concern,
      }),
      () =>
        event('DECIDED', h.decisionAt!.toISOString(), {
          decision: h.decision,
          decisionDate: h.decisionDate,
          ...(h.concern && { concern: h.concern }),
        }),
    );
  }

  if (h.assessmentCompletedDate) {
    const date = h.assessmentCompletedDate;
    take(
      'completion',
      [
        ['assessment_completed_at', row.assessment_completed_date, date],
        ['assessment_outcome', row.assessment_outcome, h.assessmentOutcome],
      ],
      () => ({
        assessment_completed_date: date,
        ...(h.assessmentOutcome && { assessment_outcome: h.assessmentOutcome }),
      }),
      () =>
        event('ASSESSMENT_COMPLETED', `${date}T10:00:00.000Z`, {
          ...(h.assessmentOutcome && { outcome: h.assessmentOutcome }),
        }),
    );
  }

  const next = { ...row, ...patch };
  if (next.decision_date && next.decision_date < row.received_date)
    return { error: 'decision_at: is before the notification was received (as stored in Luukku)' };
  if (next.assessment_completed_date && patch.assessment_completed_date !== undefined) {
    if (!runsAssessment(next.decision))
      return { error: 'assessment_completed_at: the case’s decision in Luukku does not start an assessment' };
    if (next.decision_date && next.assessment_completed_date < next.decision_date)
      return { error: 'assessment_completed_at: is before the decision' };
  }
  if (next.assessment_completed_date && !runsAssessment(next.decision))
    return { error: 'decision: the assessment is completed in Luukku; only START_ASSESSMENT or URGENT fits' };
  if (changes.length) events.push(event('IMPORT_UPDATED', at.now.toISOString(), { changes }));
  return { patch, events, conflicts };
}
