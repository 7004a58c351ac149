/** The backups area's slice of the contract: the store's backups and restoring one. */
import { z } from 'zod';
import { MANAGERS } from '../roles';
import { none, op } from './op';
import { statusSchema } from './session';

const backupSchema = z.object({
  name: z.string(),
  at: z.string(),
  bytes: z.number().int(),
  cases: z.number().int().nullable(),
  auditEntries: z.number().int().nullable(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupsOperations = {
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
} as const;
