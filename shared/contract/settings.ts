/** The settings area's slice of the contract: the county's own settings. */
import { z } from 'zod';
import { ANY_ROLE, MANAGERS } from '../roles';
import { none, op, text } from './op';

export const settingsSchema = z.object({
  countyName: text(120).min(1),
  idleLockMinutes: z.number().int().min(1).max(240),
  dueSoonWorkingDays: z.number().int().min(0).max(7),
  /** Automatic daily backups kept (the oldest beyond this are removed). */
  backupKeep: z.number().int().min(1).max(90),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsOperations = {
  'settings.get': op({ input: none, output: settingsSchema, access: ANY_ROLE }),
  'settings.update': op({ input: settingsSchema.partial().strict(), output: settingsSchema, access: MANAGERS }),
} as const;
