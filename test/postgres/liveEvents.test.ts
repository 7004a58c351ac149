/**
 * Live updates across two server instances on one PostgreSQL database (issue 20 items 5 and 6): a change
 * committed through either instance (or by a third process, as the admin CLI is) reaches the streams of
 * both within 2 s, through LISTEN/NOTIFY; a session made on one instance works on the other; and when an
 * instance's listening connection is cut, it listens again and tells its pages to refresh everything, since
 * what was committed meanwhile was not heard.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { County } from '../../main/app/county';
import { Core } from '../../main/app/core';
import { listen, type RunningServer } from '../../main/server/listen';
import { SESSION_COOKIE } from '../../shared/serverSession';
import { CHANGES_CHANNEL } from '../../main/store/postgresChanges';
import { clientOf } from '../helpers/core';
import { httpsCall, httpsEvents, type EventStream, type ServerEvent } from '../helpers/https';
import { createTestCounty, DEMO_PASSWORD, tempDir } from '../helpers/stores';
import { phoneNotification } from '../helpers/sampleCalls';

let county: Awaited<ReturnType<typeof createTestCounty>>;
const temp = tempDir();
const instances: { county: County; server: RunningServer }[] = [];
const streams: EventStream[] = [];

beforeAll(async () => {
  county = await createTestCounty(temp.dir, { cases: 30 });
  for (let n = 0; n < 2; n++) {
    const instance = new County({ ...county.options, version: 't' });
    await instance.start();
    instances.push({ county: instance, server: await listen({ county: instance, version: 't', port: 0 }) });
  }
});
afterAll(async () => {
  for (const s of streams) s.close();
  for (const { county: c, server } of instances) {
    await server.close();
    await c.close();
  }
  await county.dispose();
  temp.cleanup();
});

const call = (server: RunningServer, operation: string, body: unknown, cookie?: string) =>
  httpsCall(server.url, server.cert!, `/api/${operation}`, {
    body,
    ...(cookie ? { cookie } : {}),
    headers: { 'x-luukku-request': '1' },
  });

async function signIn(server: RunningServer, role: string) {
  const username = county.summary!.users.find((u) => u.role === role)!.username;
  const reply = await call(server, 'session.signIn', { username, password: DEMO_PASSWORD });
  expect(reply.body.ok, JSON.stringify(reply.body)).toBe(true);
  return reply.setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
}

async function streamOn(server: RunningServer, cookie: string) {
  const stream = await httpsEvents(server, cookie);
  streams.push(stream);
  expect(stream.status).toBe(200);
  await stream.next((e) => e.event === 'ready');
  return stream;
}

const naming = (id: string) => (e: ServerEvent) =>
  e.event === 'message' && !!(e.data as { caseIds: string[] | null }).caseIds?.includes(id);

describe('two server instances on one database', () => {
  it('deliver every change to the streams of both, whichever instance or process made it', async () => {
    const [a, b] = instances.map((i) => i.server) as [RunningServer, RunningServer];
    const leadCookie = await signIn(a, 'LEAD');
    const leadOnA = await streamOn(a, leadCookie);
    // The same session, taken up by the other instance: it knows the token from the store.
    const leadOnB = await streamOn(b, leadCookie);
    const adviceCookie = await signIn(b, 'ADVICE');

    const municipalityId = (
      await instances[0]!.county.db.selectFrom('municipalities').select('id').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    const sent = Date.now();
    const registered = await call(
      b,
      'cases.register',
      phoneNotification(municipalityId, [{ firstName: 'Toinen', lastName: 'Instanssi', birthDate: '2016-03-03' }]),
      adviceCookie,
    );
    expect(registered.body.ok, JSON.stringify(registered.body)).toBe(true);
    const [caseId] = (registered.body.value as { caseIds: string[] }).caseIds;
    for (const stream of [leadOnA, leadOnB]) {
      const heard = await stream.next(naming(caseId!), 2000);
      expect(heard.at - sent).toBeLessThan(2000);
    }

    // A third process on the database (as the admin CLI is): its change is heard by both instances too.
    const third = new Core({ ...county.options, version: 't' });
    await third.start();
    try {
      await third.signIn(county.summary!.users.find((u) => u.role === 'LEAD')!.username, DEMO_PASSWORD);
      const urgency = await clientOf(third).cases.recordUrgency({ id: caseId!, urgent: true });
      expect(urgency.ok, JSON.stringify(urgency)).toBe(true);
    } finally {
      await third.close();
    }
    for (const stream of [leadOnA, leadOnB])
      await stream.next((e) => naming(caseId!)(e) && e !== stream.events.find(naming(caseId!)), 2000);
  });

  it('listens again after its connection is cut, and tells its pages to refresh everything', async () => {
    const a = instances[0]!.server;
    const stream = await streamOn(a, await signIn(a, 'LEAD'));
    const admin = new pg.Client({ connectionString: county.options.database });
    await admin.connect();
    try {
      const cut = await admin.query(
        `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
          WHERE application_name = 'luukku-changes' AND query ILIKE $1`,
        [`%LISTEN ${CHANGES_CHANNEL}%`],
      );
      expect(cut.rows.length).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    const everything = await stream.next(
      (e) => e.event === 'message' && (e.data as { caseIds: unknown }).caseIds === null,
      5000,
    );
    expect(everything.data).toMatchObject({ created: true });
    expect((everything.data as { topics: string[] }).topics).toEqual(expect.arrayContaining(['cases', 'roster']));
  });
});
