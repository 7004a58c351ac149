/**
 * The benchmark's two stores, built from the same demo seed: the real encrypted one, and a plaintext
 * baseline (synthetic data only, in a temp dir, deleted afterwards) for the encryption-overhead ratio.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../main/store/postgres';
import type { Cluster } from '../helpers/postgresCluster';
import { generateDemo } from '../../main/demo/generator';
import { createStoreFiles, openWithPassphrase } from '../../main/store/storeFiles';
import { kyselyFor, migrate, openSqlite, registerFunctions, type SqliteHandle } from '../../main/store/open';
import type { Database as Schema } from '../../main/store/schema';
import { storeTransactor } from '../../main/store/unitOfWork';

export const BENCH_PASSPHRASE = 'bench passphrase with four words';
export const BENCH_TODAY = '2026-11-23';

export interface BenchStore {
  engine: 'sqlite';
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

/** The same demo seed on PostgreSQL, in a database of its own on `cluster` (npm run bench -- --engine postgres). */
export async function buildPostgres(cluster: Cluster, cases: number): Promise<PostgresStore> {
  const name = `bench_${cases}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const store = await openPostgresStore(cluster.urlOf(name), { schema: 'migrate' });
  await generateDemo(storeTransactor(store), { seed: 1, cases, today: BENCH_TODAY, password: 'bench-password' });
  // Fresh statistics for the planner and a set visibility map (index-only scans), as autovacuum keeps them
  // on a live database; a table just bulk-loaded has neither.
  await sql`VACUUM ANALYZE`.execute(store.db);
  return store;
}

/** Same pragmas as the real open sequence, without the cipher. */
export function openPlain(path: string): BenchStore {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -65536');
  registerFunctions(sqlite);
  const db = kyselyFor(sqlite);
  return { engine: 'sqlite', db, sqlite, close: () => db.destroy() };
}

export async function openEncrypted(path: string, key?: Buffer): Promise<BenchStore & { key: Buffer }> {
  if (key) {
    const sqlite = openSqlite(path, key, 'existing');
    const db = kyselyFor(sqlite);
    return { engine: 'sqlite', db, sqlite, key, close: () => db.destroy() };
  }
  const { store, key: unwrapped } = await openWithPassphrase(path, BENCH_PASSPHRASE);
  return { engine: 'sqlite', db: store.db, sqlite: store.sqlite, key: unwrapped, close: () => store.close() };
}
