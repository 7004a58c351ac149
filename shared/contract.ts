/**
 * The IPC contract: every operation that crosses the bridge, declared once with its zod input, zod output
 * and the roles allowed to call it (docs/architecture.md, "IPC"). The preload client and the main-process
 * handlers are generated from this object; nothing else crosses.
 */
import { z } from 'zod';
import { ADVICE_CHANNELS, ADVICE_GUIDED_TO, ADVICE_LANGUAGES, ADVICE_TOPICS } from './caseTypes';
import { daysBetween } from './dates';
import { MIN_PASSPHRASE_LENGTH } from './passphrase';
import { languageSchema, localDateSchema, type Language } from './schemas';
import {
  assignableUserSchema,
  birthInputSchema,
  caseDetailSchema,
  completeAssessmentSchema,
  contactInputSchema,
  decisionInputSchema,
  closeAsNotCaseSchema,
  correctDecisionSchema,
  correctUrgencySchema,
  overrunReasonSchema,
  exportQuerySchema,
  exportResultSchema,
  findExistingSchema,
  existingCasesSchema,
  queueQuerySchema,
  queueResultSchema,
  registerInputSchema,
  urgencyInputSchema,
} from './caseContract';
import {
  createLetterSchema,
  guidanceServiceSchema,
  letterFileSchema,
  letterTemplateSchema,
  saveServiceSchema,
  saveTemplateSchema,
  serviceQuerySchema,
  teamSchema,
} from './guidanceContract';
import {
  dashboardQuerySchema,
  dashboardSchema,
  drillDownPrintSchema,
  drillDownQuerySchema,
  reportPeriodSchema,
  thlDrillDownSchema,
  thlReportSchema,
} from './reportContract';
import { ANY_ROLE, CLIENT_ROLES, MANAGERS, ROLES, ROSTER_EDITORS, SOCIAL_WORKER_ROLES, type Role } from './roles';
import {
  visibleAbsenceSchema,
  addAbsenceSchema,
  applyRepairSchema,
  dateRangeSchema,
  fairnessSchema,
  generateProgressSchema,
  generateResultSchema,
  generateSchema,
  lockSchema,
  moveResultSchema,
  moveSchema,
  periodSchema,
  publishSchema,
  repairProposalSchema,
  rosterChangeSchema,
  rosterConfigSchema,
  saveClosureDaySchema,
  saveStaffSchema,
  staffDirectorySchema,
  staffSchema,
  swapWeeksSchema,
  wishSchema,
} from './rosterContract';

import {
  accessLogQuerySchema,
  accessLogSchema,
  assigneeSuggestionSchema,
  changePasswordSchema,
  inboxSchema,
  newPasswordSchema,
  reassignProgressSchema,
  reassignSchema,
  retentionSchema,
  saveUserSchema,
  suggestAssigneesSchema,
  userAccountSchema,
  workloadSchema,
} from './teamContract';

export type Access = 'public' | readonly Role[];

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public': callable without a session (status, first run, unlock, sign-in). */
  access: Access;
  /** Why the data is used, recorded in the audit log for client-data reads (703/2023 § 10). */
  purpose?: string;
}

const letterTemplateWithDefault = letterTemplateSchema.extend({ defaultBody: z.string() });

const op = <I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>) => spec;

const text = (max: number) => z.string().trim().max(max);
const none = z.object({}).strict();
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dot, dash or underscore');
const password = z.string().min(10, 'at least 10 characters').max(256);
const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `at least ${MIN_PASSPHRASE_LENGTH} characters`).max(512);

export const roleSchema = z.enum(ROLES);
export { languageSchema, type Language };

export const phaseSchema = z.enum([
  'SETUP', // no store yet: first run
  'LOCKED', // store exists; the recovery passphrase is needed (no OS keychain entry)
  'KEY_MISSING', // store exists but its key file is gone: never recreate, show what to do
  'STORE_ERROR', // store cannot be opened (damaged, from a newer version)
  'NO_USERS', // store open but no accounts yet (created with the admin CLI): create the first team lead
  'SIGNED_OUT',
  'SIGNED_IN',
]);
export type Phase = z.infer<typeof phaseSchema>;

export const currentUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** The worker on the duty roster this account belongs to, if any ("my duties"). */
  staffId: z.string().nullable(),
  /** A lead reset the password: the user chooses their own before anything else. */
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const statusSchema = z.object({
  phase: phaseSchema,
  version: z.string(),
  storePath: z.string(),
  countyName: z.string().nullable(),
  keychainAvailable: z.boolean(),
  user: currentUserSchema.nullable(),
  idleLockMinutes: z.number().int(),
  /** A user-presentable reason for KEY_MISSING / STORE_ERROR, or for the last automatic sign-out. */
  message: z.string().nullable(),
  /** The quick check of the open store, run beside the app after it opens. */
  /** DAMAGED: the quick check found damaged pages; LOG_ALTERED: the audit log no longer reaches its anchor. */
  integrity: z.enum(['UNCHECKED', 'CHECKING', 'OK', 'DAMAGED', 'LOG_ALTERED']),
});
export type Status = z.infer<typeof statusSchema>;

