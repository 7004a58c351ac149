/**
 * Backups of a PostgreSQL store through Luukku (issue 19 item 5): `pg_dump -Fc` of the database, encrypted
 * as it is written (encryptedDump.ts, its key in `FILE.keys` under the passphrase), restored into a scratch database on the same server and verified there (the hash chain, its case index, the head
 * the live database had reached before the dump, and the anchor) before the backup is called one. A
 * restore checks the backup the same way, then restores it into an empty database in one transaction.
 *
 * These are a county's logical copies (for moving a county, a test restore, a copy kept by Luukku's admin).
 * Point-in-time recovery is county IT's continuous archiving (base backups and WAL, README); `luukku verify`
 * then checks what such a recovery brought back.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { LuukkuError } from '../../shared/errors';
import { keyFilePath, newKeyFile, readKeyFile, unwrapWithPassphrase, writeKeyFile } from '../security/keyfile';
import { dumpEncrypted, restoreEncrypted } from './encryptedDump';
import { portableKeyFile } from './backup';
import { assertStrongPassphrase } from './storeFiles';
import { anchorPath, writeAnchor, type ChainHead } from './auditAnchor';
import {
  anchorDatabase,
  databaseAnchorProblem,
  databaseHead,
  databaseHeadProblem,
  isAnchored,
  type AnchorKey,
} from './databaseAnchor';
import { openPostgresStore, redactUrl, withDatabase, type PostgresStore } from './postgres';
import { anchorCheck, verifyDatabase, type DatabaseVerifyReport } from './verifyPostgres';

/** Runs one statement on the server of `url` outside a transaction (CREATE/DROP DATABASE need that). */
async function onServer<R>(url: string, statement: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query(statement)).rows as R[];
  } finally {
    await client.end();
  }
}

/**
 * Restores the encrypted `dump` into a new scratch database on the server of `serverUrl`, runs `check` on
 * it, and drops it again whatever happened.
 */
async function inScratch<T>(
  dump: string,
  key: Buffer,
  serverUrl: string,
  check: (scratch: PostgresStore) => Promise<T>,
): Promise<T> {
  const name = `luukku_check_${randomBytes(6).toString('hex')}`;
  try {
    await onServer(serverUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code === '42501')
      throw new LuukkuError(
        'FORBIDDEN',
        `The role in ${redactUrl(serverUrl)} may not create databases: a backup is checked by restoring it into a scratch database, so run this as the database's owner with CREATEDB.`,
      );
    throw error;
  }
  try {
    const url = withDatabase(serverUrl, name);
    await restoreEncrypted(dump, key, url);
    const scratch = await openPostgresStore(url, { schema: 'check', poolSize: 2 });
    try {
      return await check(scratch);
    } finally {
      await scratch.close();
    }
  } finally {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function refuse(problem: string, what: string): never {
  throw new LuukkuError('STORE_CORRUPT', `${what}: ${problem}`);
}

/** What a backup or restore needs besides the files: the passphrase of the backup's key, the server's anchor key. */
export interface BackupKeys {
  passphrase: string;
  anchor?: AnchorKey | undefined;
}

/**
 * Writes a verified, encrypted backup of `live` to `out`, its key wrapped by the passphrase to `out.keys`,
 * and its anchor to `out.anchor` when the server's anchor key is given (an anchored database needs it).
 * Nothing is left at `out` unless the check passed.
 */
export async function backupDatabase(
  live: PostgresStore,
  out: string,
  { passphrase, anchor }: BackupKeys,
): Promise<DatabaseVerifyReport> {
  if ([out, anchorPath(out), keyFilePath(out)].some((path) => existsSync(path)))
    throw new LuukkuError('STORE_EXISTS', `${out} already exists; choose a new file for the backup.`);
  assertStrongPassphrase(passphrase);
  if (anchor) {
    const problem = await databaseAnchorProblem(live.db, anchor.path, anchor.key);
    if (problem) refuse(problem, 'No backup was made, since the audit log no longer reaches its anchor');
  } else if (await isAnchored(live.db)) {
    throw new LuukkuError(
      'INVALID_INPUT',
      'This database is anchored by a Luukku server: give its anchor key (--anchor-key FILE or LUUKKU_ANCHOR_KEY), so that the backup gets an anchor of its own.',
    );
  }
  // Committed before the dump's snapshot was taken, so the dump must hold it.
  const before: ChainHead = await databaseHead(live.db);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  const { key, file } = await newKeyFile(passphrase);
  try {
    await dumpEncrypted(live.url, tmp, key);
    const report = await inScratch(tmp, key, live.url, async (scratch) => {
      const reached = await databaseHeadProblem(scratch.db, before, 'the database before the backup');
      if (reached) refuse(reached, 'The backup is incomplete');
      if (anchor) writeAnchor(tmp, anchor.key, await databaseHead(scratch.db), 'backup');
      return verifyDatabase(scratch, {
        anchor: anchor && anchorCheck(anchor, 'backup', tmp),
        amcheck: false,
      });
    });
    if (!report.ok) refuse(report.problems[0] ?? 'not verified', 'The backup did not verify, so it was not kept');
    writeKeyFile(keyFilePath(out), portableKeyFile(file), { overwrite: false });
    if (anchor) renameSync(anchorPath(tmp), anchorPath(out));
    renameSync(tmp, out);
    return report;
  } finally {
    rmSync(tmp, { force: true });
    rmSync(anchorPath(tmp), { force: true });
  }
}

/** Refuses a target that holds anything: a restore never mixes a backup into an existing database. */
async function requireEmpty(url: string): Promise<void> {
  let tables: { n: number }[];
  try {
    tables = await onServer<{ n: number }>(
      url,
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
  } catch (error) {
    throw new LuukkuError(
      'STORE_MISSING',
      `Luukku cannot open the database ${redactUrl(url)}: ${(error as Error).message}. Create an empty database to restore into.`,
    );
  }
  if (tables[0]!.n > 0)
    throw new LuukkuError(
      'STORE_EXISTS',
      `The database ${redactUrl(url)} is not empty; restore into a new, empty database (nothing was changed).`,
    );
}

/**
 * Restores the backup `from` into the empty database at `url`: checked first in a scratch database (against
 * its own anchor when the key is given), then restored in one transaction. The live anchor then moves to the
 * restored head on purpose. Returns the restored database's report.
 */
export async function restoreDatabase(
  from: string,
  url: string,
  { passphrase, anchor }: BackupKeys,
): Promise<DatabaseVerifyReport> {
  if (!existsSync(from)) throw new LuukkuError('NOT_FOUND', `No backup at ${from}.`);
  const key = await unwrapWithPassphrase(readKeyFile(from), passphrase);
  await requireEmpty(url);
  const backupAnchor = anchor && anchorCheck(anchor, 'backup', from);
  const checkedFirst = await inScratch(from, key, url, (scratch) =>
    verifyDatabase(scratch, { anchor: backupAnchor, amcheck: false }),
  );
  if (!checkedFirst.ok)
    refuse(checkedFirst.problems[0] ?? 'not verified', 'The backup did not verify; nothing was restored');
  await restoreEncrypted(from, key, url);
  const store = await openPostgresStore(url, { schema: 'check', poolSize: 2 });
  try {
    if (anchor) await anchorDatabase(store.db, anchor, await databaseHead(store.db));
    return await verifyDatabase(store, { anchor: anchor && anchorCheck(anchor, 'live') });
  } finally {
    await store.close();
  }
}
