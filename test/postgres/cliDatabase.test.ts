/**
 * The admin CLI on PostgreSQL (issue 19 items 1 and 8): `init` and `demo` with `--database` create a county in
 * an empty database, refuse one that already holds a county, and leave a store that verifies; the usual
 * reads then work on it by URL, and an unreachable database is one clear line with exit 1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { captureIo } from '../helpers/cli';
import { dropDatabase, freshDatabase } from '../helpers/engine';

let database: { name: string; url: string };
beforeEach(async () => {
  database = await freshDatabase('empty');
});
afterEach(async () => {
  await dropDatabase(database.name);
});

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, io };
}

describe('the CLI with --database', () => {
  it('demo fills an empty database, refuses a second county, and the store verifies and reports', async () => {
    const demo = await cli('demo', '--database', database.url, '--cases', '60', '--today', '2026-11-23');
    expect(demo.code, demo.io.stderr.join('\n')).toBe(0);
    expect(demo.io.json[0]).toMatchObject({ cases: 60 });
    const again = await cli('demo', '--database', database.url, '--cases', '5');
    expect(again.code).toBe(1);
    expect(again.io.stderr.join('\n')).toMatch(/already holds a Luukku county/);
    const init = await cli('init', '--database', database.url);
    expect(init.code).toBe(1);

    const verify = await cli('verify', '--database', database.url);
    expect(verify.code, verify.io.stderr.join('\n')).toBe(0);
    expect(verify.io.json[0]).toMatchObject({ ok: true, problems: [] });
    const report = await cli('report', 'thl', '--database', database.url, '--from', '2026-04-01', '--to', '2026-09-30');
    expect(report.code, report.io.stderr.join('\n')).toBe(0);
    expect((report.io.json[0] as { pending: { total: number } }).pending.total).toBeGreaterThan(0);
  });

  it('init creates an empty county that the app can then set up', async () => {
    const init = await cli('init', '--database', database.url, '--county-name', 'Östra Nyland');
    expect(init.code, init.io.stderr.join('\n')).toBe(0);
    const verify = await cli('verify', '--database', database.url);
    expect(verify.code).toBe(0);
  });

  it('refuses both --db and --database, a URL that is not PostgreSQL, and a database that is not there', async () => {
    const both = await cli('verify', '--db', 'x.db', '--database', database.url);
    expect(both.code).toBe(1);
    expect(both.io.stderr.join('\n')).toMatch(/either --db FILE or --database URL/);
    const mysql = await cli('verify', '--database', 'mysql://x@y/z');
    expect(mysql.code).toBe(1);
    expect(mysql.io.stderr.join('\n')).toMatch(/must be a PostgreSQL URL/);
    const missing = new URL(database.url);
    missing.pathname = '/no_such_database';
    const gone = await cli('verify', '--database', missing.toString());
    expect(gone.code).toBe(1);
    expect(gone.io.stderr.join('\n')).toMatch(/cannot open the database .*no_such_database/);
  });
});
