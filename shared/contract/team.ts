/**
 * Team leads' part of the IPC contract (issue 5): user accounts, the workload board, reassigning cases,
 * the in-app inbox, the client's access-log report (Asiakastietolaki 703/2023 § 11) and the retention report.
 */
import { DISCLOSURE_BASES } from '../caseTypes';
import { z } from 'zod';
import { CASE_STATUSES } from '../caseTypes';
import { languageSchema, localDateSchema } from '../schemas';
import { ROLES } from '../roles';
import { ANY_ROLE, CLIENT_ROLES, MANAGERS } from '../roles';
import { assignableUserSchema } from './cases';
import { letterFileSchema } from './letters';
import { none, op } from './op';

const id = z.string().trim().min(1).max(64);
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dot, dash or underscore');
export const newPasswordSchema = z.string().min(10, 'at least 10 characters').max(256);

export const userAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;

export const saveUserSchema = z
  .object({
    /** Absent: a new account, which then needs `password`. */
    id: id.optional(),
    username,
    displayName: z.string().trim().min(1, 'required').max(120),
    role: z.enum(ROLES),
    staffId: id.nullable().default(null),
    password: newPasswordSchema.optional(),
  })
  .strict()
  .refine((v) => !!v.id || !!v.password, { message: 'a new account needs a first password', path: ['password'] });
export type SaveUser = z.input<typeof saveUserSchema>;

export const changePasswordSchema = z
  .object({ current: z.string().min(1, 'required').max(256), next: newPasswordSchema, repeat: z.string().max(256) })
  .strict()
  .refine((v) => v.next === v.repeat, { message: 'the passwords differ', path: ['repeat'] })
  .refine((v) => v.next !== v.current, { message: 'choose a password you have not used now', path: ['next'] });

const counts = z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() });
export type LoadCounts = z.infer<typeof counts>;

/**
 * LsL 13 b §: a social worker responsible for children's affairs has at most 30 children as clients. The
 * workload board measures each worker's open cases' children against it, and a move that would pass it warns.
 */
export const CHILDREN_PER_SOCIAL_WORKER = 30;

export const workloadSchema = z.object({
  today: localDateSchema,
  /** The board's horizon for absences ahead: today and the next 27 days. */
  horizon: localDateSchema,
  /** LsL 13 b §'s limit of children per social worker. */
  childLimit: z.number().int(),
  workers: z.array(
    counts.extend({
      userId: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      areaId: z.string().nullable(),
      teamId: z.string().nullable(),
      fte: z.number(),
      byStatus: z.record(z.enum(CASE_STATUSES), z.number().int()),
      /** Open cases per full-time equivalent: how loaded a part-timer really is. */
      weighted: z.number(),
      /** The distinct children of the worker's open cases (by identity code, else case): LsL 13 b §'s measure. */
      children: z.number().int(),
      absences: z.array(z.object({ from: localDateSchema, to: localDateSchema, kind: z.string() })),
    }),
  ),
  unassigned: counts,
  areas: z.array(counts.extend({ areaId: z.string(), nameFi: z.string(), nameSv: z.string() })),
  teams: z.array(counts.extend({ teamId: z.string(), name: z.string() })),
  /** The last eight ISO weeks: cases received, closed, and open at the week's end. */
  trend: z.array(
    z.object({ week: z.string(), received: z.number().int(), closed: z.number().int(), openAtEnd: z.number().int() }),
  ),
});
export type Workload = z.infer<typeof workloadSchema>;

/** Which cases to move: the ones picked, or every open case of one worker (for their absence). */
const selectionShape = {
  caseIds: z.array(id).min(1, 'pick at least one case').max(5000).optional(),
  fromUserId: id.optional(),
};
const oneSelection = (v: { caseIds?: string[] | undefined; fromUserId?: string | undefined }) =>
  !!v.caseIds !== !!v.fromUserId;
const selectionMessage = { message: 'give either the cases or the worker whose cases move', path: ['caseIds'] };

export const reassignSchema = z
  .object({
    ...selectionShape,
    toUserId: id,
    reason: z.string().trim().min(3, 'required').max(500),
  })
  .strict()
  .refine(oneSelection, selectionMessage);
export type ReassignInput = z.input<typeof reassignSchema>;

export const suggestAssigneesSchema = z
  .object({ ...selectionShape, from: localDateSchema.optional(), to: localDateSchema.optional() })
  .strict()
  .refine(oneSelection, selectionMessage)
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'must not be before from', path: ['to'] });

export const assigneeSuggestionSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  areaId: z.string().nullable(),
  fte: z.number(),
  openCases: z.number().int(),
  weighted: z.number(),
  /** Working days the person is away in the period the cases need them. */
  absentDays: z.number().int(),
  /** How many of the cases are in the person's area. */
  inArea: z.number().int(),
  /** The person has this week's assessment week: suggested first for notifications not yet decided. */
  assessmentWeek: z.boolean(),
  /** The person's distinct children after the move, to hold against LsL 13 b §'s 30. */
  childrenAfter: z.number().int(),
});
export type AssigneeSuggestion = z.infer<typeof assigneeSuggestionSchema>;

