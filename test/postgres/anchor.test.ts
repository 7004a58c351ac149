/**
 * The audit log's anchor on PostgreSQL (issue 19 item 5): the head Luukku has seen is kept outside the
 * database under a key file the server owns, so a tail cut by a superuser, with the head in `meta` rewritten
 * to match (which the chain alone cannot see), is found by `verify`, as the anchor beside a store file finds
 * it on SQLite (backup.test.ts).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../main/app/core';
import { runCli } from '../../main/cli/run';
import { anchorPath } from '../../main/store/auditAnchor';
import { databaseHead, readAnchorKey } from '../../main/store/databaseAnchor';
import { openPostgresStore } from '../../main/store/postgres';
import { captureIo } from '../helpers/cli';
import { dropDatabase, freshDatabase } from '../helpers/engine';
import { cutDatabaseAuditTail, rewriteDatabaseAuditEntry } from '../helpers/tamper';

let database: { name: string; url: string };
let dir: string;
let keyPath: string;
beforeEach(async () => {
  database = await freshDatabase('empty');
  dir = mkdtempSync(join(tmpdir(), 'luukku-anchor-'));
  keyPath = join(dir, 'anchor.key');
  const demo = await cli('demo', '--database', database.url, '--anchor-key', keyPath, '--cases', '30');
  expect(demo.code, demo.io.stderr.join('\n')).toBe(0);
  // A few audited reads with the key, so that the log (and its anchor) has more than the county's creation.
  for (let i = 0; i < 3; i++) expect((await thlReport('--anchor-key', keyPath)).code).toBe(0);
});
afterEach(async () => {
  await dropDatabase(database.name);
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, io, report: io.json[0] as { ok: boolean; problems: string[] } | undefined };
}

const thlReport = (...extra: string[]) =>
  cli('report', 'thl', '--database', database.url, '--from', '2026-04-01', '--to', '2026-09-30', ...extra);
const verify = (...extra: string[]) => cli('verify', '--database', database.url, ...extra);
const anchoredSeq = () => (JSON.parse(readFileSync(anchorPath(keyPath), 'utf8')) as { seq: number }).seq;

describe('the audit-log anchor on PostgreSQL', () => {
  it('keeps a random key readable only by its owner, and the anchor at the head the demo reached', async () => {
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    const key = readAnchorKey(keyPath).key;
    const store = await openPostgresStore(database.url, { schema: 'check' });
    try {
      expect(anchoredSeq()).toBe((await databaseHead(store.db)).seq);
      // Nothing in the database derives the key: no row of meta or settings holds it.
      const meta = await sql<{ value: string }>`SELECT value FROM meta`.execute(store.db);
      expect(meta.rows.some((r) => r.value.includes(key.toString('hex')))).toBe(false);
    } finally {
      await store.close();
    }
    expect((await verify('--anchor-key', keyPath)).report).toMatchObject({ ok: true, problems: [] });
  });

  it('finds a tail cut by a superuser who rewrote the head, which the chain alone passes', async () => {
    const last = await cutDatabaseAuditTail(database.url, 2);
    const checked = await verify('--anchor-key', keyPath);
    expect(checked.code).toBe(1);
    expect(checked.report?.problems).toEqual([
      `audit log entry ${last - 1} is missing: the log ends at entry ${last - 2}, but its anchor outside the database records entry ${last}, so entries were removed`,
    ]);
    // Without the key the anchored database cannot be confirmed, and verify says so instead of passing.
    const unkeyed = await verify();
    expect(unkeyed.code).toBe(1);
    expect(unkeyed.report?.problems[0]).toMatch(/anchored by a Luukku server, but no anchor key was given/);
  });

  it('finds an entry rewritten with the chain hashed again after it, which the chain alone passes', async () => {
    const store = await openPostgresStore(database.url, { schema: 'check' });
    const head = await databaseHead(store.db);
    await store.close();
    await rewriteDatabaseAuditEntry(database.url, head.seq - 1, 'someone-else');
    const checked = await verify('--anchor-key', keyPath);
    expect(checked.code).toBe(1);
    expect(checked.report?.problems).toEqual([
      `audit log entry ${head.seq} does not match its anchor outside the database`,
    ]);
    // The chain itself is whole again: only the anchor outside the database tells.
    const unkeyed = await verify();
    expect(unkeyed.report?.problems[0]).toMatch(/no anchor key was given/);
  });

  it('still checks the anchor when the superuser also removed the mark that the database was anchored', async () => {
    const last = await cutDatabaseAuditTail(database.url, 1);
    const store = await openPostgresStore(database.url, { schema: 'check' });
    await sql`DELETE FROM meta WHERE key = 'audit_anchor'`.execute(store.db);
    await store.close();
    expect((await verify()).code).toBe(0);
    const checked = await verify('--anchor-key', keyPath);
    expect(checked.code).toBe(1);
    expect(checked.report?.problems[0]).toContain(`records entry ${last}, so entries were removed`);
  });

  it('never moves the anchor over a log that no longer reaches it: it stays as the evidence', async () => {
    const last = await cutDatabaseAuditTail(database.url, 1);
    const store = await openPostgresStore(database.url, { schema: 'check', anchor: readAnchorKey(keyPath) });
    try {
      expect(store.anchor?.finding).toMatch(/so entries were removed/);
      await store.anchor?.refresh();
    } finally {
      await store.close();
    }
    expect(anchoredSeq()).toBe(last);
  });

  it('moves the anchor on as the service writes, so the newest entries are covered too', async () => {
    const before = anchoredSeq();
    const store = await openPostgresStore(database.url, { schema: 'check', anchor: readAnchorKey(keyPath) });
    try {
      await runCli(
        ['report', 'thl', '--database', database.url, '--from', '2026-04-01', '--to', '2026-09-30'],
        captureIo(),
      );
      await store.anchor?.refresh();
      expect(anchoredSeq()).toBeGreaterThan(before);
    } finally {
      await store.close();
    }
  });

  it('shows the app a log that no longer reaches its anchor, and a kept one as checked', async () => {
    const status = async () => {
      const core = new Core({
        storePath: database.name,
        database: database.url,
        anchorKey: readAnchorKey(keyPath),
        version: 'test',
      });
      await core.start();
      try {
        return core.status().integrity;
      } finally {
        await core.close();
      }
    };
    expect(await status()).toBe('OK');
    await cutDatabaseAuditTail(database.url, 1);
    expect(await status()).toBe('LOG_ALTERED');
  });

  it('finds an anchor file that was altered, or made with another key', async () => {
    const file = anchorPath(keyPath);
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace(/"seq":(\d+)/, (_m, n: string) => `"seq":${Number(n) - 1}`),
      { mode: 0o600 },
    );
    expect((await verify('--anchor-key', keyPath)).report?.problems[0]).toMatch(
      /has been altered or belongs to another store/,
    );
    writeFileSync(file, original, { mode: 0o600 });
    const otherKey = join(dir, 'other.key');
    writeFileSync(otherKey, JSON.stringify({ format: 'luukku-anchor-key', key: 'ab'.repeat(32) }), { mode: 0o600 });
    writeFileSync(anchorPath(otherKey), original, { mode: 0o600 });
    expect((await verify('--anchor-key', otherKey)).report?.problems[0]).toMatch(
      /has been altered or belongs to another store/,
    );
  });

  it('refuses a key file others may read, and a missing one, each with one clear line', async () => {
    chmodSync(keyPath, 0o644);
    const open = await verify('--anchor-key', keyPath);
    expect(open.code).toBe(1);
    expect(open.io.stderr.join('\n')).toMatch(/may be read by others than its owner.*chmod 600/);
    const missing = await verify('--anchor-key', join(dir, 'nope.key'));
    expect(missing.code).toBe(1);
    expect(missing.io.stderr.join('\n')).toMatch(/anchor key file .*nope\.key is missing/);
    const onFile = await cli('verify', '--db', join(dir, 'x.db'), '--anchor-key', keyPath);
    expect(onFile.io.stderr.join('\n')).toMatch(/--anchor-key is for a PostgreSQL store/);
  });
});
