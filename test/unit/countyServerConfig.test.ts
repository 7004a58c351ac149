/**
 * The county server settings a workstation's desktop app starts from (main/client/countyServerConfig.ts):
 * none means the workstation's own store; a pinned certificate or the county CA file means county mode; a
 * file that cannot be used is refused with what is wrong in it, never taken as "no server".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/client/countyServerClient';
import { readCountyServerConfig } from '../../main/client/countyServerConfig';

const dir = mkdtempSync(join(tmpdir(), 'luukku-county-config-'));
const file = join(dir, 'county-server.json');
let certificate = '';
beforeAll(async () => {
  certificate = (await generate([{ name: 'commonName', value: 'luukku.county.fi' }], { keySize: 2048 })).cert;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (config: unknown) => writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));

describe('the county server settings', () => {
  it('are absent: the workstation keeps its own store', () => {
    expect(readCountyServerConfig(join(dir, 'missing.json'))).toBeNull();
  });

  it('pin the certificate county IT deployed, checked against the fingerprint it reads out', () => {
    write({ url: 'https://luukku.county.fi:8443/', certificate, fingerprint: fingerprintOf(certificate) });
    expect(readCountyServerConfig(file)).toEqual({
      url: 'https://luukku.county.fi:8443',
      trust: { kind: 'PINNED', certificate },
    });
    write({ url: 'https://luukku.county.fi', certificate, fingerprint: 'AA:BB' });
    expect(() => readCountyServerConfig(file)).toThrow(/fingerprint is [0-9A-F:]{95}/);
  });

  it('name the county CA file instead', () => {
    writeFileSync(join(dir, 'ca.pem'), certificate);
    write({ url: 'https://luukku.county.fi', caFile: join(dir, 'ca.pem') });
    expect(readCountyServerConfig(file)).toEqual({
      url: 'https://luukku.county.fi',
      trust: { kind: 'CA', ca: certificate },
    });
    write({ url: 'https://luukku.county.fi', caFile: join(dir, 'nowhere.pem') });
    expect(() => readCountyServerConfig(file)).toThrow(/county CA file .*nowhere\.pem is missing/);
  });

  it('refuse what cannot be used, saying what', () => {
    write('{ not json');
    expect(() => readCountyServerConfig(file)).toThrow(/not JSON/);
    write({ url: 'http://luukku.county.fi', certificate });
    expect(() => readCountyServerConfig(file)).toThrow(/https:\/\//);
    write({ url: 'https://luukku.county.fi' });
    expect(() => readCountyServerConfig(file)).toThrow(/either the pinned certificate or the county CA file/);
    write({ url: 'https://luukku.county.fi', certificate: '-----BEGIN CERTIFICATE-----\nnonsense\n' });
    expect(() => readCountyServerConfig(file)).toThrow(/cannot be read/);
  });
});
