// SQLite only (vitest.config.ts SQLITE_ONLY): about the CLI on the store file: init, verify, backup and restore of --db FILE.
import { ROLES } from '../../../shared/roles';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { openWithPassphrase } from '../../../main/store/storeFiles';
import { PASSPHRASE, snapshotDir, tempDir } from '../../helpers/stores';
import { captureIo, luukku } from '../../helpers/cli';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('admin CLI (real process)', () => {
  it('init creates a store, refuses to overwrite it, and a wrong passphrase exits 1 changing nothing', () => {
    const db = join(dir, 'county.db');
    const first = luukku(['init', '--db', db]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ created: db, keyFile: `${db}.keys` });
    expect(readFileSync(db).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const again = luukku(['init', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/refusing to overwrite/);

    const before = snapshotDir(dir);
    const wrong = luukku(['verify', '--db', db], { LUUKKU_PASSPHRASE: 'this is not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('luukku verify: Wrong recovery passphrase. Nothing was changed.');
    expect(wrong.stdout).toBe('');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('deadlines prints one line per pending date, and rejects a bad date with exit 1', () => {
    const ok = luukku(['deadlines', '2026-12-22', '2026-11-30', '2027-03-06'], {});
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      '2026-12-22 2027-01-05 2027-03-22\n2026-11-30 2026-12-09 2027-03-01\n2027-03-06 2027-03-16 2027-06-07\n',
    );
    const bad = luukku(['deadlines', '2026-12-22', '2027-02-29'], {});
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/2027-02-29/);
  });

  it('asks for the passphrase in the environment, never on the command line', () => {
    const result = luukku(['init', '--db', join(dir, 'x.db')], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/LUUKKU_PASSPHRASE/);
    expect(luukku(['init', '--db', join(dir, 'x.db'), '--passphrase', 'x']).stderr).toMatch(
      /Unknown option --passphrase/,
    );
  });
});

describe('admin CLI commands', () => {
  it('demo fills a store with a county that has cases in every state, users and a roster', async () => {
    process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
    const io = captureIo();
    const db = join(dir, 'demo.db');
    expect(await runCli(['demo', '--db', db, '--cases', '300', '--seed', '3', '--today', '2026-11-23'], io)).toBe(0);
    const summary = JSON.parse(io.stdout[0]!);
    expect(summary).toMatchObject({ created: db, cases: 300, today: '2026-11-23' });
    expect(summary.staff).toBeGreaterThanOrEqual(15);
    expect(summary.staff).toBeLessThanOrEqual(40);
    const { store } = await openWithPassphrase(db, PASSPHRASE);
    const statuses = await store.db.selectFrom('cases').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['ASSESSMENT', 'AWAITING_BIRTH', 'CLOSED', 'NEW', 'TRIAGE']);
    const swedish = await store.db.selectFrom('staff').select('languages').where('languages', 'like', '%sv%').execute();
    expect(swedish.length).toBeGreaterThan(2);
    const roles = await store.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
    // Running assessments have their meetings and, about half, a counsellor as the pair (issue 22).
    const running = await store.db
      .selectFrom('cases as c')
      .select([
        'c.pair_user_id',
        (eb) =>
          eb
            .selectFrom('meetings as m')
            .select(eb.fn.countAll().as('n'))
            .whereRef('m.case_id', '=', 'c.id')
            .as('meetings'),
      ])
      .where('c.status', '=', 'ASSESSMENT')
      .execute();
    expect(running.length).toBeGreaterThanOrEqual(3);
    expect(running.every((r) => Number(r.meetings) >= 3)).toBe(true);
    expect(running.some((r) => r.pair_user_id) && running.some((r) => !r.pair_user_id)).toBe(true);
    expect(
      Number(
        (
          await store.db
            .selectFrom('duty_assignments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      ),
    ).toBeGreaterThan(50);
    // Deadlines stored agree with the calendar used by `deadlines`.
    const { caseDeadlines } = await import('../../../shared/calendar');
    const sample = await store.db
      .selectFrom('cases')
      .select(['pending_from', 'start_due', 'complete_due'])
      .where('pending_from', 'is not', null)
      .limit(100)
      .execute();
    for (const c of sample)
      expect({ s: c.start_due, c: c.complete_due }).toEqual({
        s: caseDeadlines(c.pending_from!).startDue,
        c: caseDeadlines(c.pending_from!).completeDue,
      });
    await store.close();
  });

  it('rejects bad options with exit 1 and a message naming the option', async () => {
    process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
    const io = captureIo();
    expect(await runCli(['demo', '--db', join(dir, 'd.db'), '--cases', '-5'], io)).toBe(1);
    expect(io.stderr.join()).toMatch(/--cases must be a whole number/);
    expect(await runCli(['demo', '--db', join(dir, 'd.db'), '--today', '2026-13-01'], io)).toBe(1);
    expect(io.stderr.join()).toMatch(/--today/);
    expect(await runCli(['backup', '--db', join(dir, 'missing.db'), '--out', join(dir, 'b.db')], io)).toBe(1);
    expect(await runCli(['nonsense'], io)).toBe(1);
    expect(snapshotDir(dir)).toEqual({});
  });
});
