import { randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '../../shared/errors';
import { isAcceptablePassword, WEAK_PASSWORD_REASON } from '../../shared/strength';
import { OWASP_SCRYPT, scryptAsync, type ScryptParams } from './scrypt';

/** `scrypt$N$r$p$salt$hash`, parameters kept with the hash so they can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash with no matching password, compared against for unknown users so timing reveals nothing. */
export const DUMMY_HASH_PROMISE = (): Promise<string> => hashPassword(randomBytes(16).toString('hex'));

/**
 * Every password a person chooses or is given (a new account, a reset, their own change) must be hard to
 * guess (shared/strength.ts); the account's own names count against it. Refused with the field named.
 */
export function requireGoodPassword(field: string, password: string, related: readonly string[]): void {
  if (!isAcceptablePassword(password, related)) throw invalidInput(`${field}: ${WEAK_PASSWORD_REASON}`);
}
