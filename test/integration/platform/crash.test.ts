// SQLite only (vitest.config.ts SQLITE_ONLY): about kill -9 of a writer on the encrypted store file, its WAL and -shm.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { checkAfterCrash, crashRounds } from '../../crash/harness';
import { closeAll, kyselyFor, openSqlite } from '../../../main/store/open';
import { createCrashStore, POOL_PREFIX } from '../../crash/store';
import { tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('luukku-crash-')));
afterEach(() => cleanup());

/** The full run is `npm run crash` (200 kills); `npm test` runs a dozen. */
const KILLS = Number(process.env.LUUKKU_CRASH_KILLS ?? 10);

describe('crash safety', () => {
  it(`survives ${KILLS} kill -9s during registration, triage, imports and bulk reassignments, garbled WAL tails and deleted -shm files`, async () => {
    const report = await crashRounds(dir, KILLS, { seed: 7 });
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(KILLS);
    expect(report.acknowledged).toBeGreaterThan(KILLS);
    expect(report.reassignments).toBeGreaterThan(0);
    expect(report.garbledWal).toBeGreaterThan(0);
    expect(report.deletedShm).toBeGreaterThan(0);
  }, 300_000);

  it('the checker itself sees a lost acknowledged write, and an import and a reassignment that are there in part', async () => {
    const path = join(dir, 'c.db');
    const key = await createCrashStore(path);
    expect((await checkAfterCrash(path, key, [])).problems).toEqual([]);
    expect((await checkAfterCrash(path, key, [{ kind: 'R', id: 'never-written' }])).problems).toEqual([
      'acknowledged R lost: never-written',
    ]);
    const sqlite = openSqlite(path, key, 'existing');
    const db = kyselyFor(sqlite);
    await sql`INSERT INTO areas VALUES ('a', 'A', 'A')`.execute(db);
    await sql`INSERT INTO municipalities VALUES ('m', 'M', 'M', 'a', 'fi')`.execute(db);
    for (const k of [1, 2, 3])
      await sql`INSERT INTO cases (id, external_id, type, channel, received_at, received_date, reporter_category,
        municipality_id, area_id, status, created_at, updated_at)
        VALUES (${`x${k}`}, ${`B9-1-${k}`}, 'LSL25', 'PHONE', 'x', '2026-11-02', 'SCHOOL', 'm', 'a', 'TRIAGE', 'x', 'x')`.execute(
        db,
      );
    await sql`UPDATE cases SET assignee_user_id = NULL WHERE external_id = ${`${POOL_PREFIX}7`}`.execute(db);
    await closeAll(db, sqlite);
    const { problems } = await checkAfterCrash(path, key, [{ kind: 'A', id: 'A1-2' }]);
    expect(problems).toContain('import B9-1 is in part: 3 of 50 cases');
    expect(problems).toContain('bulk reassignment in part: the pool has 2 different assignees');
    expect(problems).toContain('acknowledged reassignment A1-2 lost');
  });
});
