import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateDemo } from '../../main/demo/generator';
import { createStoreFiles, openWithPassphrase } from '../../main/store/storeFiles';
import { seedCounty } from '../../main/store/seedCounty';
import { DEFAULT_SETTINGS, writeSettings } from '../../main/areas/settings/queries';
import { storeTransactor } from '../../main/store/unitOfWork';
import { openPostgresStore } from '../../main/store/postgres';
import type { Store } from '../../main/store/open';
import { countRows, storeDigest } from './queries';
import type { CoreOptions } from '../../main/app/core';
import { dropDatabase, freshDatabase, onPostgres } from './engine';

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

/**
 * A county on this run's engine (helpers/engine.ts): an encrypted store file in `dir` (unlocked with
 * PASSPHRASE), or a database of its own on the test cluster. With `demo`, filled by the demo generator;
 * without, an empty county (settings and the county's structure, as `luukku init` makes it).
 */
export async function createTestCounty(dir: string, demo?: { cases: number; today?: string }) {
  const today = demo?.today ?? '2026-11-23';
  const fill = async (s: Store) => {
    if (demo) return generateDemo(storeTransactor(s), { seed: 7, cases: demo.cases, today, password: DEMO_PASSWORD });
    await storeTransactor(s).unitOfWork(async (uow) => {
      await writeSettings(uow.trx, DEFAULT_SETTINGS);
      await seedCounty(uow.trx);
    });
    return undefined;
  };
  if (!onPostgres) {
    // In a folder of its own, so that a snapshot of the store's files is of nothing else.
    const folder = join(dir, 'store');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'luukku.db');
    let summary: DemoSummary | undefined;
    const created = await createStoreFiles(path, PASSPHRASE, {}, async (s) => {
      summary = await fill(s);
    });
    await created.store.close();
    return {
      options: { storePath: path } as CountyStoreOptions,
      summary,
      locked: true,
      /** The CLI's options that name this store. */
      storeArgs: ['--db', path],
      open: async (): Promise<Store> => (await openWithPassphrase(path, PASSPHRASE)).store,
      /** What must stay the same when an operation changes nothing: every file of the store, byte for byte. */
      snapshot: async () => JSON.stringify(snapshotDir(folder)),
      dispose: async () => {},
    };
  }
  const database = await freshDatabase();
  const store = await openPostgresStore(database.url, { schema: 'check' });
  let summary: DemoSummary | undefined;
  try {
    summary = await fill(store);
  } finally {
    await store.close();
  }
  const open = () => openPostgresStore(database.url, { schema: 'check' });
  return {
    options: { storePath: database.name, database: database.url, databaseSchema: 'check' } as CountyStoreOptions,
    summary,
    locked: false,
    storeArgs: ['--database', database.url],
    open,
    /** Every row of every table, and the audit log's length. */
    snapshot: async () => {
      const s = await open();
      try {
        return `${await storeDigest(s.db)} ${await countRows(s.db, 'audit_log')}`;
      } finally {
        await s.close();
      }
    },
    dispose: () => dropDatabase(database.name),
  };
}

type DemoSummary = Awaited<ReturnType<typeof generateDemo>>;
type CountyStoreOptions = Pick<CoreOptions, 'storePath' | 'database' | 'databaseSchema'>;

/** A demo county on this run's engine, ready for a Core (createTestCounty). */
export async function createDemoCounty(dir: string, cases: number, today = '2026-11-23') {
  const county = await createTestCounty(dir, { cases, today });
  return { ...county, summary: county.summary! };
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
