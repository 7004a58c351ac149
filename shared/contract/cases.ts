/** The cases area's slice of the contract: intake, queue, triage, import, export and letters. */
import { z } from 'zod';
import {
  ASSESSMENT_GAPS,
  ASSESSMENT_OUTCOMES,
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  CLOSURE_REASONS,
  CONCERNS,
  CONTACT_MODES,
  DECISIONS,
  OVERRUN_REASONS,
  REPORTER_CATEGORIES,
  runsAssessment,
} from '../caseTypes';
import {
  createLetterSchema,
  letterFileSchema,
  letterSummarySchema,
  letterTemplateSchema,
  saveTemplateSchema,
} from './letters';
import { assessmentMeetingSchema, handoverSchema, partnerSchema, summaryRecordSchema, supportSchema } from './meetings';
import { none, op } from './op';
import { CLIENT_ROLES, MANAGERS, ANY_ROLE, SOCIAL_WORKER_ROLES } from '../roles';
import { languageSchema, localDateSchema } from '../schemas';

const localDate = localDateSchema;
const name = z.string().trim().max(100);

export const QUEUE_SORT_FIELDS = ['priority', 'receivedAt', 'due', 'childName', 'municipality'] as const;
export const QUEUE_VIEWS = ['OPEN', 'MINE', 'ASSESSMENT_WEEK', 'OVERDUE', 'AWAITING_BIRTH', 'CLOSED'] as const;

