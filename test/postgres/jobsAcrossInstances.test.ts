/**
 * Long jobs across two server instances on one PostgreSQL database (issue 20 item 6): a roster generation
 * runs on the instance its request reached; its user's progress polls and cancel reach the other (behind a
 * load balancer without sticky sessions) and still find it; a generation of the same month started through
 * the other instance, by anyone, is refused while the first runs; a cancel asked there stops it, and nothing
 * of it is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { County } from '../../main/app/county';
import { listen, type RunningServer } from '../../main/server/listen';
import { apiCall, signInOverHttps } from '../helpers/https';
import { createTestCounty, DEMO_PASSWORD, tempDir } from '../helpers/stores';

let county: Awaited<ReturnType<typeof createTestCounty>>;
const temp = tempDir();
const instances: { county: County; server: RunningServer }[] = [];

beforeAll(async () => {
  county = await createTestCounty(temp.dir, { cases: 0 });
  for (let n = 0; n < 2; n++) {
    const instance = new County({ ...county.options, version: 't' });
    await instance.start();
    instances.push({ county: instance, server: await listen({ county: instance, version: 't', port: 0 }) });
  }
});
afterAll(async () => {
  for (const { county: c, server } of instances) {
    await server.close();
    await c.close();
  }
  await county.dispose();
  temp.cleanup();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const userOf = (role: string) => county.summary!.users.find((u) => u.role === role)!.username;

describe('a roster generation seen from the other instance', () => {
  it('shows its progress there, refuses a second one of the month there, and stops on a cancel asked there', async () => {
    const [a, b] = instances.map((i) => i.server) as [RunningServer, RunningServer];
    const db = instances[0]!.county.db;
    const lead = await signInOverHttps(a, userOf('LEAD'), DEMO_PASSWORD);
    const advice = await signInOverHttps(b, userOf('ADVICE'), DEMO_PASSWORD);
    const before = await db.selectFrom('duty_assignments').selectAll().orderBy('id').execute();

    const running = apiCall(a, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: lead });
    // The lead's poll reaches instance B, which does not run the job: it reads what A keeps in the store.
    let seen = (await apiCall(b, 'roster.generateProgress', {}, { cookie: lead })).body;
    for (let i = 0; !seen.value && i < 500; i++) {
      await pause(10);
      seen = (await apiCall(b, 'roster.generateProgress', {}, { cookie: lead })).body;
    }
    expect(seen.value).toMatchObject({ phase: expect.stringMatching(/PREPARING|SOLVING/) });

    const second = await apiCall(b, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: advice });
    expect(second.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'rosterGenerationUnderway' } });
    expect((await apiCall(b, 'roster.generateProgress', {}, { cookie: advice })).body.value).toBeNull();

    const asked = Date.now();
    expect((await apiCall(b, 'roster.cancelGenerate', {}, { cookie: lead })).body).toEqual({ ok: true, value: true });
    const result = await running;
    expect(result.body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(Date.now() - asked).toBeLessThan(5000);
    expect((await apiCall(b, 'roster.generateProgress', {}, { cookie: lead })).body.value).toBeNull();
    expect(await db.selectFrom('running_jobs').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('duty_assignments').selectAll().orderBy('id').execute()).toEqual(before);

    // Ended, the month may be generated again, through either instance.
    const again = await apiCall(b, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: advice });
    expect(again.body.ok, JSON.stringify(again.body)).toBe(true);
  }, 60_000);
});
