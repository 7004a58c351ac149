/**
 * The record of a service need assessment as the case shows it (issue 22): a meeting and who took part (item
 * 2), shared by the case and the calendar; a partner invited with the client's consent (item 3); the summary
 * (item 4); support started during the assessment (item 5); and the hand-over to planned social work (item 6).
 */
import { z } from 'zod';
import { ASSESSMENT_MEETING_KINDS, CONSENTS, MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_KINDS } from '../caseTypes';

export const participantSchema = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    name: z.string().trim().min(1, 'required').max(120),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

/** One meeting of an assessment as the case shows it and the calendar lists it. */
export const meetingSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  participants: z.array(participantSchema),
  note: z.string(),
  recordedBy: z.string().nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;
/** A meeting of the assessment itself, as the case lists them (its hand-over meeting is under `handover`). */
export const assessmentMeetingSchema = meetingSchema.extend({ kind: z.enum(ASSESSMENT_MEETING_KINDS) });
export type AssessmentMeeting = z.infer<typeof assessmentMeetingSchema>;

/** A partner of the assessment as the case shows it: who, on what footing, the consent now, what went to it. */
export const partnerSchema = z.object({
  id: z.string(),
  serviceId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  statutory: z.boolean(),
  consent: z.enum(CONSENTS).nullable(),
  consentDate: z.string().nullable(),
  /** How many times information was disclosed to it (each in the history and the access log). */
  disclosures: z.number().int(),
});
export type Partner = z.infer<typeof partnerSchema>;

/** The summary (yhteenveto) as written, and whether the family has it in its latest form. */
export const summaryRecordSchema = z.object({
  situation: z.string(),
  childView: z.string(),
  supportNeed: z.string(),
  servicesAgreed: z.string(),
  /** The social worker's conclusion on whether child welfare is needed; null until concluded. */
  childWelfareNeeded: z.boolean().nullable(),
  concludedBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** When the family was last given the summary (a SUMMARY letter), or null. */
  deliveredAt: z.string().nullable(),
  /** The summary was saved again after the family was given it. */
  changedSinceDelivery: z.boolean(),
});
export type SummaryRecord = z.infer<typeof summaryRecordSchema>;

/** A service or measure started while the assessment ran; child welfare support starts the client relationship. */
export const supportSchema = z.object({
  id: z.string(),
  serviceId: z.string().nullable(),
  name: z.string(),
  startedDate: z.string(),
  childWelfare: z.boolean(),
});
export type Support = z.infer<typeof supportSchema>;

export const HANDOVER_STATES = ['PENDING', 'HELD'] as const;
/** The hand-over to planned social work: who receives the family, the meeting, the day it was held. */
export const handoverSchema = z.object({
  state: z.enum(HANDOVER_STATES),
  toUserId: z.string().nullable(),
  to: z.string().nullable(),
  meeting: meetingSchema.nullable(),
  heldDate: z.string().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;
