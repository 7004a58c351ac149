/**
 * The one unit of work (issue 17): every transaction on a store is opened here. `work` gets the transaction,
 * the clock and `audit(entry)`; the entries it collects are appended to the hash-chained log (audit.ts) just
 * before COMMIT, so an action and its log entries commit together or not at all, and nothing appends to the
 * chain outside a transaction.
 *
 * The write lock: BEGIN IMMEDIATE takes SQLite's store-wide write lock at the start, and kysely's SQLite
 * driver lends its one connection to one unit at a time. On PostgreSQL every unit takes the same
 * transaction-level advisory lock right after BEGIN (postgres.ts LOCKS.write), which every Luukku instance on
 * the database shares; under READ COMMITTED each statement after it sees all that committed before. So a
 * read-check-write inside `work` (the chain head, the last active lead, a case's state before its change)
 * sees no other writer between its read and its write, from this process, another instance or the admin
 * CLI, on either engine. Reads that decide a write belong inside `work`.
 *
 * A unit that only reads client data (a queue page, a case opened) writes nothing but its audit entries. On
 * PostgreSQL it takes the write lock only to append them (`readsOnly`), so the team's reads run side by side
 * and only the log's append is one at a time; on SQLite it is a unit like any other.
 */
import { sql } from 'kysely';
import { appendAudit, type AuditEntry } from './audit';
import { changeOf, type Change } from './changes';
import { CHANGES_CHANNEL } from './postgresChanges';
import { LOCKS } from './postgres';
import type { SqliteStore } from './open';
import type { PostgresStore } from './postgres';
import type { Db } from './schema';

export interface UnitOfWork {
  /** The transaction: every read and write of the unit goes through it. */
  trx: Db;
  /** The unit's time, read once at its start. */
  now: Date;
  /** Adds an entry to the audit log, written with the unit's changes. */
  audit(entry: AuditEntry): void;
}

/** What a unit needs of a store: its queries and, on SQLite, the handle that knows whether SQLite rolled back. */
type Unit = Pick<SqliteStore, 'db' | 'engine' | 'sqlite'> | Pick<PostgresStore, 'db' | 'engine'>;

export interface UnitHooks {
  /**
   * Hears what each committed unit changed (changes.ts): on SQLite right after COMMIT; on PostgreSQL the
   * unit's NOTIFY reaches every listening instance instead, this one included.
   */
  announce?: (change: Change) => void;
  /** Runs in a unit that changed something, just before COMMIT (the server's idempotency key is claimed here). */
  beforeCommit?: (trx: Db) => Promise<void>;
  /** The county server's session the unit runs for (changes.ts `origin`). */
  origin?: string | null;
  /** The unit reads and writes nothing but its audit entries (see above). */
  readsOnly?: boolean;
}

export function unitOfWork<T>(
  store: Unit,
  clock: () => Date,
  work: (uow: UnitOfWork) => Promise<T>,
  hooks: UnitHooks = {},
): Promise<T> {
  // Begun and ended by hand: when SQLite itself has already rolled back (a full disk does that), a second
  // ROLLBACK would fail and hide the real error, which the user must see ("the disk is full").
  return store.db.connection().execute(async (conn) => {
    if (store.engine === 'sqlite') await sql`BEGIN IMMEDIATE`.execute(conn);
    else {
      await sql`BEGIN`.execute(conn);
      if (!hooks.readsOnly) await sql`SELECT pg_advisory_xact_lock(${LOCKS.write})`.execute(conn);
    }
    try {
      const entries: AuditEntry[] = [];
      const result = await work({ trx: conn, now: clock(), audit: (entry) => void entries.push(entry) });
      if (hooks.readsOnly && store.engine === 'postgres' && entries.length)
        await sql`SELECT pg_advisory_xact_lock(${LOCKS.write})`.execute(conn);
      for (const entry of entries) await appendAudit(conn, entry, clock());
      const found = changeOf(entries);
      const change = found && { ...found, origin: hooks.origin ?? null };
      if (change) await hooks.beforeCommit?.(conn);
      if (change && store.engine === 'postgres')
        await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`.execute(conn);
      await sql`COMMIT`.execute(conn);
      if (change && store.engine === 'sqlite') hooks.announce?.(change);
      return result;
    } catch (error) {
      if (store.engine === 'postgres') await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      else if (store.sqlite.inTransaction) await sql`ROLLBACK`.execute(conn);
      throw error;
    }
  });
}

/** What opens units of work on a store: the app's Core, or `storeTransactor` for the admin CLI and tools. */
export interface Transactor {
  /** For reads that decide nothing about a write (a report's figures, a file's rows before its import). */
  db: Db;
  unitOfWork<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
}

export function storeTransactor(store: Unit, clock: () => Date = () => new Date()): Transactor {
  return { db: store.db, unitOfWork: (work) => unitOfWork(store, clock, work) };
}
