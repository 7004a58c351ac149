import { scrypt, type ScryptOptions } from 'node:crypto';

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB). */
export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };
/**
 * For the demo accounts only, whose one password is published with the demo (synthetic data): N=2^14
 * (16 MiB), so that demos, trials and the test suite sign in in 60 ms instead of 800 ms on a 2-core
 * machine. Every password a person sets is hashed with OWASP_SCRYPT.
 */
export const DEMO_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

export function scryptAsync(secret: string | Buffer, salt: Buffer, params: ScryptParams, length = 32): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(typeof secret === 'string' ? secret.normalize('NFC') : secret, salt, length, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}
