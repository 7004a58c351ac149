/**
 * Long jobs across two server instances on one PostgreSQL database (issue 20 item 6): a roster generation
 * runs on the instance its request reached; its user's progress polls and cancel reach the other (behind a
 * load balancer without sticky sessions) and still find it; a generation of the same month started through
 * the other instance, by anyone, is refused while the first runs; a cancel asked there stops it, and nothing
 * of it is saved. A job's row left behind by an instance that died stops no later job and is cleared away.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { County } from '../../main/app/county';
import { listen, type RunningServer } from '../../main/server/listen';
import { LOCKS } from '../../main/store/postgres';
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
    // Another writer holds the county's write lock, so the generation waits to save what it solved (a solve
    // takes under a second here, less than a cancel from another instance may take to arrive).
    const writer = new pg.Client({ connectionString: county.options.database });
    await writer.connect();
    await writer.query('SELECT pg_advisory_lock($1)', [LOCKS.write]);
    try {
      const running = apiCall(a, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: lead });
      // The lead's poll reaches instance B, which does not run the job: it reads what A keeps in the store.
      const poll = async () => (await apiCall(b, 'roster.generateProgress', {}, { cookie: lead })).body.value;
      let seen = await poll();
      for (let i = 0; (seen as { phase?: string } | null)?.phase !== 'SAVING' && i < 1000; i++) {
        await pause(10);
        seen = await poll();
      }
      expect(seen).toMatchObject({ phase: 'SAVING' });

      const second = await apiCall(b, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: advice });
      expect(second.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'rosterGenerationUnderway' } });
      expect((await apiCall(b, 'roster.generateProgress', {}, { cookie: advice })).body.value).toBeNull();

      expect((await apiCall(b, 'roster.cancelGenerate', {}, { cookie: lead })).body).toEqual({ ok: true, value: true });
      // Instance A reads the cancel back with its next progress report, within a second.
      await pause(2500);
      await writer.query('SELECT pg_advisory_unlock($1)', [LOCKS.write]);
      const result = await running;
      expect(result.body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      await writer.end();
    }
    expect((await apiCall(b, 'roster.generateProgress', {}, { cookie: lead })).body.value).toBeNull();
    expect(await db.selectFrom('running_jobs').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('duty_assignments').selectAll().orderBy('id').execute()).toEqual(before);

    // Ended, the month may be generated again, through either instance.
    const again = await apiCall(b, 'roster.generate', { kind: 'MONTH', month: '2027-03' }, { cookie: advice });
    expect(again.body.ok, JSON.stringify(again.body)).toBe(true);
  }, 60_000);

  it('is not stopped by what an instance that died left behind, and clears such rows away', async () => {
    const [a] = instances.map((i) => i.server) as [RunningServer];
    const db = instances[0]!.county.db;
    const lead = county.summary!.users.find((u) => u.role === 'LEAD')!;
    const leadId = (
      await db.selectFrom('users').select('id').where('username', '=', lead.username).executeTakeFirstOrThrow()
    ).id;
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    // The lead's generation was cancelled from another instance just as the instance running it died; and
    // someone's import died with its instance a day ago.
    await db
      .insertInto('running_jobs')
      .values([
        { job_key: `roster:${leadId}`, user_id: leadId, progress: '{}', updated_at: hourAgo, cancel_requested: 1 },
        { job_key: 'import:u-gone', user_id: leadId, progress: '{}', updated_at: hourAgo, cancel_requested: 0 },
      ])
      .execute();
    const cookie = await signInOverHttps(a, lead.username, DEMO_PASSWORD);
    const generated = await apiCall(a, 'roster.generate', { kind: 'MONTH', month: '2027-04' }, { cookie });
    expect(generated.body.ok, JSON.stringify(generated.body)).toBe(true);
    expect(await db.selectFrom('running_jobs').selectAll().execute()).toEqual([]);
  }, 60_000);
});
