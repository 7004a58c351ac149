/**
 * A team lead sees who is signed in through the county server and ends a session (issue 20 item 2): the
 * person is out at once, on every instance (the row in the store), their live stream closes, the ending is
 * audited; a lead cannot end their own session this way, and other roles cannot end any. Both engines.
 */
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../../helpers/servedDemo';
import { apiCall, httpsEvents } from '../../helpers/https';

const served = useServedDemo(10);
const { app } = served;

const call = (operation: string, body: unknown, cookie: string) => apiCall(served.server, operation, body, { cookie });
const { signIn } = served;

interface Listed {
  id: string;
  username: string;
  current: boolean;
}

describe('the sessions a team lead sees', () => {
  it('lists who is signed in and ends a session at once, audited; never the lead’s own', async () => {
    const lead = await signIn('LEAD');
    const advice = await signIn('ADVICE');
    const stream = await httpsEvents(served.server, advice);
    await stream.next((e) => e.event === 'ready');

    const listed = (await call('sessions.list', {}, lead)).body.value as Listed[];
    const mine = listed.find((s) => s.current)!;
    const theirs = listed.find((s) => s.username === app.userOf('ADVICE').username)!;
    expect(mine.username).toBe(app.userOf('LEAD').username);
    expect(theirs.current).toBe(false);
    expect(listed).toHaveLength(2);

    // The counsellor may not end anyone's session; the lead may not end their own this way.
    expect((await call('sessions.end', { id: mine.id }, advice)).body.error?.code).toBe('FORBIDDEN');
    expect((await call('sessions.end', { id: mine.id }, lead)).body.error).toMatchObject({ key: 'ownSession' });

    const ended = await call('sessions.end', { id: theirs.id }, lead);
    expect(ended.body.ok, JSON.stringify(ended.body)).toBe(true);
    expect((ended.body.value as Listed[]).map((s) => s.id)).toEqual([mine.id]);
    await stream.next((e) => e.event === 'ended', 2000);
    expect((await call('cases.queue', {}, advice)).body.error?.code).toBe('NOT_SIGNED_IN');
    expect((await call('sessions.end', { id: theirs.id }, lead)).body.error?.code).toBe('NOT_FOUND');
    const logged = await app.core.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'user_name'])
      .where('action', '=', 'sessions.end')
      .orderBy('seq')
      .execute();
    expect(logged.filter((l) => l.outcome === 'OK')).toEqual([
      { action: 'sessions.end', outcome: 'OK', user_name: app.userOf('LEAD').username },
    ]);
    stream.close();
  });
});
