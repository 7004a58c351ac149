import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { dispatch } from '../../../main/ipc/dispatcher';
import type { AdviceToday } from '../../../shared/contract';
import { DEMO_PASSWORD, tempDir } from '../../helpers/stores';
import { openDemoCore } from '../../helpers/core';

let core: Core;
let clock = Date.parse('2026-11-23T09:00:00Z');
let users: { username: string; role: string }[];
let close = async () => {};

beforeEach(async () => {
  const temp = tempDir();
  const app = await openDemoCore(temp.dir, 5, () => new Date(clock));
  ({ core, users } = app);
  close = async () => {
    await core.close();
    await app.dispose();
    temp.cleanup();
  };
  // The demo county comes with a year of advice contacts; these tests count from an empty log.
  await core.db.deleteFrom('advice_contacts').execute();
});
afterEach(() => close());

const entry = { channel: 'PHONE', language: 'sv', topic: 'PARENTING', guidedTo: 'FAMILY_CENTRE' };

describe('the anonymous advice log', () => {
  it('logs a contact in one call, counts the day, and lets its author take it back within ten minutes only', async () => {
    const advice = users.filter((u) => u.role === 'ADVICE');
    await core.signIn(advice[0]!.username, DEMO_PASSWORD);
    const first = await dispatch(core, 'advice.log', entry);
    expect(first).toMatchObject({
      ok: true,
      value: { today: 1, mine: [{ topic: 'PARENTING', guidedTo: 'FAMILY_CENTRE', language: 'sv', undoable: true }] },
    });
    const id = (first as { value: AdviceToday }).value.mine[0]!.id;
    await dispatch(core, 'advice.log', { ...entry, topic: 'SCHOOL' });

    await core.signOut('USER');
    await core.signIn(advice[1]!.username, DEMO_PASSWORD);
    expect(await dispatch(core, 'advice.today', {})).toMatchObject({ ok: true, value: { today: 2, mine: [] } });
    expect(await dispatch(core, 'advice.undo', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await core.signOut('USER');
    await core.signIn(advice[0]!.username, DEMO_PASSWORD);
    clock += 11 * 60_000;
    expect(await dispatch(core, 'advice.undo', { id })).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } });
    clock -= 11 * 60_000;
    expect(await dispatch(core, 'advice.undo', { id })).toMatchObject({ ok: true, value: { today: 1 } });
  });

  it('accepts only the listed values, so no free text (or personal data) can enter it', async () => {
    await core.signIn(users.find((u) => u.role === 'ADVICE')!.username, DEMO_PASSWORD);
    for (const bad of [
      { ...entry, topic: 'Matti Meikäläinen, 010101-123N' },
      { ...entry, note: 'x' },
      { ...entry, guidedTo: '' },
    ]) {
      expect(await dispatch(core, 'advice.log', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const columns = await core.db.selectFrom('advice_contacts').selectAll().execute();
    expect(columns).toEqual([]);
  });
});
