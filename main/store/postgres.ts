/**
 * The PostgreSQL engine (issue 19): the county's shared store on the server county IT already runs. The same
 * kysely queries as on SQLite; what differs is here: the pool and how it reads numbers, the schema version
 * table and the migration lock, and the write lock every unit of work takes (unitOfWork.ts).
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { LuukkuError } from '../../shared/errors';
import { LATEST_VERSION, migrations } from './migrations';
import { ddlFor } from './migrations/ddl';
import type { Database as Schema } from './schema';
import { DatabaseAnchorKeeper, type AnchorKey } from './databaseAnchor';

export interface PostgresStore {
  engine: 'postgres';
  /** The database URL the store was opened with (it may hold a password: never show it, see `location`). */
  url: string;
  /** Where the store is, for people and logs: the URL without its password. */
  location: string;
  db: Kysely<Schema>;
  pool: pg.Pool;
  /** Keeps the audit log's anchor outside the database (databaseAnchor.ts); null without an anchor key. */
  anchor: DatabaseAnchorKeeper | null;
  close(): Promise<void>;
}

/** Advisory lock keys, one per purpose, the same in every Luukku instance on the database. */
export const LOCKS = {
  /** Held (session-level) while a migration run checks and raises the schema version. */
  migrate: 0x4c75756b01,
  /** Taken (transaction-level) by every unit of work: PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE. */
  write: 0x4c75756b02,
} as const;

/** count(*) is int8 and sum() numeric, which node-postgres returns as strings; Luukku's counts fit a double. */
const AS_NUMBER = new Set([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_NUMBER.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

/** The URL with its password masked, for messages and the status line. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/** The same server and role, another database (a backup's scratch check, the tests' databases). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function isDatabaseUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'luukku' });
  // A client whose server went away (a restart, a failover) must not crash the process: an idle one's error
  // reaches the pool, which drops it; a checked-out one's is emitted on the client itself, where an unheard
  // 'error' event would end the process, so each client gets a listener. The query under way still fails
  // (storageErrors.ts: "nothing was saved"), the broken client is not reused, and the next call connects again.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** The schema version of a database, 0 when Luukku has never migrated it. */
export async function postgresSchemaVersion(db: Kysely<Schema>): Promise<number> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('luukku_schema')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM luukku_schema`.execute(db);
  return row.rows[0]?.v ?? 0;
}

function tooNew(current: number): LuukkuError {
  return new LuukkuError(
    'STORE_TOO_NEW',
    `This database was written by a newer Luukku (schema ${current}; this version knows ${LATEST_VERSION}). Update Luukku; the database was not changed.`,
  );
}

/**
 * Runs every migration newer than the database, each in its own transaction with its version, under a
 * session-level advisory lock so that two instances starting together migrate once.
 */
export async function migratePostgres(db: Kysely<Schema>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCKS.migrate})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS luukku_schema (version integer PRIMARY KEY, migrated_at text NOT NULL)`.execute(
        conn,
      );
      const current = await postgresSchemaVersion(conn);
      if (current > LATEST_VERSION) throw tooNew(current);
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        await sql`BEGIN`.execute(conn);
        try {
          await migration.up(conn, ddlFor('postgres'));
          await sql`INSERT INTO luukku_schema (version, migrated_at) VALUES (${migration.version}, ${new Date().toISOString()})`.execute(
            conn,
          );
          await sql`COMMIT`.execute(conn);
        } catch (error) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCKS.migrate})`.execute(conn);
    }
  });
}

export interface PostgresOpenOptions {
  /**
   * `migrate` (the owner role: `luukku db init`, tests, a trial) raises the schema to this version; `check`
   * (the service role, which may not change the schema) refuses a database that is not at this version.
   */
  schema?: 'migrate' | 'check';
  poolSize?: number;
  /** The server's anchor key (databaseAnchor.ts): with it the log's head is anchored outside the database. */
  anchor?: AnchorKey | undefined;
}

export async function openPostgresStore(url: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
  const pool = postgresPool(url, options.poolSize);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const location = redactUrl(url);
  try {
    if (options.schema === 'check') {
      const current = await postgresSchemaVersion(db);
      if (current > LATEST_VERSION) throw tooNew(current);
      if (current < LATEST_VERSION)
        throw new LuukkuError(
          'STORE_MISSING',
          `The database ${location} is at schema ${current}, this Luukku needs ${LATEST_VERSION}: run "luukku db init" with the owner's URL first.`,
        );
    } else {
      await migratePostgres(db);
    }
  } catch (error) {
    await db.destroy();
    throw connectionError(error, location) ?? error;
  }
  const anchor = options.anchor ? new DatabaseAnchorKeeper(db, options.anchor) : null;
  await anchor?.start();
  const close = async () => {
    await anchor?.stop();
    await db.destroy();
  };
  return { engine: 'postgres', url, location, db, pool, anchor, close };
}

/** A database that cannot be reached at all: one clear line instead of a socket error. */
function connectionError(error: unknown, location: string): LuukkuError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === '3D000' || code === '28P01' || code === '28000')
    return new LuukkuError(
      'STORE_MISSING',
      `Luukku cannot open the database ${location}: ${(error as Error).message}. Check the URL, that the server runs, and the role's password.`,
    );
  return null;
}