export const reassignProgressSchema = z.object({ done: z.number().int(), total: z.number().int() }).nullable();

export const inboxSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      kind: z.enum(['CASES_RECEIVED', 'CASES_MOVED_AWAY', 'ACCOUNT_CREATED', 'ACCOUNT_ROLE_CHANGED', 'PASSWORD_RESET']),
      count: z.number().int(),
      by: z.string(),
      other: z.string().nullable(),
      reason: z.string(),
      /** Account messages to leads: the account's role. */
      role: z.string().optional(),
      /** Cases received: which, to open them from the message. */
      caseIds: z.array(z.string()).optional(),
      read: z.boolean(),
    }),
  ),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const accessLogQuerySchema = z.object({ caseId: id, language: languageSchema }).strict();

export const accessLogSchema = z.object({
  child: z.object({ name: z.string().nullable(), birthDate: z.string().nullable(), hetu: z.string().nullable() }),
  cases: z.array(z.object({ id: z.string(), type: z.string(), receivedDate: z.string(), status: z.string() })),
  entries: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      user: z.string().nullable(),
      userName: z.string().nullable(),
      role: z.string().nullable(),
      action: z.string(),
      purpose: z.string().nullable(),
      caseId: z.string().nullable(),
      outcome: z.string(),
      /** A disclosure to a partner of the assessment: to whom and on what basis (703/2023 § 10). */
      disclosedTo: z.object({ recipient: z.string(), basis: z.enum(DISCLOSURE_BASES) }).nullable(),
    }),
  ),
  fileName: z.string(),
  csv: z.string(),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

/** The record classes of the retention rules: each case falls under one (main/areas/team/retention.ts). */
export const RETENTION_RECORDS = ['CASE', 'CHILD_WELFARE_CASE', 'LETTER', 'ACCESS_LOG'] as const;

export const retentionSchema = z.object({
  asOf: localDateSchema,
  rules: z.array(
    z.object({
      record: z.enum(RETENTION_RECORDS),
      years: z.number().int(),
      after: z.enum(['closing', 'death', 'entry']),
    }),
  ),
  /** Closed cases whose 30 years have run (with their letters): due for archiving, oldest first. */
  casesDue: z.number().int(),
  casesDueSoon: z.number().int(),
  /** Closed child welfare cases: kept until 2 years after the client's death, never due by their closing. */
  childWelfareKept: z.number().int(),
  oldestCaseDue: z.object({ id: z.string(), closedOn: z.string(), dueOn: z.string() }).nullable(),
  /** Access-log entries older than 12 years. */
  logEntriesDue: z.number().int(),
  oldestLogEntry: z.string().nullable(),
  /** The oldest cases due, each with the record class whose rule made it due. */
  sample: z.array(
    z.object({ id: z.string(), closedOn: z.string(), dueOn: z.string(), record: z.enum(RETENTION_RECORDS) }),
  ),
});
export type Retention = z.infer<typeof retentionSchema>;

export const teamOperations = {
  'users.list': op({ input: none, output: z.array(userAccountSchema), access: MANAGERS }),
  'users.save': op({ input: saveUserSchema, output: userAccountSchema, access: MANAGERS }),
  'users.setActive': op({
    input: z.object({ id: z.string().min(1).max(64), active: z.boolean() }).strict(),
    output: userAccountSchema,
    access: MANAGERS,
  }),
  'users.resetPassword': op({
    input: z.object({ id: z.string().min(1).max(64), password: newPasswordSchema }).strict(),
    output: userAccountSchema,
    access: MANAGERS,
  }),
  'users.assignable': op({ input: none, output: z.array(assignableUserSchema), access: CLIENT_ROLES }),
  'workload.board': op({ input: none, output: workloadSchema, access: ['LEAD'] }),
  'cases.suggestAssignees': op({
    input: suggestAssigneesSchema,
    output: z.array(assigneeSuggestionSchema),
    access: ['LEAD'],
  }),
  'cases.reassign': op({
    input: reassignSchema,
    output: z.object({ reassigned: z.number().int(), caseIds: z.array(z.string()) }),
    access: ['LEAD'],
  }),
  'cases.reassignProgress': op({ input: none, output: reassignProgressSchema, access: ['LEAD'] }),
  'inbox.list': op({ input: none, output: inboxSchema, access: ANY_ROLE }),
  'inbox.markRead': op({
    input: z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }).strict(),
    output: inboxSchema,
    access: ANY_ROLE,
  }),
  'audit.childAccessLog': op({
    input: accessLogQuerySchema,
    output: accessLogSchema,
    access: ['LEAD'],
    purpose: 'access-log report to the client (703/2023 § 11)',
  }),
  'audit.childAccessLogPdf': op({
    input: accessLogQuerySchema,
    output: letterFileSchema,
    access: ['LEAD'],
    purpose: 'access-log report to the client (703/2023 § 11)',
  }),
  // Reports count and list cases: a team lead's, never the county admin's, whose scope is no client data.
  'retention.report': op({ input: none, output: retentionSchema, access: ['LEAD'] }),
} as const;
