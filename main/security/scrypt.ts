import { scrypt, type ScryptOptions } from 'node:crypto';

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB). */
export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

export function scryptAsync(secret: string | Buffer, salt: Buffer, params: ScryptParams, length = 32): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(typeof secret === 'string' ? secret.normalize('NFC') : secret, salt, length, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}
