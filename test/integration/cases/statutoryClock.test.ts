/**
 * Issue 18 item 1: the statutory calendar is the law's. County closure days shape the roster, never a
 * statutory deadline: not at registration, not at a birth, not in an import, not in the clock shown.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { runCli } from '../../../main/cli/run';
import { caseDeadlines, STATUTORY_CALENDAR } from '../../../shared/calendar';
import type { CaseType } from '../../../shared/caseTypes';
import { addDays, helsinkiDate } from '../../../shared/dates';
import { seededRandom } from '../../../main/demo/random';
import { captureIo, importCsv, type ImportRow } from '../../helpers/cli';
import { clientOf, unwrap } from '../../helpers/core';
import { createTestCounty, DEMO_PASSWORD, PASSPHRASE, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
});
afterEach(() => cleanup());

describe('closure days and the statutory deadlines', () => {
  it('gives a notification received on 22.12.2026 the law’s deadlines, whatever the county closes', async () => {
    const demo = await createTestCounty(dir, { cases: 50, today: '2026-12-22' });
    const core = new Core({ ...demo.options, version: 't', now: () => new Date('2026-12-22T12:00:00Z') });
    await core.start();
    if (demo.locked) await core.unlock(PASSPHRASE);
    const as = (role: string) => core.signIn(demo.summary!.users.find((u) => u.role === role)!.username, DEMO_PASSWORD);
    try {
      await as('LEAD');
      for (const date of ['2026-12-23', '2026-12-28', '2027-01-02', '2027-03-22'])
        unwrap(await clientOf(core).org.closureDay({ date, reason: 'Joulusulku', closed: true }));
      await core.signOut('USER');
      await as('ADVICE');
      const register = async (type: CaseType, child: Record<string, string>) =>
        unwrap(
          await clientOf(core).cases.register({
            type,
            channel: 'PHONE',
            receivedAt: '2026-12-22 10:00',
            reporterCategory: 'SCHOOL',
            municipalityId: 'porvoo',
            children: [child],
          }),
        ).caseIds[0]!;
      const id = await register('LSL25', { firstName: 'Iida', lastName: 'Joulunen', birthDate: '2016-05-05' });
      const unborn = await register('LSL25C', { expectedBirthDate: '2027-01-10' });
      const detail = unwrap(await clientOf(core).cases.get({ id }));
      expect(detail).toMatchObject({ startDue: '2027-01-05', completeDue: '2027-03-22' });
      // The clock counts statutory working days: 23.12., 28.-31.12. (5), then 2.1.2027 is a Saturday, 5.1.
      expect(detail.clock).toMatchObject({ deadline: 'START', due: '2027-01-05', workingDaysLeft: 7 });
      const queue = unwrap(await clientOf(core).cases.queue({ view: 'OPEN', text: 'Joulunen' }));
      expect(queue.rows.map((r) => r.startDue)).toEqual(['2027-01-05']);

      await core.signOut('USER');
      await as('ASSESSMENT_SW');
      const born = unwrap(
        await clientOf(core).cases.recordBirth({
          id: unborn,
          birthDate: '2026-12-22',
          firstName: 'Aapo',
          lastName: 'Joulunen',
        }),
      );
      expect(born).toMatchObject({ pendingFrom: '2026-12-22', startDue: '2027-01-05', completeDue: '2027-03-22' });
    } finally {
      await core.close();
      await demo.dispose();
    }
  });

  it('stores for every imported pending date, with any set of closure days, exactly the law’s deadlines', async () => {
    const demo = await createTestCounty(dir, { cases: 5 });
    const rng = seededRandom(18);
    const days: string[] = [];
    // Up to yesterday: the CLI refuses receipts in its own future.
    const yesterday = addDays(helsinkiDate(new Date()), -1);
    for (let d = '2025-01-01'; d <= yesterday; d = addDays(d, 1)) days.push(d);
    // Sixty closure days anywhere, a few on the very days deadlines would fall on.
    const closures = new Set(Array.from({ length: 60 }, () => days[rng.int(0, days.length - 1)]!));
    for (const d of ['2025-12-23', '2026-01-07', '2026-03-31']) closures.add(d);
    const setup = await demo.open();
    await setup.db
      .insertInto('closure_days')
      .values([...closures].map((date) => ({ date, reason: 'suljettu' })))
      .execute();
    await setup.close();
    const rows: ImportRow[] = days.map((d, i) => ({
      external_id: `P-${i}`,
      type: 'LSL25',
      channel: 'PHONE',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Ella',
      child_last_name: 'Nieminen',
      received_at: `${d} 09:00`,
    }));
    const file = join(dir, 'history.csv');
    writeFileSync(file, importCsv(rows));
    const io = captureIo();
    expect(await runCli(['import', 'cases', ...demo.storeArgs, '--file', file], io), io.stderr.join('\n')).toBe(0);
    const store = await demo.open();
    const stored = await store.db
      .selectFrom('cases')
      .select(['pending_from', 'start_due', 'complete_due'])
      .where('external_id', 'like', 'P-%')
      .execute();
    await store.close();
    await demo.dispose();
    expect(stored).toHaveLength(days.length);
    const wrong = stored.filter((r) => {
      const d = caseDeadlines(r.pending_from!);
      return d.startDue !== r.start_due || d.completeDue !== r.complete_due;
    });
    expect(wrong).toEqual([]);
    // And at least some of them would have moved had closures counted.
    const moved = stored.filter((r) => {
      const walk = STATUTORY_CALENDAR.workingDays(addDays(r.pending_from!, 1), r.start_due!);
      return walk.some((d) => closures.has(d));
    });
    expect(moved.length).toBeGreaterThan(50);
  });
});
