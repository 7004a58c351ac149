/**
 * The duty roster in the app: the county's duty types and rules, staff and their availability, roster
 * periods (drafted, then published), edits checked against the hard rules, repair proposals and the
 * fairness report. The scheduler's own input and output are in rosterScenario.ts (docs/formats.md).
 */
import { z } from 'zod';
import { daysBetween } from '../dates';
import { ASSESSMENT_WEEK } from '../rosterScenario';
import { localDateSchema } from '../schemas';
import { ANY_ROLE, MANAGERS, ROSTER_EDITORS } from '../roles';
import { languageSchema } from '../schemas';
import { none, op } from './op';

const localDate = localDateSchema;

export const DAILY_DUTIES = ['RECEPTION', 'EMERGENCY'] as const;
export type DailyDuty = (typeof DAILY_DUTIES)[number];
export const STAFF_ROLES = ['SOCIAL_WORKER', 'COUNSELLOR', 'LEAD', 'SERVICE_COORDINATOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles on the duty roster; leads and service coordinators are not. */
export const ROSTERED_ROLES = ['SOCIAL_WORKER', 'COUNSELLOR'] as const;
export const isRostered = (role: string): boolean => (ROSTERED_ROLES as readonly string[]).includes(role);
export const ABSENCE_KINDS = ['VACATION', 'SICK_LEAVE', 'TRAINING', 'OTHER'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
/** The languages offered as choices; any ISO 639 code is accepted (an import may bring others). */
export const LANGUAGE_CODES = ['fi', 'sv', 'en', 'ru', 'ar', 'so', 'et', 'uk'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week YYYY-Www');
const reason = z.string().trim().max(500);
const id = z.string().min(1).max(64);

export const rosterConfigSchema = z
  .object({
    dutyTypes: z
      .array(
        z
          .object({
            id: z.enum(DAILY_DUTIES),
            perDay: z.number().int().min(0, 'at least 0').max(20, 'at most 20'),
            requires: z.enum(['ANY', 'SOCIAL_WORKER']),
            start: time,
            end: time,
          })
          .strict()
          .refine((d) => d.start < d.end, { message: 'ends before it starts', path: ['end'] }),
      )
      .length(DAILY_DUTIES.length),
    assessmentWeek: z.boolean(),
    swedishOnReceptionDaily: z.boolean(),
    noConsecutiveAssessmentWeeks: z.boolean(),
  })
  .strict()
  .superRefine((c, ctx) =>
    DAILY_DUTIES.forEach((duty) => {
      if (c.dutyTypes.filter((d) => d.id === duty).length !== 1)
        ctx.addIssue({ code: 'custom', path: ['dutyTypes'], message: `${duty} must appear once` });
    }),
  );
export type RosterConfig = z.infer<typeof rosterConfigSchema>;

/** Sensible defaults (docs/domain.md): two on reception 8:30-15:00, one social worker on emergency duty. */
export const DEFAULT_ROSTER_CONFIG: RosterConfig = {
  dutyTypes: [
    { id: 'RECEPTION', perDay: 2, requires: 'ANY', start: '08:30', end: '15:00' },
    { id: 'EMERGENCY', perDay: 1, requires: 'SOCIAL_WORKER', start: '08:00', end: '16:00' },
  ],
  assessmentWeek: true,
  swedishOnReceptionDaily: true,
  noConsecutiveAssessmentWeeks: true,
};

export const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  fte: z.number(),
  languages: z.array(z.string()),
  areaId: z.string().nullable(),
  teamId: z.string().nullable(),
  maxDutiesPerWeek: z.number().int().nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof staffSchema>;

export const saveStaffSchema = z
  .object({
    /** Absent for a new worker. */
    id: id.optional(),
    name: z.string().trim().min(1, 'required').max(200),
    role: z.enum(STAFF_ROLES),
    fte: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as fi or sv'))
      .min(1, 'at least one language')
      .max(8),
    areaId: id.nullable(),
    teamId: id.nullable(),
    maxDutiesPerWeek: z.number().int().min(0).max(5).nullable(),
    active: z.boolean().default(true),
  })
  .strict();
export type SaveStaffInput = z.input<typeof saveStaffSchema>;

const dateRange = z
  .object({ from: localDateSchema, to: localDateSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'ends before it starts', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) <= 400, { message: 'at most 400 days at a time', path: ['to'] });
export const dateRangeSchema = dateRange;

export const absenceSchema = z.object({
  id: z.number().int(),
  staffId: z.string(),
  staffName: z.string(),
  from: z.string(),
  to: z.string(),
  kind: z.enum(ABSENCE_KINDS),
});
export type Absence = z.infer<typeof absenceSchema>;
/** An absence as shown: ABSENT where the viewer may see that the worker is away but not why. */
export const visibleAbsenceSchema = absenceSchema.extend({ kind: z.enum([...ABSENCE_KINDS, 'ABSENT']) });
export type VisibleAbsence = z.infer<typeof visibleAbsenceSchema>;

export const addAbsenceSchema = z
  .object({
    staffId: id,
    from: localDateSchema,
    to: localDateSchema,
    kind: z.enum(ABSENCE_KINDS),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'ends before it starts', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) <= 400, { message: 'at most 400 days at a time', path: ['to'] });

export const wishSchema = z.object({ staffId: id, date: localDateSchema, off: z.boolean() }).strict();
export const closureDaySchema = z.object({ date: z.string(), reason: z.string() });
export const saveClosureDaySchema = z
  .object({ date: localDateSchema, reason: z.string().trim().max(200), closed: z.boolean() })
  .strict();

export const staffDirectorySchema = z.object({
  staff: z.array(staffSchema),
  absences: z.array(visibleAbsenceSchema),
  wishes: z.array(z.object({ staffId: z.string(), date: z.string() })),
  closureDays: z.array(closureDaySchema),
});
export type StaffDirectory = z.infer<typeof staffDirectorySchema>;

export const PERIOD_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const periodSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(PERIOD_STATUSES),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type RosterPeriod = z.infer<typeof periodSchema>;

export const generateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('MONTH'), month }).strict(),
  z
    .object({
      kind: z.literal('ROTATION'),
      year: z.number().int().min(2000).max(2100),
      /** 1-4 for a quarter, absent for the whole year. */
      quarter: z.number().int().min(1).max(4).optional(),
    })
    .strict(),
]);
export type GenerateInput = z.infer<typeof generateSchema>;

