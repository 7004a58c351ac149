/**
 * The store key: 32 random bytes, never stored in the clear. It is kept wrapped next to the store
 * (`<store>.keys`): by the recovery passphrase (scrypt KEK + AES-256-GCM), and on the workstation also by
 * the OS keychain through Electron safeStorage (docs/architecture.md, "Key management").
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../store/atomicFile';
import { z } from 'zod';
import { LuukkuError } from '../../shared/errors';
import { OWASP_SCRYPT, scryptAsync } from './scrypt';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** Base64 of exactly `bytes` bytes: a GCM tag cut short would weaken its check (NIST SP 800-38D wants 128 bits). */
const b64Bytes = (bytes: number) =>
  b64.refine((v) => Buffer.from(v, 'base64').length === bytes, `must be ${bytes} bytes`);

/** Bounded, so that a tampered key file cannot make scrypt take all memory or forever (2^20 x 8 = 1 GiB). */
const passphraseWrapSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  salt: b64Bytes(16),
  iv: b64Bytes(12),
  tag: b64Bytes(16),
  wrappedKey: b64Bytes(32),
});

const keychainWrapSchema = z.object({ backend: z.string(), wrappedKey: b64 });

export const keyFileSchema = z.object({
  format: z.literal('luukku-keys'),
  /** 2 authenticates the scrypt parameters and the cipher with the wrapped key; 1 only the store id. */
  version: z.union([z.literal(1), z.literal(2)]),
  storeId: z.string().uuid(),
  cipher: z.string(),
  createdAt: z.string(),
  passphrase: passphraseWrapSchema,
  keychain: keychainWrapSchema.optional(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

/** The OS keychain, as Electron safeStorage offers it. Absent under plain Node (CLI, tests). */
export interface KeychainProtector {
  backend: string;
  encrypt(plain: Buffer): Buffer;
  decrypt(wrapped: Buffer): Buffer;
}

export const keyFilePath = (storePath: string): string => `${storePath}.keys`;

const KEY_FILE_VERSION = 2;

/**
 * What the GCM tag authenticates besides the wrapped key. From version 2 also the scrypt parameters and the
 * cipher, so that a key file edited to use other parameters (or to name another cipher) fails to unwrap.
 */
function aad(file: Pick<KeyFile, 'version' | 'storeId' | 'cipher'>, w: { N: number; r: number; p: number }): Buffer {
  const text =
    file.version === 1
      ? `luukku-store-key:v1:${file.storeId}`
      : `luukku-store-key:v2:${file.storeId}:${file.cipher}:scrypt:${w.N}:${w.r}:${w.p}`;
  return Buffer.from(text, 'utf8');
}

export async function wrapWithPassphrase(
  key: Buffer,
  passphrase: string,
  file: Pick<KeyFile, 'storeId' | 'cipher'>,
): Promise<KeyFile['passphrase']> {
  const salt = randomBytes(16);
  const kek = await scryptAsync(passphrase, salt, OWASP_SCRYPT);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: 16 });
  cipher.setAAD(aad({ ...file, version: KEY_FILE_VERSION }, OWASP_SCRYPT));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...OWASP_SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  };
}

export async function unwrapWithPassphrase(file: KeyFile, passphrase: string): Promise<Buffer> {
  const w = file.passphrase;
  const kek = await scryptAsync(passphrase, Buffer.from(w.salt, 'base64'), { N: w.N, r: w.r, p: w.p });
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'), { authTagLength: 16 });
  decipher.setAAD(aad(file, w));
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(w.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    throw new LuukkuError('WRONG_PASSPHRASE', 'Wrong recovery passphrase. Nothing was changed.');
  }
}

export function unwrapWithKeychain(file: KeyFile, keychain: KeychainProtector): Buffer | null {
  if (!file.keychain || file.keychain.backend !== keychain.backend) return null;
  try {
    const key = keychain.decrypt(Buffer.from(file.keychain.wrappedKey, 'base64'));
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

export function readKeyFile(storePath: string): KeyFile {
  const path = keyFilePath(storePath);
  if (!existsSync(path)) {
    throw new LuukkuError(
      'KEY_MISSING',
      `The key file ${path} is missing. Without it the store cannot be opened: restore the key file or a backup (with its .keys file).`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new LuukkuError('KEY_MISSING', `The key file ${path} is not readable JSON.`);
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) throw new LuukkuError('KEY_MISSING', `The key file ${path} is not a Luukku key file.`);
  return result.data;
}

/** Atomic write: a crash never leaves a half-written key file (the store would be lost with it). */
export function writeKeyFile(path: string, file: KeyFile, { overwrite }: { overwrite: boolean }): void {
  if (!overwrite && existsSync(path)) {
    throw new LuukkuError('STORE_EXISTS', `A key file already exists at ${path}; refusing to overwrite it.`);
  }
  writeFileAtomically(path, JSON.stringify(file, null, 2));
}

export async function newKeyFile(passphrase: string): Promise<{ key: Buffer; file: KeyFile }> {
  const key = randomBytes(32);
  const storeId = randomUUID();
  const cipher = 'chacha20';
  const file: KeyFile = {
    format: 'luukku-keys',
    version: KEY_FILE_VERSION,
    storeId,
    cipher,
    createdAt: new Date().toISOString(),
    passphrase: await wrapWithPassphrase(key, passphrase, { storeId, cipher }),
  };
  return { key, file };
}

export function withKeychain(file: KeyFile, key: Buffer, keychain: KeychainProtector): KeyFile {
  return { ...file, keychain: { backend: keychain.backend, wrappedKey: keychain.encrypt(key).toString('base64') } };
}