export const queueQuerySchema = z
  .object({
    view: z.enum(QUEUE_VIEWS).default('OPEN'),
    types: z.array(z.enum(CASE_TYPES)).max(5).optional(),
    areaId: z.string().max(40).optional(),
    municipalityId: z.string().max(40).optional(),
    due: z.enum(['OVERDUE', 'DUE_SOON']).optional(),
    /** Running assessments still missing a held home visit or a meeting with the child (issue 22 item 2). */
    gap: z.enum(ASSESSMENT_GAPS).optional(),
    text: z
      .string()
      .trim()
      .max(100)
      .refine((t) => !/\p{Cc}/u.test(t), 'must not contain control characters')
      .optional(),
    sort: z.enum(QUEUE_SORT_FIELDS).default('priority'),
    descending: z.boolean().default(false),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type QueueQuery = z.input<typeof queueQuerySchema>;

/** A queue view exported as a file: a disclosure of client data, so its purpose is recorded (703/2023 § 10). */
export const exportQuerySchema = queueQuerySchema
  .omit({ offset: true, limit: true })
  .extend({
    purpose: z.string().trim().min(3, 'say what the export is for').max(200),
    language: languageSchema.default('fi'),
  })
  .strict();
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const exportResultSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int(),
  /** The view held more cases than one export takes; only the first ones were written. */
  capped: z.boolean(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const clockSchema = z.object({
  state: z.enum(['AWAITING_BIRTH', 'IN_TIME', 'DUE_SOON', 'OVERDUE', 'DONE']),
  deadline: z.enum(['START', 'COMPLETE']).nullable(),
  due: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
});

export const queueRowSchema = z.object({
  id: z.string(),
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  childName: z.string().nullable(),
  childBirthDate: z.string().nullable(),
  /** Urgency assessed as urgent and the case still open. */
  urgent: z.boolean(),
  municipality: z.string(),
  receivedAt: z.string(),
  /** When the case came into Luukku (registered or imported): "new since my last visit" counts from it. */
  createdAt: z.string(),
  pendingFrom: z.string().nullable(),
  startDue: z.string().nullable(),
  completeDue: z.string().nullable(),
  assignee: z.string().nullable(),
  clock: clockSchema,
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const queueResultSchema = z.object({
  rows: z.array(queueRowSchema),
  total: z.number().int(),
  /** The view holds more than `total` cases; counting stopped there. */
  totalCapped: z.boolean(),
  today: z.string(),
  counts: z.object({
    AWAITING_BIRTH: z.number().int(),
    NEW: z.number().int(),
    TRIAGE: z.number().int(),
    ASSESSMENT: z.number().int(),
    /** Completed, waiting for the hand-over meeting to planned social work: still open work (issue 22). */
    HANDOVER: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type QueueResult = z.infer<typeof queueResultSchema>;

/** A row of the assessment-week worker's 7-day list: the case and the steps done before the decision. */
export const sevenDayItemSchema = queueRowSchema.extend({
  steps: z.object({
    urgency: z.boolean(),
    contact: z.boolean(),
    guardiansInformed: z.boolean(),
    /** Null when the child is under 12 (or their birth date unknown): no notice of their own is due. */
    childInformed: z.boolean().nullable(),
  }),
});
export type SevenDayItem = z.infer<typeof sevenDayItemSchema>;

export const sevenDayListSchema = z.object({
  /**
   * Whether the caller is on assessment duty today, which binds their county-wide case access (issue 22 item
   * 8): ON, or OFF for the assessment-week role off duty; null for a role whose scope duty does not narrow.
   */
  duty: z.enum(['ON', 'OFF']).nullable(),
  items: z.array(sevenDayItemSchema),
});
export type SevenDayList = z.infer<typeof sevenDayListSchema>;

export const caseDetailSchema = queueRowSchema.extend({
  externalId: z.string().nullable(),
  channel: z.enum(CHANNELS),
  reporterCategory: z.enum(REPORTER_CATEGORIES),
  areaId: z.string(),
  childFirstName: z.string().nullable(),
  childLastName: z.string().nullable(),
  childHetu: z.string().nullable(),
  expectedBirthDate: z.string().nullable(),
  summary: z.string().nullable(),
  urgencyAssessedAt: z.string().nullable(),
  urgencyAssessedBy: z.string().nullable(),
  urgencyResult: z.enum(['URGENT', 'NOT_URGENT']).nullable(),
  /** When the urgency and the decision were typed in, beside the real times above. */
  urgencyRecordedAt: z.string().nullable(),
  /** Until when the viewer may undo the urgency they just recorded (shared/clock.ts), or null. */
  urgencyUndoUntil: z.string().nullable(),
  decisionRecordedAt: z.string().nullable(),
  concern: z.enum(CONCERNS).nullable(),
  startOverrun: z.object({ reason: z.enum(OVERRUN_REASONS), note: z.string() }).nullable(),
  completeOverrun: z.object({ reason: z.enum(OVERRUN_REASONS), note: z.string() }).nullable(),
  closedReason: z.enum(CLOSURE_REASONS).nullable(),
  closedNote: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  decisionDate: z.string().nullable(),
  decisionBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  assessmentCompletedDate: z.string().nullable(),
  assessmentOutcome: z.enum(ASSESSMENT_OUTCOMES).nullable(),
  reporterContact: z.string().nullable(),
  guardians: z.array(z.object({ name: z.string(), phone: z.string(), language: z.enum(['fi', 'sv', 'other']) })),
  assessmentSummary: z.string().nullable(),
  /** The regional team a started assessment went to. */
  assignedTeam: z.string().nullable(),
  /** The assessment's work pair beside the responsible social worker (issue 22 item 1). */
  pairUserId: z.string().nullable(),
  pair: z.string().nullable(),
  /** The assessment's meetings, planned, held and cancelled, by time (issue 22 item 2). */
  meetings: z.array(assessmentMeetingSchema),
  /** What the held meetings show: how many, a home visit among them, the child met. */
  meetingFacts: z.object({ held: z.number().int(), homeVisitHeld: z.boolean(), childMet: z.boolean() }),
  /** The partners invited into the assessment, with the client's consent to share with each (issue 22 item 3). */
  partners: z.array(partnerSchema),
  /** The structured summary (yhteenveto) and its delivery to the family (issue 22 item 4), or null before it. */
  summaryRecord: summaryRecordSchema.nullable(),
  /** Support started during the assessment (item 5), and since when the family is a child welfare client. */
  supports: z.array(supportSchema),
  clientRelationshipSince: z.string().nullable(),
  /** The hand-over to planned social work after a completion that needs longer support (item 6). */
  handover: handoverSchema.nullable(),
  /** The assignee of the open or earlier case this notification was linked to: the likely designated worker. */
  linkedAssigneeUserId: z.string().nullable(),
  /** How many other children's cases came with the same notification (listed by `cases.siblings`). */
  siblingCount: z.number().int(),
  guidedTo: z.array(z.object({ id: z.string(), name: z.string() })),
  letters: z.array(letterSummarySchema),
  events: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      user: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const childInputSchema = z
  .object({
    firstName: name.default(''),
    lastName: name.default(''),
    birthDate: z.union([localDate, z.literal('')]).default(''),
    hetu: z.string().trim().max(11).default(''),
    expectedBirthDate: z.union([localDate, z.literal('')]).default(''),
  })
  .strict();

export const guardianSchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(120),
    phone: z.string().trim().max(40).default(''),
    language: z.enum(['fi', 'sv', 'other']).default('fi'),
  })
  .strict();
export type Guardian = z.infer<typeof guardianSchema>;

export const registerInputSchema = z
  .object({
    type: z.enum(CASE_TYPES),
    channel: z.enum(CHANNELS),
    /** ISO 8601 with offset, or Europe/Helsinki wall-clock time. */
    receivedAt: z.string().trim().min(1).max(40),
    reporterCategory: z.enum(REPORTER_CATEGORIES),
    reporterContact: z.string().trim().max(300).default(''),
    municipalityId: z.string().min(1).max(40),
    summary: z.string().trim().max(5000).default(''),
    /** One case per child; siblings in one notification share it. */
    children: z.array(childInputSchema).min(1).max(8),
    guardians: z.array(guardianSchema).max(4).default([]),
    linkToCaseId: z.string().max(64).optional(),
  })
  .strict();
export type RegisterInput = z.input<typeof registerInputSchema>;

export const findExistingSchema = z
  .object({
    hetu: z.string().trim().max(11).default(''),
    firstName: name.default(''),
    lastName: name.default(''),
    birthDate: z.string().max(10).default(''),
  })
  .strict();

export const existingCaseSchema = z.object({
  id: z.string(),
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  receivedDate: z.string(),
  childName: z.string().nullable(),
  matchedBy: z.enum(['HETU', 'NAME_AND_BIRTH_DATE']),
});

/**
 * The existing-client check at registration: the earlier cases the caller may see, and only whether there
 * are others (703/2023 § 9: not who, what or how many), so the worker knows to ask a team lead.
 */
export const existingCasesSchema = z.object({
  cases: z.array(existingCaseSchema),
  outsideScope: z.boolean(),
});
export type ExistingCases = z.infer<typeof existingCasesSchema>;

/** A real time the social worker gives: ISO 8601 with offset, or Europe/Helsinki wall-clock time. */
const realTime = z.string().trim().min(1).max(40);
const correctionReason = z.string().trim().min(3, 'say why the record is corrected').max(1000);

export const urgencyInputSchema = z
  .object({
    id: z.string().max(64),
    urgent: z.boolean(),
    /** When the urgency was assessed (LsL 26 § 2 mom): default now; not in the future, not before receipt. */
    assessedAt: realTime.optional(),
  })
  .strict();
export const correctUrgencySchema = z
  .object({ id: z.string().max(64), urgent: z.boolean(), assessedAt: realTime, reason: correctionReason })
  .strict();
export const correctDecisionSchema = z
  .object({
    id: z.string().max(64),
    decisionDate: localDate.optional(),
    concern: z.enum(CONCERNS).optional(),
    reason: correctionReason,
  })
  .strict()
  .refine((v) => v.decisionDate !== undefined || v.concern !== undefined, {
    message: 'give the corrected decision date or classification',
    path: ['decisionDate'],
  });
export const overrunReasonSchema = z
  .object({
    id: z.string().max(64),
    deadline: z.enum(['START', 'COMPLETE']),
    reason: z.enum(OVERRUN_REASONS),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .refine((v) => v.reason !== 'OTHER' || v.note.length > 0, {
    message: 'describe the reason',
    path: ['note'],
  });
export const closeAsNotCaseSchema = z
  .object({
    id: z.string().max(64),
    reason: z.enum(CLOSURE_REASONS),
    note: z.string().trim().min(3, 'say why the case is closed').max(1000),
  })
  .strict();
export const decisionInputSchema = z
  .object({
    id: z.string().max(64),
    decision: z.enum(DECISIONS),
    reason: z.string().trim().min(1, 'a reason is required').max(2000),
    /** The date the decision was made: default today; not in the future, not before receipt. */
    decisionDate: localDate.optional(),
    /** THL's population (SHL 3 § 5); required for SHL contacts and applications, LSL cases are child welfare. */
    concern: z.enum(CONCERNS).optional(),
    /**
     * START_ASSESSMENT and URGENT (whose assessment still runs): the regional assessment team (taken from the
     * worker's team when only a worker is given).
     */
    teamId: z.string().max(64).optional(),
    /** START_ASSESSMENT: the worker, if already known; TRANSFER_EXISTING: the designated worker (omatyöntekijä). */
    assigneeUserId: z.string().max(64).optional(),
    /** GUIDANCE: the services from the county's directory the family was guided to. */
    serviceIds: z.array(z.string().max(64)).max(20).default([]),
  })
  .strict()
  .refine((v) => !runsAssessment(v.decision) || !!v.teamId || !!v.assigneeUserId, {
    message: 'choose the regional assessment team',
    path: ['teamId'],
  })
  .refine((v) => v.decision !== 'TRANSFER_EXISTING' || !!v.assigneeUserId, {
    message: 'choose the designated worker',
    path: ['assigneeUserId'],
  })
  .refine((v) => v.decision !== 'GUIDANCE' || v.serviceIds.length > 0, {
    message: 'choose the services the family was guided to',
    path: ['serviceIds'],
  });
export type DecisionInput = z.input<typeof decisionInputSchema>;
export const birthInputSchema = z
  .object({
    id: z.string().max(64),
    birthDate: localDate,
    firstName: name.min(1),
    lastName: name.min(1),
    hetu: z.string().trim().max(11).default(''),
    /** The day the birth became known to the team: the case is pending (its clock runs) from then. */
    knownOn: localDate.optional(),
  })
  .strict();

export const assignableUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  areaId: z.string().nullable(),
  teamId: z.string().nullable(),
});

export const contactInputSchema = z
  .object({
    id: z.string().max(64),
    date: localDate,
    mode: z.enum(CONTACT_MODES),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
export const completeAssessmentSchema = z
  .object({
    id: z.string().max(64),
    completedDate: localDate,
    outcome: z.enum(ASSESSMENT_OUTCOMES),
    summary: z.string().trim().min(1, 'the summary (yhteenveto) is required').max(20_000),
  })
  .strict();

const letterTemplateWithDefault = letterTemplateSchema.extend({ defaultBody: z.string() });

const lettersOperations = {
  'letters.templates': op({ input: none, output: z.array(letterTemplateWithDefault), access: ANY_ROLE }),
  'letters.saveTemplate': op({
    input: saveTemplateSchema,
    output: z.array(letterTemplateWithDefault),
    access: MANAGERS,
  }),
  'letters.create': op({
    input: createLetterSchema,
    output: caseDetailSchema,
    access: CLIENT_ROLES,
    purpose: 'letter',
  }),
  'letters.pdf': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: letterFileSchema,
    access: CLIENT_ROLES,
    purpose: 'letter',
  }),
} as const;

export const casesOperations = {
  ...lettersOperations,
  'cases.queue': op({
    input: queueQuerySchema,
    output: queueResultSchema,
    access: CLIENT_ROLES,
    purpose: 'case queue',
  }),
  'cases.get': op({
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: caseDetailSchema,
    access: CLIENT_ROLES,
    purpose: 'case detail',
  }),
  'cases.printed': op({
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    /** Logged before the print dialog opens: a case on paper is client data leaving the screen. */
    output: z.object({ logged: z.literal(true) }),
    access: CLIENT_ROLES,
    purpose: 'case print',
  }),
  'cases.sevenDayList': op({
    input: none,
    output: sevenDayListSchema,
    access: SOCIAL_WORKER_ROLES,
    purpose: 'seven-day list',
  }),
  'cases.siblings': op({
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    /** The siblings' cases the caller may see; of the others only that there are some. */
    output: z.object({ cases: z.array(queueRowSchema), outsideScope: z.boolean() }),
    access: CLIENT_ROLES,
    purpose: 'siblings in the same notification',
  }),
  'cases.register': op({
    input: registerInputSchema,
    /** The first child's case comes back as the detail pane shows it, under the registration's own log entry. */
    output: z.object({ caseIds: z.array(z.string()), detail: caseDetailSchema }),
    access: CLIENT_ROLES,
  }),
  'cases.findExisting': op({ input: findExistingSchema, output: existingCasesSchema, access: CLIENT_ROLES }),
  'cases.recordUrgency': op({ input: urgencyInputSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.undoUrgency': op({
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: caseDetailSchema,
    access: SOCIAL_WORKER_ROLES,
  }),
  'cases.recordDecision': op({ input: decisionInputSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.correctUrgency': op({ input: correctUrgencySchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.correctDecision': op({ input: correctDecisionSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.overrunReason': op({ input: overrunReasonSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.closeAsNotCase': op({ input: closeAsNotCaseSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
  'cases.recordBirth': op({ input: birthInputSchema, output: caseDetailSchema, access: CLIENT_ROLES }),
  'cases.recordContact': op({ input: contactInputSchema, output: caseDetailSchema, access: CLIENT_ROLES }),
  'cases.completeAssessment': op({
    input: completeAssessmentSchema,
    output: caseDetailSchema,
    access: SOCIAL_WORKER_ROLES,
  }),
  'cases.export': op({ input: exportQuerySchema, output: exportResultSchema, access: ['LEAD'], purpose: 'export' }),
  'cases.importCsv': op({
    input: z
      .object({
        text: z.string().min(1, 'the file is empty').max(50_000_000),
        skipInvalid: z.boolean().default(false),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      imported: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      rejected: z.array(z.object({ line: z.number().int(), error: z.string() })),
      conflicts: z.array(
        z.object({
          line: z.number().int(),
          externalId: z.string(),
          field: z.string(),
          inLuukku: z.string(),
          inFile: z.string(),
        }),
      ),
    }),
    access: ['ADVICE', 'ASSESSMENT_SW', 'LEAD'],
  }),
  'cases.importProgress': op({
    input: none,
    output: z
      .object({ phase: z.enum(['CHECKING', 'WRITING']), done: z.number().int(), total: z.number().int() })
      .nullable(),
    access: ['ADVICE', 'ASSESSMENT_SW', 'LEAD'],
  }),
} as const;
