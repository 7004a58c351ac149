/** A meeting of a service need assessment and who took part (issue 22 item 2), shared by the case and the calendar. */
import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_KINDS } from '../caseTypes';

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
