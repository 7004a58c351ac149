import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateDemo } from '../../main/demo/generator';
import { createStoreFiles } from '../../main/store/storeFiles';
import { seedCounty } from '../../main/store/seedCounty';
import { DEFAULT_SETTINGS, writeSettings } from '../../main/areas/settings/queries';
import { storeTransactor } from '../../main/store/unitOfWork';

export const PASSPHRASE = 'kuusi kettua juoksee Porvoossa 7';
export const DEMO_PASSWORD = 'luukku-demo';

export function tempDir(prefix = 'luukku-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createEmptyStore(path: string) {
  return createStoreFiles(path, PASSPHRASE, {}, async (s) => {
    await s.db.transaction().execute(async (trx) => {
      await writeSettings(trx, DEFAULT_SETTINGS);
      await seedCounty(trx);
    });
  });
}

export async function createDemoStore(path: string, cases = 200, today = '2026-11-23') {
  let summary: Awaited<ReturnType<typeof generateDemo>> | undefined;
  const created = await createStoreFiles(path, PASSPHRASE, {}, async (s) => {
    summary = await generateDemo(storeTransactor(s), { seed: 7, cases, today, password: DEMO_PASSWORD });
  });
  return { ...created, summary: summary! };
}

/** Path -> sha256 of every file in a directory and its subfolders: to show that an operation changed nothing. */
export function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path.slice(dir.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')]),
  );
}
