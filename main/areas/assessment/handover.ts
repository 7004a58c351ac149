/**
 * The hand-over to planned social work (issue 22 item 6; Varha's Soihtu: clients who need longer support are
 * transferred in a hand-over meeting with the client, the assessing worker and the receiving worker). A
 * completion whose outcome needs longer support leaves the case in HANDOVER; the social worker names the
 * receiving worker and plans the meeting; the case closes on the day the meeting is recorded as held.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { Participant } from '../../../shared/contract/meetings';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import { mayReceiveHandover } from '../../../shared/roles';
import type { Context } from '../../app/context';
import { changeCase } from '../cases/triage';
import { findUser } from '../team/userQueries';
import { requireHandoverStep } from './checks';
import { hasBegun, meetingColumns, meetingStart } from './meetingRecord';
import { handoverMeetingRow, insertMeeting, setMeetingStatus, updateMeeting } from './queries';

/** The family's participants and the two workers, each named once. */
function withWorkers(family: readonly Participant[], workers: (string | undefined)[]): Participant[] {
  const named = new Set(family.filter((p) => p.kind === 'WORKER').map((p) => p.name));
  const added = [...new Set(workers.filter((w): w is string => !!w && !named.has(w)))];
  return [...family, ...added.map((name) => ({ kind: 'WORKER' as const, name }))];
}

export async function planHandover(
  core: Context,
  input: ParsedInputOf<'assessment.planHandover'>,
): Promise<CaseDetail> {
  const now = core.now();
  const startsAt = meetingStart(input.startsAt);
  let meetingId = '';
  let participants: Participant[] = [];
  return changeCase(
    core,
    input.caseId,
    'assessment.planHandover',
    () => ({
      kind: 'HANDOVER_PLANNED',
      data: { meetingId, toUserId: input.toUserId, startsAt: startsAt.toISOString() },
      audit: { toUserId: input.toUserId, startsAt: startsAt.toISOString() },
    }),
    async (row, trx) => {
      requireHandoverStep(row);
      const receiver = await findUser(trx, input.toUserId);
      if (!receiver || !receiver.active || !mayReceiveHandover(receiver.role, row.assessment_outcome))
        throw invalidInput(
          row.assessment_outcome === 'CHILD_WELFARE_CLIENT'
            ? 'toUserId: a child welfare client is received by a social worker (LsL 13 b §)'
            : 'toUserId: not an active social worker or counsellor',
        );
      if (row.assessment_completed_date && helsinkiDate(startsAt) < row.assessment_completed_date)
        throw invalidInput('startsAt: is before the assessment was completed');
      const assessing = row.assignee_user_id ? await findUser(trx, row.assignee_user_id) : undefined;
      participants = withWorkers(input.participants, [assessing?.display_name, receiver.display_name]);
      meetingId = (await handoverMeetingRow(trx, input.caseId))?.id ?? '';
      return { handover_to: input.toUserId };
    },
    async (trx) => {
      const actor = core.actor()!.id;
      const fields = meetingColumns(
        {
          kind: 'HANDOVER',
          startsAt,
          durationMinutes: input.durationMinutes,
          status: 'PLANNED',
          participants,
          note: '',
        },
        actor,
        now,
      );
      if (meetingId) return updateMeeting(trx, meetingId, fields);
      meetingId = randomUUID();
      await insertMeeting(trx, {
        id: meetingId,
        case_id: input.caseId,
        ...fields,
        created_by: actor,
        created_at: now.toISOString(),
      });
    },
  );
}

/** The hand-over meeting was held: the case closes on its day. */
export async function holdHandover(core: Context, input: { caseId: string }): Promise<CaseDetail> {
  let meetingId = '';
  let heldDate = '';
  return changeCase(
    core,
    input.caseId,
    'assessment.holdHandover',
    () => ({ kind: 'HANDOVER_HELD', data: { meetingId, date: heldDate }, audit: { date: heldDate } }),
    async (row, trx) => {
      requireHandoverStep(row);
      const meeting = await handoverMeetingRow(trx, input.caseId);
      if (!meeting || !row.handover_to)
        throw new LuukkuError('WRONG_STATE', 'Plan the hand-over meeting first.', undefined, 'noHandoverMeeting');
      if (!hasBegun(new Date(meeting.starts_at), core.now()))
        throw new LuukkuError('WRONG_STATE', 'The hand-over meeting is still ahead.', undefined, 'handoverAhead');
      meetingId = meeting.id;
      heldDate = helsinkiDate(new Date(meeting.starts_at));
      return { handover_state: 'HELD', handover_date: heldDate };
    },
    (trx) =>
      setMeetingStatus(trx, meetingId, {
        status: 'HELD',
        updated_by: core.actor()!.id,
        updated_at: core.now().toISOString(),
      }),
  );
}
