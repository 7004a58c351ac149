/** The session area's slice of the contract: the app's phase, first run, unlocking, signing in and out. */
import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../passphrase';
import { ANY_ROLE, MANAGERS, ROLES } from '../roles';
import { languageSchema } from '../schemas';
import { none, op, text } from './op';
import { changePasswordSchema } from './team';

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dot, dash or underscore');
const password = z.string().min(10, 'at least 10 characters').max(256);
const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `at least ${MIN_PASSPHRASE_LENGTH} characters`).max(512);

export const roleSchema = z.enum(ROLES);

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
  /** When this user signed in before the current sign-in (null the first time): "new since my last visit". */
  previousSignInAt: z.string().nullable(),
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

const newLead = z
  .object({
    displayName: text(120).min(1, 'required'),
    username,
    password,
  })
  .strict();

/** A session signed in through the county server, as the team lead's list shows it (issue 20 item 2). */
export const serverSessionSchema = z.object({
  /** The session's key in the store (its token's SHA-256: it lets nobody in). */
  id: z.string(),
  displayName: z.string(),
  username: z.string(),
  role: roleSchema,
  since: z.string(),
  lastActivity: z.string(),
  /** The session the list was asked from. */
  current: z.boolean(),
});
export type ServerSession = z.infer<typeof serverSessionSchema>;

/** A county server's address as a workstation is given it (issue 20 item 4): https only. */
const serverUrl = z
  .string()
  .trim()
  .max(300)
  .url('must be an address such as https://luukku.county.fi')
  .refine((u) => u.startsWith('https://'), 'must start with https://');

export const sessionOperations = {
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
  /** The desktop app's first start on a county server: the certificate the server presents, to confirm. */
  'setup.probeServer': op({
    input: z.object({ url: serverUrl }).strict(),
    output: z.object({ url: z.string(), fingerprint: z.string() }),
    access: 'public',
  }),
  /** The fingerprint confirmed: the app keeps no store of its own and starts again as the server's client. */
  'setup.useServer': op({
    input: z.object({ url: serverUrl, fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) }).strict(),
    output: z.null(),
    access: 'public',
  }),
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
  'sessions.list': op({ input: none, output: z.array(serverSessionSchema), access: MANAGERS }),
  'sessions.end': op({
    input: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'not a session') }).strict(),
    output: z.array(serverSessionSchema),
    access: MANAGERS,
  }),
  'ui.setLanguage': op({ input: z.object({ language: languageSchema }).strict(), output: z.null(), access: 'public' }),
} as const;
