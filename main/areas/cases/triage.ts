/**
 * Triage and assessment: the urgency assessment, the decision with its reason, a birth, contacts with the
 * family and the completed assessment. Each change is one transaction with its case event and audit entry.
 */
import type { CaseDetail } from '../../../shared/contract/cases';
import { caseDeadlines } from '../../../shared/calendar';
import {
  concernOf,
  needsHandover,
  runsAssessment,
  type Concern,
  type AssessmentOutcome,
  type ContactMode,
  type Decision,
} from '../../../shared/caseTypes';
import { URGENCY_UNDO_MINUTES, urgencyUndoUntil } from '../../../shared/clock';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { Context } from '../../app/context';
import type { CasePatch, CaseRow, Db } from '../../store/schema';
import { SOCIAL_WORKER_ROLES } from '../../../shared/roles';
import { checkGuidedServices } from '../org/guidance';
import { requireCaseAccess } from './caseAccess';
import { teamArea } from '../org/queries';
import { assigneeOf } from '../team/userQueries';
import { caseRow, insertCaseGuidance, insertEvents } from './recordQueries';
import { patchCase } from './caseRecord';
import { readCaseDetail } from './cases';
import { childIdentity, FieldErrors, pastDateTime } from './caseValidation';

interface CaseEvent {
  kind: string;
  data: Record<string, unknown>;
  /** What the audit entry records besides the kind: dates and codes only, never free text. */
  audit?: Record<string, unknown>;
  /** Why client data left the team, for a disclosure (703/2023 § 10): the entry's purpose. */
  purpose?: string;
}

/**
 * One change of one case: its row checked and patched, its status derived, its event and audit entry
 * written, and the case as changed returned (shown under this entry, not logged again as a read).
 */
export async function changeCase(
  core: Context,
  id: string,
  action: string,
  /** The case event; a function is called after `change`, so it can name what the change worked out. */
  event: CaseEvent | (() => CaseEvent),
  /** The checks and the patch, reading (when it must) through the change's own transaction. */
  change: (row: CaseRow, trx: Db) => CasePatch | Promise<CasePatch>,
  alsoWrite?: (trx: Db) => Promise<void>,
): Promise<CaseDetail> {
  const actor = core.actor()!;
  const now = core.now();
  const kind = () => (typeof event === 'function' ? event() : event);
  const entry = () => ({
    actor,
    action,
    caseId: id,
    ...(kind().purpose && { purpose: kind().purpose }),
    details: { kind: kind().kind, ...kind().audit },
  });
  return core.transact(entry, async (trx) => {
    const viewer = await requireCaseAccess(core, trx, id);
    const row = await caseRow(trx, id);
    if (!row) throw new LuukkuError('NOT_FOUND', 'No such case.');
    await patchCase(trx, row, await change(row, trx), now);
    await insertEvents(trx, [
      { case_id: id, at: now.toISOString(), user_id: actor.id, kind: kind().kind, data: JSON.stringify(kind().data) },
    ]);
    await alsoWrite?.(trx);
    return readCaseDetail(core, trx, viewer, id);
  });
}

/**
 * A real time the social worker gives for what happened (not the time it is typed in): not in the
 * future, not before the notification was received.
 */
export function realTimeOf(field: string, value: string | undefined, row: CaseRow, now: Date): Date {
  if (value === undefined) return now;
  const errors = new FieldErrors();
  const at = pastDateTime(errors, field, value, now, true);
  errors.throwIfAny();
  if (at!.getTime() < Date.parse(row.received_at))
    throw invalidInput(`${field}: is before the notification was received`);
  return at!;
}

/** The date a decision was made: today unless the worker gives an earlier one, never before receipt. */
export function realDateOf(field: string, value: string | undefined, row: CaseRow, now: Date): string {
  const today = helsinkiDate(now);
  if (value === undefined) return today;
  if (value > today) throw invalidInput(`${field}: is in the future`);
  if (value < row.received_date) throw invalidInput(`${field}: is before the notification was received`);
  return value;
}

/** LsL 26 § 2 mom: the urgent need for child welfare is assessed at once; who and when are recorded. */
export async function recordUrgency(
  core: Context,
  input: { id: string; urgent: boolean; assessedAt?: string | undefined },
): Promise<CaseDetail> {
  const actor = core.actor()!;
  const now = core.now();
  let assessedAt = now;
  return changeCase(
    core,
    input.id,
    'cases.recordUrgency',
    () => ({ kind: 'URGENCY_ASSESSED', data: { urgent: input.urgent, assessedAt: assessedAt.toISOString() } }),
    (row) => {
      // Before the birth too (LsL 25 c §): the obligation to assess arises before it; no clock runs yet.
      if (row.decision || row.closed_reason) throw new LuukkuError('WRONG_STATE', 'The case is already decided.');
      if (row.urgency_assessed_at)
        throw new LuukkuError('WRONG_STATE', 'The urgency is already recorded: correct it, with the reason, instead.');
      assessedAt = realTimeOf('assessedAt', input.assessedAt, row, now);
      return {
        urgency_assessed_at: assessedAt.toISOString(),
        urgency_recorded_at: now.toISOString(),
        urgency_assessed_by: actor.id,
        urgency_result: input.urgent ? 'URGENT' : 'NOT_URGENT',
      };
    },
  );
}

