/**
 * The benchmark's two stores, built from the same demo seed: the real encrypted one, and a plaintext
 * baseline (synthetic data only, in a temp dir, deleted afterwards) for the encryption-overhead ratio.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { generateDemo } from '../../main/demo/generator';
import { createStoreFiles, openWithPassphrase } from '../../main/store/storeFiles';
import { kyselyFor, migrate, openSqlite, type SqliteHandle } from '../../main/store/open';
import type { Database as Schema } from '../../main/store/schema';
import { storeTransactor } from '../../main/store/unitOfWork';

export const BENCH_PASSPHRASE = 'bench passphrase with four words';
export const BENCH_TODAY = '2026-11-23';

export interface BenchStore {
  db: Kysely<Schema>;
  sqlite: SqliteHandle;
  close(): Promise<void>;
}

export async function buildEncrypted(path: string, cases: number): Promise<void> {
  const { store } = await createStoreFiles(path, BENCH_PASSPHRASE, {}, async (s) => {
    await generateDemo(storeTransactor(s), { seed: 1, cases, today: BENCH_TODAY, password: 'bench-password' });
  });
  await store.close();
}

export async function buildPlain(path: string, cases: number): Promise<void> {
  const store = openPlain(path);
  await migrate(store.db, store.sqlite);
  await generateDemo(storeTransactor(store), { seed: 1, cases, today: BENCH_TODAY, password: 'bench-password' });
  await store.close();
}

/** Same pragmas as the real open sequence, without the cipher. */
export function openPlain(path: string): BenchStore {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -65536');
  const db = kyselyFor(sqlite);
  return { db, sqlite, close: () => db.destroy() };
}

export async function openEncrypted(path: string, key?: Buffer): Promise<BenchStore & { key: Buffer }> {
  if (key) {
    const sqlite = openSqlite(path, key, 'existing');
    const db = kyselyFor(sqlite);
    return { db, sqlite, key, close: () => db.destroy() };
  }
  const { store, key: unwrapped } = await openWithPassphrase(path, BENCH_PASSPHRASE);
  return { db: store.db, sqlite: store.sqlite, key: unwrapped, close: () => store.close() };
}
