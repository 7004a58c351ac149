/**
 * Meetings and partners as the contract shows them, and what the held meetings tell about an assessment
 * (issue 22 items 2 and 3).
 */
import type { Meeting, Participant, Partner } from '../../../shared/contract/meetings';
import type { MeetingKind, MeetingStatus } from '../../../shared/caseTypes';
import type { Row } from '../../store/schema';
import { parseDateTime } from '../../../shared/datetime';
import { invalidInput } from '../../../shared/errors';

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

/** The child took part in the meeting: what "child met" counts (and `meetings.child_met` keeps for SQL). */
export function childTookPart(participants: readonly Participant[]): boolean {
  return participants.some((p) => p.kind === 'CHILD');
}

/**
 * A meeting as its row stores it, written by `userId` at `now`: the start as a UTC instant, the participants as
 * JSON and whether the child took part (kept for SQL). Saving in the app, the hand-over and importing a file write the same.
 */
export function meetingColumns(
  m: {
    kind: MeetingKind;
    startsAt: Date;
    durationMinutes: number;
    status: MeetingStatus;
    participants: Participant[];
    note: string;
  },
  userId: string,
  now: Date,
) {
  return {
    kind: m.kind,
    starts_at: m.startsAt.toISOString(),
    duration_minutes: m.durationMinutes,
    status: m.status,
    participants: JSON.stringify(m.participants),
    child_met: childTookPart(m.participants) ? 1 : 0,
    note: m.note,
    updated_by: userId,
    updated_at: now.toISOString(),
  };
}

/** How many meetings were held, whether one was a home visit, whether the child took part in one. */
export function meetingFacts(meetings: readonly Meeting[]) {
  const held = meetings.filter((m) => m.status === 'HELD');
  return {
    held: held.length,
    homeVisitHeld: held.some((m) => m.kind === 'HOME_VISIT'),
    childMet: held.some((m) => childTookPart(m.participants)),
  };
}

/** A partner with the number of disclosures to it, counted from the case's history. */
export function partnerOf(
  p: Pick<Row<'assessment_partners'>, 'id' | 'service_id' | 'name' | 'role' | 'statutory' | 'consent' | 'consent_date'>,
  events: readonly { kind: string; data: Record<string, unknown> }[],
): Partner {
  return {
    id: p.id,
    serviceId: p.service_id,
    name: p.name,
    role: p.role,
    statutory: Number(p.statutory) === 1,
    consent: p.consent,
    consentDate: p.consent_date,
    disclosures: events.filter((e) => e.kind === 'DISCLOSED' && e.data.partnerId === p.id).length,
  };
}

/** A meeting's start as typed: ISO 8601 with offset or Helsinki wall-clock time; bad input names the field. */
export function meetingStart(text: string): Date {
  const start = parseDateTime(text, { dateOnly: false });
  if (!start) throw invalidInput(`startsAt: not a date-time (e.g. 2026-12-22 09:15): "${text.slice(0, 40)}"`);
  return start;
}

/** A meeting is recorded as held once it has begun (five minutes' grace for clocks), never ahead of time. */
export function hasBegun(start: Date, now: Date): boolean {
  return start.getTime() <= now.getTime() + 5 * 60_000;
}
