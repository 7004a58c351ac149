/**
 * A meeting of a service need assessment and who took part (issue 22 item 2), shared by the case and the
 * calendar; and a partner invited into the assessment with the client's consent (item 3).
 */
import { z } from 'zod';
import { CONSENTS, MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_KINDS } from '../caseTypes';

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
