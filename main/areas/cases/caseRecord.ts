/**
 * Turns the facts of one notification about one child into a case row and its first events. Registration
 * in the app and the CSV import both go through here, so deadlines are computed in one place only.
 */
import { caseDeadlines } from '../../../shared/calendar';
import {
  caseStatus,
  type AssessmentOutcome,
  type CaseType,
  type Channel,
  type Concern,
  type Decision,
  type ReporterCategory,
} from '../../../shared/caseTypes';
import { helsinkiDate, type LocalDate } from '../../../shared/dates';
import type { CasePatch, CaseRow, Db, NewCase } from '../../store/schema';
import { updateCase } from './queries';

export interface CaseFacts {
  id: string;
  externalId: string | null;
  notificationId: string | null;
  type: CaseType;
  channel: Channel;
  receivedAt: Date;
  reporterCategory: ReporterCategory;
  municipality: { id: string; area_id: string };
  child: {
    firstName: string | null;
    lastName: string | null;
    birthDate: LocalDate | null;
    hetu: string | null;
    expectedBirthDate: LocalDate | null;
  };
  /** Set when the case became pending on another day than receipt; for LSL25C the birth date. */
  pendingFrom: LocalDate | null;
  summary: string | null;
  assigneeUserId?: string | null;
  createdBy?: string | null;
  /** An imported case: who imported it, and whether as the admin CLI's migration of earlier records. */
  importedBy?: { userId: string | null; name: string; migration: boolean };
  history?: {
    urgencyAssessedAt: Date | null;
    decision: Decision | null;
    decisionAt: Date | null;
    decisionDate: LocalDate | null;
    assessmentCompletedDate: LocalDate | null;
    /** THL's population as the source system classified it (recorded with the decision). */
    concern?: Concern | null;
    /** How the completed assessment ended (an imported completion needs no hand-over: it is history). */
    assessmentOutcome?: AssessmentOutcome | null;
  };
}

export interface NewEvent {
  case_id: string;
  at: string;
  user_id: string | null;
  kind: string;
  data: string;
}

/**
 * The pending date (vireilletulo): the receipt date, or the stated one; an anticipatory notification
 * (LsL 25 c §) is pending only from the child's birth, and before it no clock runs.
 */
export function pendingDateOf(
  facts: Pick<CaseFacts, 'type' | 'receivedAt' | 'pendingFrom' | 'child'>,
): LocalDate | null {
  if (facts.pendingFrom) return facts.pendingFrom;
  if (facts.type === 'LSL25C') return facts.child.birthDate;
  return helsinkiDate(facts.receivedAt);
}

export function buildCase(facts: CaseFacts, now: Date): { row: NewCase; events: NewEvent[] } {
  const pendingFrom = pendingDateOf(facts);
  const deadlines = pendingFrom ? caseDeadlines(pendingFrom) : null;
  const h = facts.history;
  const receivedAt = facts.receivedAt.toISOString();
  // Facts from an import (history columns above all) say who brought them in: they were typed by nobody here.
  const imported = facts.importedBy && { importedBy: facts.importedBy.name, migration: facts.importedBy.migration };
  const event = (kind: string, at: string, data: Record<string, unknown> = {}): NewEvent => ({
    case_id: facts.id,
    at,
    user_id: facts.createdBy ?? facts.importedBy?.userId ?? null,
    kind,
    data: JSON.stringify({ ...data, ...imported }),
  });
  const events = [event('REGISTERED', receivedAt, { imported: !!h || !!facts.importedBy })];
  if (facts.type === 'LSL25C' && pendingFrom) events.push(event('BIRTH_RECORDED', receivedAt, { pendingFrom }));
  if (h?.urgencyAssessedAt) events.push(event('URGENCY_ASSESSED', h.urgencyAssessedAt.toISOString()));
  if (h?.decision && h.decisionAt)
    events.push(
      event('DECIDED', h.decisionAt.toISOString(), {
        decision: h.decision,
        ...(h.concern && { concern: h.concern }),
      }),
    );
  if (h?.assessmentCompletedDate)
    events.push(
      event('ASSESSMENT_COMPLETED', `${h.assessmentCompletedDate}T10:00:00.000Z`, {
        ...(h.assessmentOutcome && { outcome: h.assessmentOutcome }),
      }),
    );
  const status = caseStatus({
    pendingFrom,
    urgencyAssessedAt: h?.urgencyAssessedAt?.toISOString() ?? null,
    decision: h?.decision ?? null,
    assessmentCompletedDate: h?.assessmentCompletedDate ?? null,
  });
  const row: NewCase = {
    id: facts.id,
    external_id: facts.externalId,
    notification_id: facts.notificationId,
    linked_case_id: null,
    type: facts.type,
    channel: facts.channel,
    received_at: receivedAt,
    received_date: helsinkiDate(facts.receivedAt),
    reporter_category: facts.reporterCategory,
    municipality_id: facts.municipality.id,
    area_id: facts.municipality.area_id,
    child_first_name: facts.child.firstName,
    child_last_name: facts.child.lastName,
    child_birth_date: facts.child.birthDate,
    child_hetu: facts.child.hetu,
    expected_birth_date: facts.child.expectedBirthDate,
    pending_from: pendingFrom,
    start_due: deadlines?.startDue ?? null,
    complete_due: deadlines?.completeDue ?? null,
    summary: facts.summary,
    urgency_assessed_at: h?.urgencyAssessedAt?.toISOString() ?? null,
    urgency_assessed_by: null,
    urgency_result: h?.urgencyAssessedAt ? (h.decision === 'URGENT' ? 'URGENT' : 'NOT_URGENT') : null,
    decision: h?.decision ?? null,
    decision_date: h?.decisionDate ?? null,
    decision_at: h?.decisionAt?.toISOString() ?? null,
    decision_by: null,
    decision_reason: null,
    concern: h?.concern ?? null,
    assessment_completed_date: h?.assessmentCompletedDate ?? null,
    assessment_outcome: h?.assessmentOutcome ?? null,
    assignee_user_id: facts.assigneeUserId ?? null,
    status,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  return { row, events };
}

/** Writes a change of a case with the status its facts now give (the status is never set by hand). */
export async function patchCase(trx: Db, row: CaseRow, patch: CasePatch, now: Date): Promise<void> {
  const next = { ...row, ...patch };
  const status = caseStatus({
    pendingFrom: next.pending_from,
    urgencyAssessedAt: next.urgency_assessed_at,
    decision: next.decision,
    assessmentCompletedDate: next.assessment_completed_date,
    closedReason: next.closed_reason,
    handoverState: next.handover_state,
  });
  await updateCase(trx, row.id, { ...patch, status, updated_at: now.toISOString() });
}