/** Takes back a urgency recorded moments ago by the same worker (shared/clock.ts, urgencyUndoUntil). */
export async function undoUrgency(core: Context, input: { id: string }): Promise<CaseDetail> {
  const actor = core.actor()!;
  const now = core.now();
  let undone: Record<string, unknown> = {};
  return changeCase(
    core,
    input.id,
    'cases.undoUrgency',
    () => ({ kind: 'URGENCY_UNDONE', data: undone, audit: undone }),
    (row) => {
      const until = urgencyUndoUntil(
        {
          urgencyRecordedAt: row.urgency_recorded_at,
          urgencyAssessedBy: row.urgency_assessed_by,
          decided: !!(row.decision || row.closed_reason),
        },
        actor.id,
        now,
      );
      if (!until)
        throw new LuukkuError(
          'WRONG_STATE',
          `Only who recorded the urgency can undo it, within ${URGENCY_UNDO_MINUTES} minutes and before a decision; correct it with the reason instead.`,
        );
      undone = { urgent: row.urgency_result === 'URGENT', assessedAt: row.urgency_assessed_at };
      return { urgency_assessed_at: null, urgency_recorded_at: null, urgency_assessed_by: null, urgency_result: null };
    },
  );
}

/** THL's population: LSL cases are child welfare; for the others the social worker says. */
export function concernFor(row: CaseRow, given: Concern | undefined): Concern {
  const concern = concernOf(row.type, given ?? null);
  if (!concern)
    throw invalidInput(
      'concern: say whether the case concerns child welfare, a child in need of special support, or neither',
    );
  return concern;
}

/**
 * The assignee and team a decision hands the case to: START_ASSESSMENT and URGENT (the assessment still
 * runs) go to a regional assessment team (and, when already known, one of its workers); TRANSFER_EXISTING
 * to the family's designated worker.
 */
async function handOver(
  db: Db,
  input: { decision: Decision; teamId?: string | undefined; assigneeUserId?: string | undefined },
): Promise<{ teamId: string | null; assigneeUserId: string | null }> {
  const errors = new FieldErrors();
  let teamId = input.teamId ?? null;
  if (input.assigneeUserId) {
    const assignee = await assigneeOf(db, input.assigneeUserId);
    if (!assignee?.active || !SOCIAL_WORKER_ROLES.includes(assignee.role))
      errors.add('assigneeUserId', 'no such active social worker');
    else if (runsAssessment(input.decision)) {
      if (!teamId) teamId = assignee.team_id;
      else if (assignee.team_id !== teamId) errors.add('assigneeUserId', 'is not in the chosen team');
    }
  }
  if (runsAssessment(input.decision)) {
    if (!teamId || !(await teamArea(db, teamId))) errors.add('teamId', 'choose a regional assessment team');
  } else teamId = null;
  errors.throwIfAny();
  return {
    teamId,
    assigneeUserId:
      runsAssessment(input.decision) || input.decision === 'TRANSFER_EXISTING' ? (input.assigneeUserId ?? null) : null,
  };
}

/** LsL 26 § 4-5 mom: a social worker decides, with the reason, and the decision says where the case goes. */
export async function recordDecision(
  core: Context,
  input: {
    id: string;
    decision: Decision;
    reason: string;
    teamId?: string | undefined;
    assigneeUserId?: string | undefined;
    serviceIds?: string[] | undefined;
    decisionDate?: string | undefined;
    concern?: Concern | undefined;
  },
): Promise<CaseDetail> {
  const actor = core.actor()!;
  const serviceIds = input.decision === 'GUIDANCE' ? [...new Set(input.serviceIds ?? [])] : [];
  const now = core.now();
  let decisionDate = helsinkiDate(now);
  let concern: Concern | null = null;
  return changeCase(
    core,
    input.id,
    'cases.recordDecision',
    () => ({
      kind: 'DECIDED',
      data: { decision: input.decision, decisionDate, concern, ...(serviceIds.length ? { serviceIds } : {}) },
      audit: { decision: input.decision, decisionDate, enteredOn: helsinkiDate(now), concern },
    }),
    async (row, trx) => {
      // Who and where the case goes, and the guided services, are checked in the decision's transaction.
      const to = await handOver(trx, input);
      if (input.decision === 'GUIDANCE') await checkGuidedServices(trx, serviceIds);
      if (row.decision || row.closed_reason) throw new LuukkuError('WRONG_STATE', 'The case is already decided.');
      if (!row.urgency_assessed_at) throw new LuukkuError('WRONG_STATE', 'Record the urgency assessment first.');
      if (!row.pending_from)
        throw new LuukkuError('WRONG_STATE', 'The child is not born yet: the decision follows the birth.');
      decisionDate = realDateOf('decisionDate', input.decisionDate, row, now);
      if (decisionDate < helsinkiDate(new Date(row.urgency_assessed_at)))
        throw invalidInput('decisionDate: is before the urgency was assessed');
      concern = concernFor(row, input.concern);
      return {
        decision: input.decision,
        decision_reason: input.reason,
        decision_at: now.toISOString(),
        decision_date: decisionDate,
        concern,
        decision_by: actor.id,
        // To a regional team without a worker yet: the team's case, no longer the assessment-week worker's.
        ...(to.assigneeUserId ? { assignee_user_id: to.assigneeUserId } : to.teamId ? { assignee_user_id: null } : {}),
        assigned_team_id: to.teamId,
      };
    },
    async (trx) => {
      await insertCaseGuidance(trx, input.id, serviceIds);
    },
  );
}