export const settingsSchema = z.object({
  countyName: text(120).min(1),
  idleLockMinutes: z.number().int().min(1).max(240),
  dueSoonWorkingDays: z.number().int().min(0).max(7),
  /** Automatic daily backups kept (the oldest beyond this are removed). */
  backupKeep: z.number().int().min(1).max(90),
});
export type Settings = z.infer<typeof settingsSchema>;

const newLead = z
  .object({
    displayName: text(120).min(1, 'required'),
    username,
    password,
  })
  .strict();

export const overviewSchema = z.object({
  staff: z.number().int(),
  dutyAssignments: z.number().int(),
});
export type Overview = z.infer<typeof overviewSchema>;

const localDate = localDateSchema;

export const rosterSchema = z.object({
  assignments: z.array(
    z.object({
      id: z.number().int(),
      date: z.string().nullable(),
      week: z.string().nullable(),
      duty: z.string(),
      staffId: z.string(),
      staffName: z.string(),
      locked: z.boolean(),
    }),
  ),
  absences: z.array(visibleAbsenceSchema),
  periods: z.array(periodSchema),
  /** Slots the duty types ask for that nobody holds, on days of a generated period. */
  shortfalls: z.array(
    z.object({ date: z.string().nullable(), week: z.string().nullable(), duty: z.string(), missing: z.number().int() }),
  ),
});
export type Roster = z.infer<typeof rosterSchema>;

const adviceTodaySchema = z.object({
  today: z.number().int(),
  mine: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      channel: z.enum(ADVICE_CHANNELS),
      language: z.enum(ADVICE_LANGUAGES),
      topic: z.enum(ADVICE_TOPICS),
      guidedTo: z.enum(ADVICE_GUIDED_TO),
      undoable: z.boolean(),
    }),
  ),
});
export type AdviceToday = z.infer<typeof adviceTodaySchema>;

const backupSchema = z.object({
  name: z.string(),
  at: z.string(),
  bytes: z.number().int(),
  cases: z.number().int().nullable(),
  auditEntries: z.number().int().nullable(),
});
export type Backup = z.infer<typeof backupSchema>;

