/**
 * The assessment area's slice of the contract (issue 22): the work pair of a running service need assessment,
 * its meetings as a plan and a record, a worker's calendar of planned meetings, its partners and the client's
 * consent, the summary (yhteenveto), support started during it, and the hand-over to planned social work.
 */
import { z } from 'zod';
import { ASSESSMENT_MEETING_KINDS, CONSENTS, DISCLOSURE_BASES, MEETING_STATUSES } from '../caseTypes';
import { ASSESSMENT_ROLES, CLIENT_ROLES, SOCIAL_WORKER_ROLES } from '../roles';
import { languageSchema, localDateSchema } from '../schemas';
import { caseDetailSchema } from './cases';
import { meetingSchema, participantSchema } from './meetings';
import { op } from './op';
import { DISCLOSURE_TO_PARTNER } from '../accessPurposes';

export const saveMeetingSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** Absent: a new meeting. Present: a change of that meeting of the same case. */
    meetingId: z.string().min(1).max(64).optional(),
    /** A hand-over meeting is planned and held in the hand-over step (assessment.planHandover). */
    kind: z.enum(ASSESSMENT_MEETING_KINDS),
    /** ISO 8601 with offset, or Europe/Helsinki wall-clock time ("2026-12-22 09:15"). */
    startsAt: z.string().trim().min(1).max(40),
    durationMinutes: z.number().int().min(15).max(480).default(60),
    status: z.enum(MEETING_STATUSES),
    participants: z.array(participantSchema).max(20).default([]),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((m) => m.status !== 'HELD' || m.participants.length > 0, {
    message: 'say who took part',
    path: ['participants'],
  });

const rangeSchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'the range ends before it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
    message: 'at most about a year at a time',
    path: ['to'],
  });

/** A planned meeting on the worker's calendar: whose case it is for is the child's name, on screen only. */
export const calendarMeetingSchema = meetingSchema.extend({ childName: z.string().nullable() });

export const invitePartnerSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** A service of the county's directory; or, without it, a named professional. */
    serviceId: z.string().min(1).max(64).optional(),
    name: z.string().trim().max(120).default(''),
    role: z.string().trim().max(120).default(''),
    /** The partner takes part under a statutory duty (e.g. the police, LsL 25 §'s duty to notify and take part). */
    statutory: z.boolean().default(false),
  })
  .strict()
  .refine((p) => !!p.serviceId || p.name.length > 0, {
    message: 'choose a service or name the professional',
    path: ['name'],
  });

export const consentSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    partnerId: z.string().min(1).max(64),
    consent: z.enum(CONSENTS),
    /** When the client gave, refused or withdrew it: not in the future. */
    date: localDateSchema,
  })
  .strict();

export const discloseSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    partnerId: z.string().min(1).max(64),
    basis: z.enum(DISCLOSURE_BASES),
    /** What was shared, in a few words (kept in the case's history, not in the log). */
    what: z.string().trim().min(3, 'say what was shared').max(300),
  })
  .strict();

const summaryText = z.string().trim().max(4000);
export const saveSummarySchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** The child's and the family's situation. */
    situation: summaryText.min(1, 'describe the situation'),
    /** The child's own view, in the child's words where possible. */
    childView: summaryText.default(''),
    supportNeed: summaryText.default(''),
    servicesAgreed: summaryText.default(''),
    /**
     * The social worker's conclusion (LsL 26 §): true child welfare is needed, false not, null not concluded.
     * Absent: the conclusion stays as it was (the pair edits the text without touching it).
     */
    childWelfareNeeded: z.boolean().nullable().optional(),
  })
  .strict();

export const startSupportSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** A service of the county's directory; or, without it, the measure named. */
    serviceId: z.string().min(1).max(64).optional(),
    name: z.string().trim().max(120).default(''),
    startedDate: localDateSchema,
    /** Child welfare support (LsL 27 §): from it the family is a child welfare client; a social worker's call. */
    childWelfare: z.boolean().default(false),
  })
  .strict()
  .refine((s) => !!s.serviceId || s.name.length > 0, {
    message: 'choose a service or name the support',
    path: ['name'],
  });

export const planHandoverSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    /** The receiving worker of planned social work. */
    toUserId: z.string().min(1).max(64),
    /** ISO 8601 with offset, or Europe/Helsinki wall-clock time ("2027-01-12 13:00"). */
    startsAt: z.string().trim().min(1).max(40),
    durationMinutes: z.number().int().min(15).max(480).default(60),
    /** The family members taking part; the assessing and the receiving worker are added. */
    participants: z.array(participantSchema).max(20),
  })
  .strict()
  .refine((h) => h.participants.some((p) => p.kind !== 'WORKER' && p.kind !== 'PARTNER'), {
    message: 'the client takes part in the hand-over',
    path: ['participants'],
  });

const score = z.number().int().min(1, '1-5').max(5, '1-5');
/** One family's answers, typed in from paper or a message: the team's code, the day, three scores 1-5. */
export const recordFeedbackSchema = z
  .object({
    code: z.string().trim().min(1, 'the feedback code from the request').max(40),
    answeredOn: localDateSchema,
    helped: score,
    heard: score,
    clear: score,
  })
  .strict();

export const assessmentOperations = {
  'assessment.setPair': op({
    input: z.object({ caseId: z.string().min(1).max(64), pairUserId: z.string().min(1).max(64).nullable() }).strict(),
    output: caseDetailSchema,
    access: SOCIAL_WORKER_ROLES,
  }),
  'assessment.pairCandidates': op({
    input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
    output: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), sameTeam: z.boolean() })),
    access: SOCIAL_WORKER_ROLES,
  }),
  'assessment.saveMeeting': op({ input: saveMeetingSchema, output: caseDetailSchema, access: ASSESSMENT_ROLES }),
  'assessment.invitePartner': op({ input: invitePartnerSchema, output: caseDetailSchema, access: ASSESSMENT_ROLES }),
  'assessment.recordConsent': op({ input: consentSchema, output: caseDetailSchema, access: ASSESSMENT_ROLES }),
  'assessment.disclose': op({
    input: discloseSchema,
    output: caseDetailSchema,
    access: ASSESSMENT_ROLES,
    purpose: DISCLOSURE_TO_PARTNER,
  }),
  'assessment.saveSummary': op({ input: saveSummarySchema, output: caseDetailSchema, access: ASSESSMENT_ROLES }),
  'assessment.startSupport': op({ input: startSupportSchema, output: caseDetailSchema, access: ASSESSMENT_ROLES }),
  'assessment.planHandover': op({ input: planHandoverSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'assessment.holdHandover': op({
    input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
    output: caseDetailSchema,
    access: SOCIAL_WORKER_ROLES,
  }),
  'assessment.recordFeedback': op({
    input: recordFeedbackSchema,
    /** The team the code names, for the one who typed it to check against the paper. */
    output: z.object({ team: z.string() }),
    access: CLIENT_ROLES,
  }),
  'assessment.myMeetings': op({
    input: rangeSchema,
    output: z.array(calendarMeetingSchema),
    access: ASSESSMENT_ROLES,
    purpose: 'meeting calendar',
  }),
  'assessment.meetingsIcs': op({
    input: rangeSchema.and(z.object({ language: languageSchema.default('fi') })),
    /** Kinds and times only: a calendar file leaves Luukku, so it names no child and no family. */
    output: z.object({ fileName: z.string(), ics: z.string(), meetings: z.number().int() }),
    access: ASSESSMENT_ROLES,
    purpose: 'meeting calendar export',
  }),
} as const;
