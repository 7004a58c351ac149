/**
 * The roster scenario and its result (docs/formats.md, `roster solve`): the scheduler's input and output,
 * validated with messages that name the field.
 */
import { z } from 'zod';
import { daysBetween } from './dates';
import { localDateSchema } from './schemas';

const localDate = localDateSchema;
const isoWeekText = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week YYYY-Www');
const id = z.string().trim().min(1, 'must not be empty').max(64);
export const ASSESSMENT_WEEK = 'ASSESSMENT_WEEK';

const range = z
  .object({ from: localDate, to: localDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'ends before it starts', path: ['to'] });

export const scenarioSchema = z
  .object({
    version: z.literal(1, { error: 'must be 1' }),
    period: range.refine((p) => daysBetween(p.from, p.to) <= 400, {
      message: 'at most 400 days at a time',
      path: ['to'],
    }),
    closureDays: z.array(localDate).max(400).default([]),
    dutyTypes: z
      .array(
        z
          .object({
            id: id.refine((v) => v !== ASSESSMENT_WEEK, 'ASSESSMENT_WEEK is the assessment week, not a daily duty'),
            perDay: z.number().int().min(0).max(50),
            requires: z.enum(['ANY', 'SOCIAL_WORKER']).default('ANY'),
          })
          .strict(),
      )
      .max(20),
    assessmentWeek: z.boolean().default(false),
    rules: z
      .object({
        swedishOnReceptionDaily: z.boolean().default(false),
        noConsecutiveAssessmentWeeks: z.boolean().default(false),
      })
      .strict()
      .default({ swedishOnReceptionDaily: false, noConsecutiveAssessmentWeeks: false }),
    workers: z
      .array(
        z
          .object({
            id,
            name: z.string().max(200).default(''),
            role: z.enum(['SOCIAL_WORKER', 'COUNSELLOR']),
            fte: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
            languages: z.array(z.string().min(2).max(8)).max(10).default([]),
            maxDutiesPerWeek: z.number().int().min(0).max(7).default(5),
            absences: z.array(range).max(500).default([]),
            wishesOff: z.array(localDate).max(500).default([]),
            history: z.record(z.string(), z.number().int().min(0).max(100_000)).default({}),
          })
          .strict(),
      )
      .max(500),
    locks: z
      .array(
        z
          .object({ date: localDate.optional(), week: isoWeekText.optional(), duty: id, workerId: id })
          .strict()
          .refine((l) => (l.date === undefined) !== (l.week === undefined), 'give either date or week'),
      )
      .max(10_000)
      .default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const duties = new Set(s.dutyTypes.map((d) => d.id));
    s.dutyTypes.forEach((d, i) => {
      if (s.dutyTypes.findIndex((x) => x.id === d.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['dutyTypes', i, 'id'], message: `duty type ${d.id} appears twice` });
    });
    const workers = new Set<string>();
    s.workers.forEach((w, i) => {
      if (workers.has(w.id))
        ctx.addIssue({ code: 'custom', path: ['workers', i, 'id'], message: `worker id ${w.id} appears twice` });
      workers.add(w.id);
      for (const key of Object.keys(w.history))
        if (!duties.has(key) && key !== ASSESSMENT_WEEK)
          ctx.addIssue({ code: 'custom', path: ['workers', i, 'history', key], message: `unknown duty type ${key}` });
    });
    s.locks.forEach((l, i) => {
      if (!duties.has(l.duty) && !(l.duty === ASSESSMENT_WEEK && s.assessmentWeek))
        ctx.addIssue({ code: 'custom', path: ['locks', i, 'duty'], message: `unknown duty type ${l.duty}` });
      if (!workers.has(l.workerId))
        ctx.addIssue({ code: 'custom', path: ['locks', i, 'workerId'], message: `unknown worker ${l.workerId}` });
      if ((l.duty === ASSESSMENT_WEEK) !== (l.week !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['locks', i],
          message: 'the assessment week is locked by week, daily duties by date',
        });
    });
  });
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface DayAssignment {
  date: string;
  duty: string;
  workerId: string;
}
export interface WeekAssignment {
  week: string;
  duty: typeof ASSESSMENT_WEEK;
  workerId: string;
}
export type Uncovered =
  | { date: string; duty: string; missing: number; reason: string }
  | { week: string; duty: typeof ASSESSMENT_WEEK; missing: number; reason: string };

export interface RosterResult {
  assignments: (DayAssignment | WeekAssignment)[];
  uncovered: Uncovered[];
  softViolations: { rule: string; workerId: string; date?: string; week?: string }[];
  stats: { objective: number; optimal: boolean; gap: number; seconds: number; status: string };
}

/** Zod issues as one line a county admin can act on: `workers.3.fte: must be at most 1; ...`. */
export function scenarioErrors(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join('.') || 'scenario'}: ${i.message}`)
    .join('; ');
}
