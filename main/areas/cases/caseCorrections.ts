/**
 * The statutory record kept right after the fact (issue 18): corrections of a recorded urgency or decision
 * (a social worker, with a required reason; the earlier value stays in the case history), the reason a
 * deadline was missed, and closing a case that is not one (a duplicate, registered in error, another
 * county's). Each is one change of one case through changeCase, with its event and audit entry.
 */
import type { CaseDetail } from '../../../shared/contract/cases';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { ClosureReason, Concern, OverrunReason } from '../../../shared/caseTypes';
import { deadlineMissed } from '../../../shared/clock';
import type { Context } from '../../app/context';
import { changeCase, concernFor, realDateOf, realTimeOf } from './triage';

export async function correctUrgency(
  core: Context,
  input: { id: string; urgent: boolean; assessedAt: string; reason: string },
): Promise<CaseDetail> {
  const now = core.now();
  let before: Record<string, unknown> = {};
  let assessedAt = now;
  return changeCase(
    core,
    input.id,
    'cases.correctUrgency',
    () => ({
      kind: 'URGENCY_CORRECTED',
      data: { from: before, to: { urgent: input.urgent, assessedAt: assessedAt.toISOString() }, reason: input.reason },
      audit: { from: before, to: { urgent: input.urgent, assessedAt: assessedAt.toISOString() } },
    }),
    (row) => {
      if (!row.urgency_assessed_at)
        throw new LuukkuError('WRONG_STATE', 'No urgency is recorded yet: record it instead of correcting it.');
      assessedAt = realTimeOf('assessedAt', input.assessedAt, row, now);
      if (row.decision_date && helsinkiDate(assessedAt) > row.decision_date)
        throw invalidInput('assessedAt: is after the decision');
      before = { urgent: row.urgency_result === 'URGENT', assessedAt: row.urgency_assessed_at };
      return { urgency_assessed_at: assessedAt.toISOString(), urgency_result: input.urgent ? 'URGENT' : 'NOT_URGENT' };
    },
  );
}

export async function correctDecision(
  core: Context,
  input: { id: string; decisionDate?: string | undefined; concern?: Concern | undefined; reason: string },
): Promise<CaseDetail> {
  const now = core.now();
  let before: Record<string, unknown> = {};
  let after: Record<string, unknown> = {};
  return changeCase(
    core,
    input.id,
    'cases.correctDecision',
    () => ({
      kind: 'DECISION_CORRECTED',
      data: { from: before, to: after, reason: input.reason },
      audit: { from: before, to: after },
    }),
    (row) => {
      if (!row.decision || !row.decision_date)
        throw new LuukkuError('WRONG_STATE', 'The case has no decision to correct.');
      const decisionDate =
        input.decisionDate === undefined ? row.decision_date : realDateOf('decisionDate', input.decisionDate, row, now);
      if (row.urgency_assessed_at && decisionDate < helsinkiDate(new Date(row.urgency_assessed_at)))
        throw invalidInput('decisionDate: is before the urgency was assessed');
      if (row.assessment_completed_date && decisionDate > row.assessment_completed_date)
        throw invalidInput('decisionDate: is after the assessment was completed');
      const concern = input.concern === undefined ? row.concern : concernFor(row, input.concern);
      before = { decisionDate: row.decision_date, concern: row.concern };
      after = { decisionDate, concern };
      return { decision_date: decisionDate, concern };
    },
  );
}

export async function recordOverrunReason(
  core: Context,
  input: { id: string; deadline: 'START' | 'COMPLETE'; reason: OverrunReason; note: string },
): Promise<CaseDetail> {
  const today = helsinkiDate(core.now());
  return changeCase(
    core,
    input.id,
    'cases.overrunReason',
    {
      kind: 'OVERRUN_REASON',
      data: { deadline: input.deadline, reason: input.reason, note: input.note },
      audit: { deadline: input.deadline, reason: input.reason },
    },
    (row) => {
      if (row.closed_reason) throw new LuukkuError('WRONG_STATE', 'The case was closed as not a case.');
      const facts = {
        decision: row.decision,
        decisionDate: row.decision_date,
        startDue: row.start_due,
        completeDue: row.complete_due,
        assessmentCompletedDate: row.assessment_completed_date,
      };
      if (!deadlineMissed(facts, input.deadline, today))
        throw invalidInput(
          `deadline: the ${input.deadline === 'START' ? 'decision (7 working days)' : 'assessment (3 months)'} is not late`,
        );
      return input.deadline === 'START'
        ? { start_overrun_reason: input.reason, start_overrun_note: input.note }
        : { complete_overrun_reason: input.reason, complete_overrun_note: input.note };
    },
  );
}

export async function closeAsNotCase(
  core: Context,
  input: { id: string; reason: ClosureReason; note: string },
): Promise<CaseDetail> {
  const now = core.now();
  const actor = core.actor()!;
  return changeCase(
    core,
    input.id,
    'cases.closeAsNotCase',
    { kind: 'CLOSED_AS_NOT_CASE', data: { reason: input.reason, note: input.note }, audit: { reason: input.reason } },
    (row) => {
      if (row.decision || row.closed_reason)
        throw new LuukkuError('WRONG_STATE', 'The case is already decided or closed.');
      return {
        closed_reason: input.reason,
        closed_note: input.note,
        closed_at: now.toISOString(),
        closed_by: actor.id,
      };
    },
  );
}
