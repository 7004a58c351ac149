import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync } from 'node:fs';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { LuukkuError } from '../../shared/errors';
import { ANCHOR_SUFFIX } from './auditAnchor';
import { AnchorKeeper } from './auditKeeper';
import type { HeadWitness } from './auditWitness';
import { LATEST_VERSION, migrations } from './migrations';
import { ddlFor } from './migrations/ddl';
import { fold } from '../../shared/fold';
import { nativeBinding } from './native';
import type { PostgresStore } from './postgres';
import type { Database as Schema } from './schema';

export type SqliteHandle = Database.Database;

/** The encrypted SQLite file: the embedded store of one workstation, a trial or a small county's server. */
export interface SqliteStore {
  engine: 'sqlite';
  path: string;
  /** Where the store is, for people and logs. */
  location: string;
  db: Kysely<Schema>;
  /** The raw handle, for pragmas and checkpoints only; queries go through kysely. */
  sqlite: SqliteHandle;
  close(): Promise<void>;
}

/** A store on either engine (issue 19); code about the file itself narrows on `engine`. */
export type Store = SqliteStore | PostgresStore;

/** The files that belong to a store at `path` besides `path` itself; its key file (`.keys`) is apart. */
export const STORE_SIDECARS = ['-wal', '-shm', '-journal', ANCHOR_SUFFIX] as const;

/** Removes a store and every file that belongs to it, except its key file. */
export function removeStoreFiles(path: string): void {
  for (const suffix of ['', ...STORE_SIDECARS]) rmSync(`${path}${suffix}`, { force: true });
}

/** SQLite3MultipleCiphers' ChaCha20-Poly1305: authenticated, so a flipped byte is detected, never read. */
export const STORE_CIPHER = 'chacha20';

function keyPragma(key: Buffer): string {
  if (key.length !== 32) throw new Error('The store key must be 32 bytes');
  // x'..' passes the random key as raw key material, bypassing the passphrase KDF.
  return `key="x'${key.toString('hex')}'"`;
}

/**
 * Open a store: cipher, key, a verifying read, then the pragmas (docs/architecture.md). A wrong key or a
 * damaged file fails before anything is written; the caller's files stay byte-identical.
 */
export function openSqlite(path: string, key: Buffer, mode: 'create' | 'existing'): SqliteHandle {
  if (mode === 'create' && existsSync(path)) {
    throw new LuukkuError('STORE_EXISTS', `A file already exists at ${path}; refusing to overwrite it.`);
  }
  if (mode === 'existing' && !existsSync(path)) {
    throw new LuukkuError('STORE_MISSING', `No store at ${path}.`);
  }
  const binding = nativeBinding();
  const sqlite = new Database(path, {
    fileMustExist: mode === 'existing',
    ...(binding ? { nativeBinding: binding } : {}),
  });
  try {
    sqlite.pragma(`cipher='${STORE_CIPHER}'`);
    sqlite.pragma(keyPragma(key));
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new LuukkuError(
        'STORE_CORRUPT',
        `The store at ${path} cannot be read with this key: the key file does not belong to it, or the file is damaged.`,
      );
    }
    throw error;
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerFunctions(sqlite);
  // 64 MiB of page cache (default 2 MiB): every cache miss is a read plus a decryption. Decrypted pages
  // stay in memory only, never on disk.
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

/** The one folding of text for search (fold.ts), which PostgreSQL has as a schema function of the same name. */
export function registerFunctions(sqlite: SqliteHandle): void {
  sqlite.function('luukku_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? fold(text) : text,
  );
}

export function kyselyFor(sqlite: SqliteHandle): Kysely<Schema> {
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function schemaVersion(sqlite: SqliteHandle): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Runs every migration newer than the store, each in its own transaction with its version bump. */
export async function migrate(db: Kysely<Schema>, sqlite: SqliteHandle): Promise<void> {
  const current = schemaVersion(sqlite);
  if (current > LATEST_VERSION) {
    throw new LuukkuError(
      'STORE_TOO_NEW',
      `This store was written by a newer Luukku (schema ${current}; this version knows ${LATEST_VERSION}). Update Luukku; the store was not changed.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx, ddlFor('sqlite'));
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
  }
}

/** Closing the last connection checkpoints and removes the WAL; kysely only closes handles it used. */
export async function closeAll(db: Kysely<Schema>, sqlite: SqliteHandle): Promise<void> {
  await db.destroy();
  if (sqlite.open) sqlite.close();
}

export interface OpenOptions {
  /** The last-seen head of the audit log outside the store folder (auditWitness.ts), kept up to date. */
  witness?: HeadWitness | undefined;
}

export async function openStore(
  path: string,
  key: Buffer,
  mode: 'create' | 'existing',
  options: OpenOptions = {},
): Promise<SqliteStore> {
  const sqlite = openSqlite(path, key, mode);
  const db = kyselyFor(sqlite);
  try {
    await migrate(db, sqlite);
  } catch (error) {
    await closeAll(db, sqlite);
    throw error;
  }
  const anchor = new AnchorKeeper(sqlite, path, key, options.witness);
  anchor.start();
  return {
    engine: 'sqlite',
    path,
    location: path,
    db,
    sqlite,
    close: async () => {
      anchor.stop();
      await closeAll(db, sqlite);
    },
  };
}
