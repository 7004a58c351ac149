/** Meetings as the contract shows them, and what the held ones tell about an assessment (issue 22 item 2). */
import type { Meeting, Participant } from '../../../shared/contract/meetings';
import type { MeetingKind, MeetingStatus } from '../../../shared/caseTypes';

export interface MeetingFields {
  id: string;
  kind: MeetingKind;
  starts_at: string;
  duration_minutes: number;
  status: MeetingStatus;
  participants: string;
  note: string;
  recorded_by: string | null;
}

export function meetingOf(caseId: string, m: MeetingFields): Meeting {
  return {
    id: m.id,
    caseId,
    kind: m.kind,
    startsAt: m.starts_at,
    durationMinutes: Number(m.duration_minutes),
    status: m.status,
    participants: JSON.parse(m.participants) as Participant[],
    note: m.note,
    recordedBy: m.recorded_by,
  };
}

/** How many meetings were held, whether one was a home visit, whether the child took part in one. */
export function meetingFacts(meetings: readonly Meeting[]) {
  const held = meetings.filter((m) => m.status === 'HELD');
  return {
    held: held.length,
    homeVisitHeld: held.some((m) => m.kind === 'HOME_VISIT'),
    childMet: held.some((m) => m.participants.some((p) => p.kind === 'CHILD')),
  };
}
