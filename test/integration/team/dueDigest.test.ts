import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { dispatch } from '../../../main/ipc/dispatcher';
import { DueDigest } from '../../../main/areas/team/dueDigest';
import type { QueueResult } from '../../../shared/contract/cases';
import { DEMO_PASSWORD, tempDir } from '../../helpers/stores';
import { openDemoCore } from '../../helpers/core';

let core: Core;
let clock = Date.parse('2026-11-23T08:00:00Z');
let lead: string;
let close = async () => {};

beforeEach(async () => {
  const temp = tempDir();
  const app = await openDemoCore(temp.dir, 300, () => new Date(clock));
  core = app.core;
  close = async () => {
    await core.close();
    await app.dispose();
    temp.cleanup();
  };
  lead = app.userOf('LEAD').username;
  await core.signIn(lead, DEMO_PASSWORD);
});
afterEach(() => close());

const queueTotal = async (due: 'OVERDUE' | 'DUE_SOON') => {
  const r = await dispatch(core, 'cases.queue', { view: 'OPEN', due, limit: 1 });
  return r.ok ? (r.value as QueueResult).total : -1;
};

describe('the due-date digest', () => {
  it('reports each case once per state: what is overdue or due soon now, then only what has turned since', async () => {
    // A notification received on 13.11. is due on 24.11.: due soon now, overdue a week on, whatever the demo holds.
    const registered = await dispatch(core, 'cases.register', {
      type: 'LSL25',
      channel: 'PHONE',
      receivedAt: '2026-11-13 10:00',
      reporterCategory: 'SCHOOL',
      municipalityId: 'porvoo',
      children: [{ firstName: 'Iida', lastName: 'Testinen' }],
    });
    expect(registered.ok).toBe(true);
    // An anticipatory notification whose birth is expected on Friday 27.11.: a reminder a week on.
    const unborn = await dispatch(core, 'cases.register', {
      type: 'LSL25C',
      channel: 'PHONE',
      receivedAt: '2026-11-13 10:00',
      reporterCategory: 'HEALTH_CARE',
      municipalityId: 'porvoo',
      children: [{ expectedBirthDate: '2026-11-27' }],
    });
    expect(unborn.ok).toBe(true);
    const digest = new DueDigest();
    const first = await digest.next(core);
    const expectedBirths = await core.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'AWAITING_BIRTH')
      .where('expected_birth_date', '<=', '2026-11-23')
      .execute();
    expect(first).toEqual({
      overdue: await queueTotal('OVERDUE'),
      dueSoon: await queueTotal('DUE_SOON'),
      birthsExpected: expectedBirths.length,
    });
    expect(first!.dueSoon).toBeGreaterThan(0);
    expect(await digest.next(core)).toBeNull(); // nothing new an hour later
    clock += 7 * 24 * 3_600_000; // a week on: cases that were due soon are now overdue
    await core.signIn(lead, DEMO_PASSWORD); // the idle lock ended the session meanwhile
    const later = await digest.next(core);
    expect(later!.overdue).toBeGreaterThan(0);
    // A birth expected meanwhile is reminded of once (LsL 25 c §: ask whether the child is born).
    const expectedSince = await core.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'AWAITING_BIRTH')
      .where('expected_birth_date', '>', '2026-11-23')
      .where('expected_birth_date', '<=', '2026-11-30')
      .execute();
    expect(expectedSince.length).toBeGreaterThan(0);
    expect(later!.birthsExpected).toBe(expectedSince.length);
    expect(later!.overdue).toBeLessThanOrEqual(await queueTotal('OVERDUE'));
  });
});
