/**
 * Which county server a workstation's desktop app uses (issue 20 item 4): `county-server.json` in the app's
 * data folder, as county IT deploys it to the team's workstations. Without the file the app keeps its own
 * encrypted store ("this workstation only"). The file holds an address and a certificate, never client data.
 *
 *   { "url": "https://luukku.county.fi:8443", "certificate": "-----BEGIN CERTIFICATE-----…" }   pinned
 *   { "url": "https://luukku.county.fi:8443", "caFile": "/etc/luukku/county-ca.pem" }          county CA
 *
 * With `fingerprint` beside a pinned certificate, the file is refused unless they agree: the fingerprint is
 * what county IT reads out to the users, the certificate what the app checks.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { LuukkuError } from '../../shared/errors';
import { fingerprintOf, type ServerTrust } from './countyServerClient';

const configSchema = z
  .object({
    url: z
      .string()
      .url()
      .refine((u) => new URL(u).protocol === 'https:', 'must be an https:// address'),
    certificate: z.string().includes('BEGIN CERTIFICATE').optional(),
    fingerprint: z.string().optional(),
    caFile: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => !!c.certificate !== !!c.caFile, 'give either the pinned certificate or the county CA file');

export interface CountyServerChoice {
  url: string;
  trust: ServerTrust;
}

/** The county server this workstation uses, or null for its own store; a file that cannot be used is an error. */
export function readCountyServerConfig(path: string): CountyServerChoice | null {
  if (!existsSync(path)) return null;
  const refuse = (why: string) =>
    new LuukkuError('INVALID_INPUT', `The county server settings in ${path} cannot be used: ${why}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw refuse('it is not JSON');
  }
  const config = configSchema.safeParse(parsed);
  if (!config.success)
    throw refuse(config.error.issues.map((i) => `${i.path.join('.') || 'file'} ${i.message}`).join('; '));
  const { url, certificate, fingerprint, caFile } = config.data;
  const origin = new URL(url).origin;
  if (certificate) {
    let actual: string;
    try {
      actual = fingerprintOf(certificate);
    } catch {
      throw refuse('the certificate cannot be read');
    }
    if (fingerprint && fingerprint.toUpperCase() !== actual) throw refuse(`the certificate's fingerprint is ${actual}`);
    return { url: origin, trust: { kind: 'PINNED', certificate } };
  }
  if (!existsSync(caFile!)) throw refuse(`the county CA file ${caFile} is missing`);
  return { url: origin, trust: { kind: 'CA', ca: readFileSync(caFile!, 'utf8') } };
}

/** Writes the choice made at the first start: the server and its certificate, pinned (whole or not at all). */
export function writeCountyServerConfig(path: string, config: { url: string; certificate: string }): void {
  const text = JSON.stringify({ ...config, fingerprint: fingerprintOf(config.certificate) }, null, 2);
  writeFileSync(`${path}.tmp`, `${text}\n`, { mode: 0o644 });
  renameSync(`${path}.tmp`, path);
}