/** LsL 25 c §: an anticipatory notification becomes pending at the birth; its clock starts then. */
export async function recordBirth(
  core: Context,
  input: {
    id: string;
    birthDate: string;
    firstName: string;
    lastName: string;
    hetu: string;
    knownOn?: string | undefined;
  },
): Promise<CaseDetail> {
  const errors = new FieldErrors();
  const today = helsinkiDate(core.now());
  const child = childIdentity(errors, 'LSL25', { ...input, expectedBirthDate: '' }, today);
  if (errors.any || !child.birthDate) throw errors.error('birthDate: required');
  // The clock starts on the day the birth became known to the team, not on the birth itself: a birth
  // reported two weeks late is not overdue on arrival (LsL 25 c §; issue 18).
  const knownOn = input.knownOn ?? today;
  if (knownOn > today) throw invalidInput('knownOn: is in the future');
  if (knownOn < child.birthDate) throw invalidInput('knownOn: is before the birth');
  const deadlines = caseDeadlines(knownOn);
  return changeCase(
    core,
    input.id,
    'cases.recordBirth',
    { kind: 'BIRTH_RECORDED', data: { pendingFrom: knownOn, birthDate: child.birthDate } },
    (row) => {
      if (row.type !== 'LSL25C' || row.pending_from)
        throw new LuukkuError('WRONG_STATE', 'Only an anticipatory notification waits for a birth.');
      return {
        child_first_name: child.firstName,
        child_last_name: child.lastName,
        child_birth_date: child.birthDate,
        child_hetu: child.hetu,
        pending_from: knownOn,
        start_due: deadlines.startDue,
        complete_due: deadlines.completeDue,
      };
    },
  );
}

function assertNotFuture(core: Context, field: string, date: string): void {
  if (date > helsinkiDate(core.now())) throw invalidInput(`${field}: is in the future`);
}

/** A contact with the family (date and mode): the record of how the 7-day decision was prepared. */
export async function recordContact(
  core: Context,
  input: { id: string; date: string; mode: ContactMode; note: string },
): Promise<CaseDetail> {
  assertNotFuture(core, 'date', input.date);
  return changeCase(
    core,
    input.id,
    'cases.recordContact',
    { kind: 'CONTACT', data: { date: input.date, mode: input.mode, note: input.note } },
    (row) => {
      if (row.status === 'CLOSED') throw new LuukkuError('WRONG_STATE', 'The case is closed.');
      return {};
    },
  );
}

/** The assessment ends with a written summary and an outcome; the 3-month clock stops on its date. */
export async function completeAssessment(
  core: Context,
  input: { id: string; completedDate: string; outcome: AssessmentOutcome; summary: string },
): Promise<CaseDetail> {
  assertNotFuture(core, 'completedDate', input.completedDate);
  return changeCase(
    core,
    input.id,
    'cases.completeAssessment',
    { kind: 'ASSESSMENT_COMPLETED', data: { outcome: input.outcome } },
    (row) => {
      if (row.status !== 'ASSESSMENT')
        throw new LuukkuError('WRONG_STATE', 'Only a running assessment can be completed.');
      if (row.decision_date && input.completedDate < row.decision_date) {
        throw invalidInput('completedDate: is before the decision to start the assessment');
      }
      return {
        assessment_completed_date: input.completedDate,
        assessment_outcome: input.outcome,
        assessment_summary: input.summary,
        // Longer support: the case stays open until the hand-over meeting is held (assessment/handover.ts).
        handover_state: needsHandover(input.outcome) ? 'PENDING' : null,
      };
    },
  );
}
