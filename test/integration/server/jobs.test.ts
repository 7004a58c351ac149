/**
 * Long jobs through the county server (issue 20 item 6): the server takes every request up on a Core of its
 * own, so a roster generation's progress poll and its cancel are other requests than the one that runs it.
 * They still reach the job (it belongs to its user); a second generation of the same month, by anyone, is
 * refused while the first runs; cancelling changes nothing. Both engines.
 */
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../../helpers/servedDemo';
import { apiCall } from '../../helpers/https';

const served = useServedDemo(0);
const { app } = served;

const call = (operation: string, body: unknown, cookie: string) => apiCall(served.server, operation, body, { cookie });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const duties = () => app.core.db.selectFrom('duty_assignments').selectAll().orderBy('id').execute();

describe('a roster generation through the county server', () => {
  it('shows its progress to the polls of its user, refuses a second one of the month, and stops on cancel', async () => {
    const lead = await served.signIn('LEAD');
    const advice = await served.signIn('ADVICE');
    const before = await duties();

    const running = call('roster.generate', { kind: 'MONTH', month: '2027-03' }, lead);
    let progress = (await call('roster.generateProgress', {}, lead)).body;
    for (let i = 0; !progress.value && i < 400; i++) {
      await pause(10);
      progress = (await call('roster.generateProgress', {}, lead)).body;
    }
    expect(progress.ok).toBe(true);
    expect(progress.value).toMatchObject({ phase: expect.stringMatching(/PREPARING|SOLVING/) });
    // Someone else's progress poll sees no job of theirs; their generation of the same month is refused.
    expect((await call('roster.generateProgress', {}, advice)).body).toEqual({ ok: true, value: null });
    const second = await call('roster.generate', { kind: 'MONTH', month: '2027-03' }, advice);
    expect(second.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'rosterGenerationUnderway' } });
    // Nor can they cancel it: a cancel reaches the user's own job only.
    expect((await call('roster.cancelGenerate', {}, advice)).body).toEqual({ ok: true, value: false });

    expect((await call('roster.cancelGenerate', {}, lead)).body).toEqual({ ok: true, value: true });
    expect((await running).body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await call('roster.generateProgress', {}, lead)).body).toEqual({ ok: true, value: null });
    expect(await duties()).toEqual(before);

    // Once it has ended, the month may be generated again, by anyone allowed to.
    const again = await call('roster.generate', { kind: 'MONTH', month: '2027-03' }, advice);
    expect(again.body.ok, JSON.stringify(again.body)).toBe(true);
    expect((again.body.value as { assignments: number }).assignments).toBeGreaterThan(50);
  }, 60_000);
});
