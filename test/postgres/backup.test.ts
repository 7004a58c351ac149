/**
 * `backup` and `restore` on PostgreSQL (issue 19 item 5): pg_dump -Fc, encrypted as it is written (no client
 * name readable in the file), its key under the passphrase in `.keys`, checked in a scratch database before
 * the backup is reported; a restore checks the backup the same way (its own anchor included) and restores
 * into an empty database only, in one transaction, so that a refused restore leaves the target as it was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/run';
import { anchorPath } from '../../main/store/auditAnchor';
import { openPostgresStore } from '../../main/store/postgres';
import { captureIo } from '../helpers/cli';
import { PASSPHRASE } from '../helpers/stores';
import { databaseUrl, dropDatabase, freshDatabase } from '../helpers/engine';
import { storeDigest, tableCounts } from '../helpers/queries';
import { cutDatabaseAuditTail } from '../helpers/tamper';

let source: { name: string; url: string };
let target: { name: string; url: string };
let dir: string;
let keyPath: string;
let out: string;
beforeEach(async () => {
  vi.stubEnv('LUUKKU_PASSPHRASE', PASSPHRASE);
  source = await freshDatabase('empty');
  target = await freshDatabase('empty');
  dir = mkdtempSync(join(tmpdir(), 'luukku-pgbackup-'));
  keyPath = join(dir, 'anchor.key');
  out = join(dir, 'county.dump');
  const demo = await cli('demo', '--database', source.url, '--anchor-key', keyPath, '--cases', '40');
  expect(demo.code, demo.io.stderr.join('\n')).toBe(0);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await dropDatabase(source.name);
  await dropDatabase(target.name);
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, io, err: io.stderr.join('\n'), json: io.json[0] as Record<string, unknown> | undefined };
}

const backup = (...extra: string[]) =>
  cli('backup', '--database', source.url, '--anchor-key', keyPath, '--out', out, ...extra);
const restore = (...extra: string[]) =>
  cli('restore', '--from', out, '--database', target.url, '--anchor-key', keyPath, ...extra);

async function withStore<T>(
  url: string,
  read: (db: Awaited<ReturnType<typeof openPostgresStore>>['db']) => Promise<T>,
) {
  const store = await openPostgresStore(url, { schema: 'check' });
  try {
    return await read(store.db);
  } finally {
    await store.close();
  }
}

/** Databases on the test server whose name says they are a backup's scratch check. */
async function scratchDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    const rows = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'luukku_check_%'");
    return rows.rows.map((r: { datname: string }) => r.datname);
  } finally {
    await client.end();
  }
}

describe('backup and restore on PostgreSQL', () => {
  it('backs up with its own anchor, restores into an empty database that holds the same county, and verifies', async () => {
    const made = await backup();
    expect(made.code, made.err).toBe(0);
    expect(made.json).toMatchObject({ backup: out, keyFile: `${out}.keys`, anchor: anchorPath(out), verified: true });
    expect(existsSync(out) && existsSync(`${out}.keys`) && existsSync(anchorPath(out))).toBe(true);
    expect(await scratchDatabases()).toEqual([]);
    // No client's name, nor the county's staff, readable in the file Luukku wrote: it is encrypted.
    const names = await withStore(source.url, (db) =>
      db.selectFrom('cases').select('child_last_name').where('child_last_name', 'is not', null).limit(20).execute(),
    );
    const dump = readFileSync(out);
    expect(names.length).toBeGreaterThan(0);
    for (const { child_last_name } of names) expect(dump.includes(Buffer.from(child_last_name!))).toBe(false);
    expect(dump.includes(Buffer.from('PGDMP'))).toBe(false);
    // A backup never passes as the live anchor: the dump's anchor says "backup" inside its MAC.
    expect(JSON.parse(readFileSync(anchorPath(out), 'utf8'))).toMatchObject({ kind: 'backup' });

    const restored = await restore();
    expect(restored.code, restored.err).toBe(0);
    expect(restored.json).toMatchObject({ verified: true });
    expect(await scratchDatabases()).toEqual([]);
    const [from, to] = [await withStore(source.url, storeDigest), await withStore(target.url, storeDigest)];
    expect(to).toBe(from);
    const restoreEntry = await withStore(target.url, (db) =>
      db.selectFrom('audit_log').select(['action']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow(),
    );
    expect(restoreEntry.action).toBe('store.restore');
    const verified = await cli('verify', '--database', target.url, '--anchor-key', keyPath);
    expect(verified.code, verified.err).toBe(0);
  });

  it('makes no backup of a log that no longer reaches its anchor', async () => {
    await cutDatabaseAuditTail(source.url, 1);
    const made = await backup();
    expect(made.code).toBe(1);
    expect(made.err).toMatch(
      /No backup was made, since the audit log no longer reaches its anchor: .*entries were removed/,
    );
    expect(existsSync(out)).toBe(false);
    expect(await scratchDatabases()).toEqual([]);
  });

  it('refuses a wrong passphrase, and a weak one for a new backup', async () => {
    expect((await backup()).code).toBe(0);
    vi.stubEnv('LUUKKU_PASSPHRASE', 'not the passphrase of this backup');
    const wrong = await restore();
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/passphrase/i);
    vi.stubEnv('LUUKKU_PASSPHRASE', 'short');
    rmSync(out);
    rmSync(`${out}.keys`);
    rmSync(anchorPath(out));
    const weak = await backup();
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/too easy to guess/);
    expect(existsSync(out)).toBe(false);
  });

  it('asks for the anchor key to back up an anchored database', async () => {
    const made = await cli('backup', '--database', source.url, '--out', out);
    expect(made.code).toBe(1);
    expect(made.err).toMatch(/anchored by a Luukku server: give its anchor key/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to restore into a database that holds anything, and leaves it as it was', async () => {
    expect((await backup()).code).toBe(0);
    const before = await withStore(source.url, tableCounts);
    const into = await cli('restore', '--from', out, '--database', source.url, '--anchor-key', keyPath);
    expect(into.code).toBe(1);
    expect(into.err).toMatch(/is not empty; restore into a new, empty database/);
    expect(await withStore(source.url, tableCounts)).toBe(before);
  });

  it('refuses a damaged backup file and a backup carrying the live anchor, restoring nothing', async () => {
    expect((await backup()).code).toBe(0);
    const good = readFileSync(out);
    const damaged = Buffer.from(good);
    for (let i = Math.floor(good.length / 3); i < good.length / 3 + 64; i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(out, damaged);
    const broken = await restore();
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/has been altered or damaged .*nothing was restored from it/);
    writeFileSync(out, good);
    copyFileSync(anchorPath(keyPath), anchorPath(out));
    const swapped = await restore();
    expect(swapped.code).toBe(1);
    expect(swapped.err).toMatch(/did not verify; nothing was restored: .*is a live store's anchor, not this backup's/);
    const empty = new pg.Client({ connectionString: target.url });
    await empty.connect();
    const tables = await empty.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    await empty.end();
    expect(tables.rows[0].n).toBe(0);
    expect(await scratchDatabases()).toEqual([]);
  });
});
