/** The settings area's slice of the contract: the county's own settings. */
import { z } from 'zod';
import { ANY_ROLE, MANAGERS } from '../roles';
import { none, op, text } from './op';

/**
 * How the county runs the assessment week (issue 22 item 8; docs/domain.md): a rotation fair over the year
 * (the roster's ASSESSMENT_WEEK duty), or one dedicated social worker with a named deputy for absences.
 */
export const ASSESSMENT_MODELS = ['ROTATION', 'DEDICATED'] as const;
export type AssessmentModel = (typeof ASSESSMENT_MODELS)[number];

export const settingsSchema = z.object({
  countyName: text(120).min(1),
  idleLockMinutes: z.number().int().min(1).max(240),
  dueSoonWorkingDays: z.number().int().min(0).max(7),
  /** Automatic daily backups kept (the oldest beyond this are removed). */
  backupKeep: z.number().int().min(1).max(90),
  assessmentModel: z.enum(ASSESSMENT_MODELS),
  /** DEDICATED: the social worker who does every initial assessment, and the deputy while they are away. */
  assessmentWorkerId: z.string().min(1).max(64).nullable(),
  assessmentDeputyId: z.string().min(1).max(64).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsOperations = {
  'settings.get': op({ input: none, output: settingsSchema, access: ANY_ROLE }),
  'settings.update': op({ input: settingsSchema.partial().strict(), output: settingsSchema, access: MANAGERS }),
} as const;