const uncoveredSchema = z.object({
  date: z.string().optional(),
  week: z.string().optional(),
  duty: z.string(),
  missing: z.number().int(),
  reason: z.string(),
});
export const generateResultSchema = z.object({
  assignments: z.number().int(),
  uncovered: z.array(uncoveredSchema),
  optimal: z.boolean(),
  gap: z.number(),
  seconds: z.number(),
});
export const generateProgressSchema = z
  .object({ phase: z.enum(['PREPARING', 'SOLVING', 'SAVING']), seconds: z.number(), gap: z.number().nullable() })
  .nullable();
export type GenerateProgress = z.infer<typeof generateProgressSchema>;

export const moveSchema = z
  .object({
    id: z.number().int().positive(),
    staffId: id,
    /** The new day of a daily duty; the same day if absent. Assessment weeks move with `roster.swapWeeks`. */
    date: localDateSchema.optional(),
    reason: reason.default(''),
    /** Check the hard rules only: nothing is saved. */
    dryRun: z.boolean().default(false),
  })
  .strict();
/** A broken hard rule, structured so the renderer can say it in the user's language. */
export const RULES = [
  'ABSENT',
  'NOT_WORKING_DAY',
  'NEEDS_SOCIAL_WORKER',
  'NOT_ON_ROSTER',
  'TWO_DUTIES',
  'IN_ASSESSMENT_WEEK',
  'WEEKLY_MAX',
  'NO_SWEDISH_SPEAKER',
  'TWO_ASSESSORS',
  'CONSECUTIVE_WEEKS',
] as const;
export const ruleProblemSchema = z.object({
  rule: z.enum(RULES),
  name: z.string().optional(),
  date: z.string().optional(),
  week: z.string().optional(),
  duty: z.string().optional(),
  count: z.number().int().optional(),
  max: z.number().int().optional(),
});
export type RuleProblem = z.infer<typeof ruleProblemSchema>;
export const moveResultSchema = z.object({ allowed: z.boolean(), problems: z.array(ruleProblemSchema) });
export type MoveResult = z.infer<typeof moveResultSchema>;

