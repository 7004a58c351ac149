/**
 * Live updates over HTTPS (issue 20 item 5): each signed-in session's event stream hears, within 2 s, what
 * was committed anywhere, in that session's scope only; reads and refused calls are not changes; a session
 * that ends loses its stream at once. Runs on both engines (on PostgreSQL the events come back through
 * LISTEN/NOTIFY; test/postgres/liveEvents.test.ts has two instances).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../../main/server/listen';
import { SESSION_COOKIE } from '../../../shared/serverSession';
import { useDemoCore } from '../../helpers/core';
import { apiCall, httpsEvents, signInOverHttps, type EventStream, type ServerEvent } from '../../helpers/https';
import { DEMO_PASSWORD } from '../../helpers/stores';
import { phoneNotification } from '../../helpers/sampleCalls';

const app = useDemoCore(40);
let server: RunningServer;
const open: EventStream[] = [];
beforeEach(async () => {
  server = await listen({ county: app.core.county, version: 't', port: 0 });
});
afterEach(async () => {
  for (const stream of open.splice(0)) stream.close();
  await server.close();
});

const api = (operation: string, body: unknown, cookie?: string) => apiCall(server, operation, body, { cookie });

async function signedIn(role: string) {
  const { username } = app.userOf(role);
  const user = await app.core.db
    .selectFrom('users')
    .select(['id', 'username', 'staff_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const cookie = await signInOverHttps(server, user.username, DEMO_PASSWORD);
  const stream = await httpsEvents(server, cookie);
  open.push(stream);
  expect(stream.status).toBe(200);
  await stream.next((e) => e.event === 'ready');
  return { user, cookie, stream };
}

interface Change {
  topics: string[];
  caseIds: string[] | null;
  created: boolean;
}
const changes = (stream: EventStream) =>
  stream.events.filter((e) => e.event === 'message').map((e) => e.data as Change);
const naming = (id: string) => (e: ServerEvent) => e.event === 'message' && !!(e.data as Change).caseIds?.includes(id);

/** A municipality outside the regional worker's area: cases there are not theirs to see. */
async function municipalityOutside(regionalStaffId: string): Promise<string> {
  const db = app.core.db;
  const staff = await db
    .selectFrom('staff')
    .select('area_id')
    .where('id', '=', regionalStaffId)
    .executeTakeFirstOrThrow();
  return (
    await db
      .selectFrom('municipalities')
      .select('id')
      .where('area_id', '!=', staff.area_id!)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const siblings = (municipalityId: string) =>
  phoneNotification(municipalityId, [
    { firstName: 'Eetu', lastName: 'Sisarus', birthDate: '2015-05-05' },
    { firstName: 'Elli', lastName: 'Sisarus', birthDate: '2018-02-01' },
  ]);

describe('live updates from the county server', () => {
  it('tells each session within 2 s what changed in its own scope, and nothing outside it', async () => {
    const lead = await signedIn('LEAD');
    const regional = await signedIn('REGIONAL');
    const advice = await signedIn('ADVICE');
    const elsewhere = await municipalityOutside(regional.user.staff_id!);

    const sent = Date.now();
    const registered = await api('cases.register', siblings(elsewhere), advice.cookie);
    expect(registered.body.ok, JSON.stringify(registered.body)).toBe(true);
    const [first, second] = (registered.body.value as { caseIds: string[] }).caseIds;
    const heard = await lead.stream.next(naming(first!), 2000);
    expect(heard.at - sent).toBeLessThan(2000);
    expect(heard.data).toMatchObject({ topics: ['cases'], created: true });
    expect((heard.data as Change).caseIds).toEqual(expect.arrayContaining([first, second]));
    // The registering counsellor's own page showed the new cases itself: their stream is not told again.

    // The regional worker's stream named neither child: the cases are in another area.
    await new Promise((r) => setTimeout(r, 300));
    expect(changes(advice.stream)).toEqual([]);
    expect(changes(regional.stream).some((c) => c.caseIds?.includes(first!) || c.caseIds?.includes(second!))).toBe(
      false,
    );
    expect((await api('cases.get', { id: first }, regional.cookie)).body.error?.code).toBe('FORBIDDEN');

    // The lead moves one sibling to the regional worker: now theirs, named to them, with a message.
    const before = Date.now();
    const moved = await api(
      'cases.reassign',
      { caseIds: [first], toUserId: regional.user.id, reason: 'Alueen työntekijälle' },
      lead.cookie,
    );
    expect(moved.body.ok, JSON.stringify(moved.body)).toBe(true);
    const theirs = await regional.stream.next(naming(first!), 2000);
    expect(theirs.at - before).toBeLessThan(2000);
    expect((theirs.data as Change).topics).toEqual(expect.arrayContaining(['cases', 'inbox']));
    expect((theirs.data as Change).caseIds).not.toContain(second);
    const inbox = await api('inbox.list', {}, regional.cookie);
    expect(inbox.body.value).toMatchObject({ unread: 1, items: [{ kind: 'CASES_RECEIVED', caseIds: [first] }] });
    expect((await api('cases.get', { id: first }, regional.cookie)).body.ok).toBe(true);
  });

  it('sends nothing for reads and refused calls, nor a session its own change', async () => {
    const lead = await signedIn('LEAD');
    const advice = await signedIn('ADVICE');
    const triage = await signedIn('ASSESSMENT_SW');
    const queue = await api('cases.queue', { view: 'OPEN' }, advice.cookie);
    expect(queue.body.ok).toBe(true);
    const db = app.core.db;
    const caseId = (await db.selectFrom('cases').select('id').where('status', '=', 'NEW').executeTakeFirstOrThrow()).id;
    // The counsellor's role may not reassign.
    const refused = await api(
      'cases.reassign',
      { caseIds: [caseId], toUserId: lead.user.id, reason: 'Siirto' },
      advice.cookie,
    );
    expect(refused.body.error?.code).toBe('FORBIDDEN');
    await api('cases.get', { id: caseId }, lead.cookie);
    // Then a real change: the first event the lead hears is that one.
    const urgent = await api('cases.recordUrgency', { id: caseId, urgent: false }, triage.cookie);
    expect(urgent.body.ok, JSON.stringify(urgent.body)).toBe(true);
    await lead.stream.next(naming(caseId), 2000);
    expect(changes(lead.stream)).toEqual([{ topics: ['cases'], caseIds: [caseId], created: false }]);
    // The social worker's own page refreshed after the action: their stream is not told of it again.
    await advice.stream.next(naming(caseId), 2000);
    expect(changes(triage.stream)).toEqual([]);
  });

  it('refuses a stream without a live session or from another site, and ends it when the session ends', async () => {
    expect((await httpsEvents(server, undefined)).status).toBe(401);
    expect((await httpsEvents(server, `${SESSION_COOKIE}=${'A'.repeat(43)}`)).status).toBe(401);
    const lead = await signedIn('LEAD');
    expect((await httpsEvents(server, lead.cookie, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await httpsEvents(server, lead.cookie, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);

    const signedOut = await api('session.signOut', { reason: 'USER' }, lead.cookie);
    expect(signedOut.body.ok).toBe(true);
    await lead.stream.next((e) => e.event === 'ended', 2000);
    await lead.stream.closed;
    // The token replayed after sign-out opens no stream.
    expect((await httpsEvents(server, lead.cookie)).status).toBe(401);
  });
});