export const contract = {
  'app.status': op({ input: none, output: statusSchema, access: 'public' }),
  'setup.createStore': op({
    input: z
      .object({
        passphrase,
        passphraseRepeat: z.string().max(512),
        countyName: text(120).min(1, 'required'),
        lead: newLead,
      })
      .strict()
      .refine((v) => v.passphrase === v.passphraseRepeat, {
        message: 'the passphrases differ',
        path: ['passphraseRepeat'],
      }),
    output: statusSchema,
    access: 'public',
  }),
  'setup.createFirstLead': op({ input: newLead, output: statusSchema, access: 'public' }),
  'store.unlock': op({
    input: z.object({ passphrase: z.string().min(1, 'required').max(512) }).strict(),
    output: statusSchema,
    access: 'public',
  }),
  'session.signIn': op({
    input: z
      .object({ username: z.string().trim().min(1, 'required').max(64), password: z.string().min(1).max(256) })
      .strict(),
    output: statusSchema,
    access: 'public',
  }),
  'session.signOut': op({
    input: z.object({ reason: z.enum(['USER', 'IDLE']) }).strict(),
    output: statusSchema,
    access: ANY_ROLE,
  }),
  'session.changePassword': op({ input: changePasswordSchema, output: statusSchema, access: ANY_ROLE }),
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
  'workload.board': op({ input: none, output: workloadSchema, access: ['LEAD'] }),
  'cases.suggestAssignees': op({
    input: suggestAssigneesSchema,
    output: z.array(assigneeSuggestionSchema),
    access: ['LEAD'],
  }),
  'cases.reassign': op({
    input: reassignSchema,
    output: z.object({ reassigned: z.number().int() }),
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
  'settings.get': op({ input: none, output: settingsSchema, access: ANY_ROLE }),
  'settings.update': op({ input: settingsSchema.partial().strict(), output: settingsSchema, access: MANAGERS }),
  'overview.get': op({ input: none, output: overviewSchema, access: ANY_ROLE }),
  'roster.list': op({ input: dateRangeSchema, output: rosterSchema, access: ANY_ROLE }),
  'roster.config': op({ input: none, output: rosterConfigSchema, access: ANY_ROLE }),
  'roster.saveConfig': op({ input: rosterConfigSchema, output: rosterConfigSchema, access: MANAGERS }),
  'roster.generate': op({ input: generateSchema, output: generateResultSchema, access: ROSTER_EDITORS }),
  'roster.generateProgress': op({ input: none, output: generateProgressSchema, access: ROSTER_EDITORS }),
  'roster.cancelGenerate': op({ input: none, output: z.boolean(), access: ROSTER_EDITORS }),
  'roster.move': op({ input: moveSchema, output: moveResultSchema, access: ROSTER_EDITORS }),
  'roster.lock': op({ input: lockSchema, output: z.null(), access: ROSTER_EDITORS }),
  'roster.swapWeeks': op({ input: swapWeeksSchema, output: moveResultSchema, access: ROSTER_EDITORS }),
  'roster.publish': op({ input: publishSchema, output: z.null(), access: MANAGERS }),
  'roster.changes': op({ input: dateRangeSchema, output: z.array(rosterChangeSchema), access: ANY_ROLE }),
  'roster.repairProposal': op({
    input: z.object({ absenceId: z.number().int().positive() }).strict(),
    output: repairProposalSchema,
    access: ROSTER_EDITORS,
  }),
  'roster.applyRepair': op({ input: applyRepairSchema, output: moveResultSchema, access: MANAGERS }),
  'roster.fairness': op({ input: dateRangeSchema, output: fairnessSchema, access: ANY_ROLE }),
  'staff.directory': op({ input: dateRangeSchema, output: staffDirectorySchema, access: ANY_ROLE }),
  'staff.save': op({ input: saveStaffSchema, output: staffSchema, access: ROSTER_EDITORS }),
  'staff.addAbsence': op({
    input: addAbsenceSchema,
    output: z.object({ absenceId: z.number().int(), heldDuties: z.number().int() }),
    access: ROSTER_EDITORS,
  }),
  'staff.removeAbsence': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.null(),
    access: ROSTER_EDITORS,
  }),
  'staff.wish': op({ input: wishSchema, output: z.null(), access: ROSTER_EDITORS }),
  'org.closureDay': op({ input: saveClosureDaySchema, output: z.null(), access: MANAGERS }),
  'roster.ics': op({
    input: z
      .object({ from: localDate, to: localDate, staffId: z.string().max(64).optional(), language: languageSchema })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'must not be before from', path: ['to'] })
      .refine((v) => daysBetween(v.from, v.to) <= 400, { message: 'at most 400 days at a time', path: ['to'] }),
    output: z.object({ fileName: z.string(), ics: z.string(), events: z.number().int() }),
    access: ANY_ROLE,
  }),
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
  'cases.register': op({
    input: registerInputSchema,
    /** The first child's case comes back as the detail pane shows it, under the registration's own log entry. */
    output: z.object({ caseIds: z.array(z.string()), detail: caseDetailSchema }),
    access: CLIENT_ROLES,
  }),
  'cases.findExisting': op({ input: findExistingSchema, output: existingCasesSchema, access: CLIENT_ROLES }),
  'cases.recordUrgency': op({ input: urgencyInputSchema, output: caseDetailSchema, access: SOCIAL_WORKER_ROLES }),
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
  'reports.thl': op({ input: reportPeriodSchema, output: thlReportSchema, access: ['LEAD'] }),
  'reports.thlCases': op({
    input: drillDownQuerySchema,
    output: thlDrillDownSchema,
    access: ['LEAD'],
    purpose: 'deadline monitoring',
  }),
  'reports.thlCasesPrinted': op({
    input: drillDownPrintSchema,
    output: z.object({ cases: z.number().int().min(0) }),
    access: ['LEAD'],
    purpose: 'deadline monitoring',
  }),
  'reports.dashboard': op({ input: dashboardQuerySchema, output: dashboardSchema, access: ['LEAD'] }),
  'users.assignable': op({ input: none, output: z.array(assignableUserSchema), access: CLIENT_ROLES }),
  'org.teams': op({ input: none, output: z.array(teamSchema), access: ANY_ROLE }),
  'org.areas': op({
    input: none,
    output: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string() })),
    access: ANY_ROLE,
  }),
  'guidance.services': op({ input: serviceQuerySchema, output: z.array(guidanceServiceSchema), access: ANY_ROLE }),
  'guidance.saveService': op({ input: saveServiceSchema, output: guidanceServiceSchema, access: MANAGERS }),
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
  'org.municipalities': op({
    input: none,
    output: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string(), areaId: z.string() })),
    access: ANY_ROLE,
  }),
  'advice.today': op({ input: none, output: adviceTodaySchema, access: CLIENT_ROLES }),
  'advice.log': op({
    input: z
      .object({
        channel: z.enum(ADVICE_CHANNELS),
        language: z.enum(ADVICE_LANGUAGES),
        topic: z.enum(ADVICE_TOPICS),
        guidedTo: z.enum(ADVICE_GUIDED_TO),
      })
      .strict(),
    output: adviceTodaySchema,
    access: CLIENT_ROLES,
  }),
  'advice.undo': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: adviceTodaySchema,
    access: CLIENT_ROLES,
  }),
  'backups.list': op({ input: none, output: z.array(backupSchema), access: MANAGERS }),
  'backups.create': op({ input: none, output: backupSchema, access: MANAGERS }),
  'backups.restore': op({
    input: z.object({ name: z.string().max(64) }).strict(),
    output: statusSchema,
    access: MANAGERS,
  }),
  'store.restoreLatest': op({
    input: z.object({ passphrase: z.string().min(1, 'required').max(512) }).strict(),
    output: statusSchema,
    access: 'public',
  }),
  'ui.setLanguage': op({ input: z.object({ language: languageSchema }).strict(), output: z.null(), access: 'public' }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];
export const channelOf = (name: OperationName): string => `luukku:${name}`;