export const lockSchema = z.object({ id: z.number().int().positive(), locked: z.boolean() }).strict();
export const swapWeeksSchema = z
  .object({ a: isoWeek, b: isoWeek, reason: reason.default('') })
  .strict()
  .refine((v) => v.a !== v.b, { message: 'pick two different weeks', path: ['b'] });
export const publishSchema = z.object({ periodId: id }).strict();

export const CHANGE_ACTIONS = ['MOVE', 'LOCK', 'UNLOCK', 'SWAP', 'REPAIR'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const rosterChangeSchema = z.object({
  id: z.number().int(),
  periodId: z.string(),
  at: z.string(),
  userName: z.string(),
  action: z.enum(CHANGE_ACTIONS),
  duty: z.string(),
  date: z.string().nullable(),
  week: z.string().nullable(),
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  toDate: z.string().nullable(),
  reason: z.string(),
});
export type RosterChange = z.infer<typeof rosterChangeSchema>;

const dutySchema = z.enum([...DAILY_DUTIES, ASSESSMENT_WEEK]);
export const repairChangeSchema = z.object({
  date: z.string().nullable(),
  week: z.string().nullable(),
  duty: dutySchema,
  fromStaffId: z.string().nullable(),
  fromName: z.string().nullable(),
  toStaffId: z.string().nullable(),
  toName: z.string().nullable(),
  /**
   * Why the duty moves (issue 21 item 11): its holder is AWAY; or it moves so that its holder is FREE to
   * take over the absent worker's duty on `date` / `week`; or the solver moved it to keep the rules
   * (BALANCE: at most so many duties a week, no two days running, fair shares).
   */
  reason: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('AWAY') }),
    z.object({ kind: z.literal('FREE'), date: z.string().nullable(), week: z.string().nullable() }),
    z.object({ kind: z.literal('BALANCE') }),
  ]),
});
export type RepairChange = z.infer<typeof repairChangeSchema>;
export const repairProposalSchema = z.object({
  absenceId: z.number().int(),
  changes: z.array(repairChangeSchema),
  uncovered: z.array(uncoveredSchema),
});
export type RepairProposal = z.infer<typeof repairProposalSchema>;
export const applyRepairSchema = z
  .object({
    absenceId: z.number().int().positive(),
    changes: z
      .array(
        z
          .object({
            date: localDateSchema.nullable(),
            week: isoWeek.nullable(),
            duty: dutySchema,
            fromStaffId: id.nullable(),
            toStaffId: id.nullable(),
          })
          .strict()
          .refine((c) => (c.date === null) !== (c.week === null), { message: 'a change is on a date or in a week' }),
      )
      .min(1, 'nothing to change')
      .max(2000),
    reason: reason.default(''),
  })
  .strict();

export const fairnessSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      fte: z.number(),
      duty: z.string(),
      count: z.number().int(),
      target: z.number(),
    }),
  ),
});
export type Fairness = z.infer<typeof fairnessSchema>;

export const overviewSchema = z.object({
  staff: z.number().int(),
  dutyAssignments: z.number().int(),
});
export type Overview = z.infer<typeof overviewSchema>;

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

export const rosterOperations = {
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
  'roster.ics': op({
    input: z
      .object({ from: localDate, to: localDate, staffId: z.string().max(64).optional(), language: languageSchema })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'must not be before from', path: ['to'] })
      .refine((v) => daysBetween(v.from, v.to) <= 400, { message: 'at most 400 days at a time', path: ['to'] }),
    output: z.object({ fileName: z.string(), ics: z.string(), events: z.number().int() }),
    access: ANY_ROLE,
  }),
} as const;
