/**
 * The store key: 32 random bytes, never stored in the clear. It is kept wrapped next to the store
 * (`<store>.keys`): by the recovery passphrase (scrypt KEK + AES-256-GCM), and on the workstation also by
 * the OS keychain through Electron safeStorage (architecture.md, "Key management").
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { z } from 'zod';
import { LuukkuError } from '../../shared/errors';
import { OWASP_SCRYPT, scryptAsync } from './scrypt';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const passphraseWrapSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: b64,
  iv: b64,
  tag: b64,
  wrappedKey: b64,
});

const keychainWrapSchema = z.object({ backend: z.string(), wrappedKey: b64 });

export const keyFileSchema = z.object({
  format: z.literal('luukku-keys'),
  version: z.literal(1),
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

function aad(storeId: string): Buffer {
  return Buffer.from(`luukku-store-key:v1:${storeId}`, 'utf8');
}

export async function wrapWithPassphrase(
  key: Buffer,
  passphrase: string,
  storeId: string,
): Promise<KeyFile['passphrase']> {
  const salt = randomBytes(16);
  const kek = await scryptAsync(passphrase, salt, OWASP_SCRYPT);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(storeId));
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
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
  decipher.setAAD(aad(file.storeId));
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
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

export async function newKeyFile(passphrase: string): Promise<{ key: Buffer; file: KeyFile }> {
  const key = randomBytes(32);
  const storeId = randomUUID();
  const file: KeyFile = {
    format: 'luukku-keys',
    version: 1,
    storeId,
    cipher: 'chacha20',
    createdAt: new Date().toISOString(),
    passphrase: await wrapWithPassphrase(key, passphrase, storeId),
  };
  return { key, file };
}

export function withKeychain(file: KeyFile, key: Buffer, keychain: KeychainProtector): KeyFile {
  return { ...file, keychain: { backend: keychain.backend, wrappedKey: keychain.encrypt(key).toString('base64') } };
}
