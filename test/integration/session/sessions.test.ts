/**
 * Issue 17 items 1-2: many callers on one store. Each connection has its own session (who is signed in,
 * idle time, the password gate), so one caller never acts as another; and audited actions made at once
 * through several sessions each commit whole or are refused cleanly, with the audit chain intact.
 */
import { describe, expect, it } from 'vitest';
import { clientOf, TEST_NOW, unwrap, useDemoCore } from '../../helpers/core';
import { lastAuditEntry } from '../../helpers/queries';
import type { Result } from '../../../shared/errors';

let clock = TEST_NOW;
const app = useDemoCore(60, () => new Date(clock));

async function municipalityId() {
  return (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
}

async function registration(lastName: string) {
  return {
    type: 'LSL25' as const,
    channel: 'PHONE' as const,
    receivedAt: '2026-11-23T09:00:00+02:00',
    reporterCategory: 'SCHOOL' as const,
    municipalityId: await municipalityId(),
    children: [{ firstName: 'Samanaikainen', lastName, birthDate: '2015-05-05', hetu: '' }],
  };
}

describe('a session per caller', () => {
  it('a lead and an advice counsellor signed in at once each act as themselves', async () => {
    clock = TEST_NOW;
    await app.signInAs('LEAD');
    const lead = app.userOf('LEAD');
    const advice = await app.sessionAs('ADVICE');

    const registered = unwrap(await advice.api.cases.register(await registration('Neuvonta')));
    const event = await app.core.db
      .selectFrom('case_events as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select('u.username')
      .where('e.case_id', '=', registered.caseIds[0]!)
      .where('e.kind', '=', 'REGISTERED')
      .executeTakeFirstOrThrow();
    expect(event.username).toBe(advice.user.username);

    // The counsellor's refusal is the counsellor's, in the log too, and leaves the lead's session alone.
    const refused = await advice.api.users.list();
    expect(refused.ok).toBe(false);
    expect((await lastAuditEntry(app.core.db)).user_name).toBe(advice.user.username);
    expect(unwrap(await app.api.cases.queue({})).rows.length).toBeGreaterThan(0);
    expect((await lastAuditEntry(app.core.db)).user_name).toBe(lead.username);

    unwrap(await advice.api.session.signOut({ reason: 'USER' }));
    expect(unwrap(await advice.api.app.status()).phase).toBe('SIGNED_OUT');
    const status = unwrap(await app.api.app.status());
    expect(status.phase).toBe('SIGNED_IN');
    expect(status.user?.username).toBe(lead.username);
    expect((await advice.api.cases.queue({})).ok).toBe(false);
    expect(unwrap(await app.api.cases.queue({})).rows.length).toBeGreaterThan(0);
  });

  it('knows when the user signed in before, so the queue can mark what came in since', async () => {
    clock = TEST_NOW;
    const first = await app.sessionAs('ASSESSMENT_SW', 1);
    const before = unwrap(await first.api.app.status()).user!.previousSignInAt;
    unwrap(await first.api.session.signOut({ reason: 'USER' }));
    const firstSignIn = new Date(clock).toISOString();
    clock += 60 * 60_000;
    // A notification comes in while the worker is away; the next sign-in sees it as new.
    const advice = await app.sessionAs('ADVICE');
    const { caseIds } = unwrap(await advice.api.cases.register(await registration('Uutinen')));
    clock += 60 * 60_000;
    const again = await app.sessionAs('ASSESSMENT_SW', 1);
    const since = unwrap(await again.api.app.status()).user!.previousSignInAt;
    expect(since).toBe(firstSignIn);
    expect(since).not.toBe(before);
    const rows = unwrap(await again.api.cases.queue({ view: 'OPEN', limit: 500 })).rows;
    const registered = rows.find((r) => r.id === caseIds[0])!;
    expect(registered.createdAt).toBe(new Date(clock - 60 * 60_000).toISOString());
    expect(registered.createdAt > since!).toBe(true);
    // The cases that were there at the first sign-in are not new.
    expect(rows.filter((r) => r.createdAt <= since!).length).toBeGreaterThan(0);
  });

  it('signs out only the session that was idle', async () => {
    clock = TEST_NOW;
    await app.signInAs('LEAD');
    const sw = await app.sessionAs('ASSESSMENT_SW');
    clock += 10 * 60_000;
    unwrap(await app.api.cases.queue({}));
    clock += 10 * 60_000; // the social worker: 20 minutes without a call, the lead 10
    const expired = await sw.api.cases.queue({});
    expect(!expired.ok && expired.error.code).toBe('SESSION_EXPIRED');
    expect(unwrap(await app.api.cases.queue({})).rows.length).toBeGreaterThan(0);
  });

  it('holds a user whose password was reset to the password change, and nobody else', async () => {
    clock = TEST_NOW;
    await app.signInAs('LEAD');
    const worker = app.userOf('ADVICE', 1);
    const account = unwrap(await app.api.users.list()).find((u) => u.username === worker.username)!;
    unwrap(await app.api.users.resetPassword({ id: account.id, password: 'Väliaikainen-salasana-42' }));
    const held = app.core.newSession();
    await held.signIn(worker.username, 'Väliaikainen-salasana-42');
    const refused = await clientOf(held).cases.queue({});
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(unwrap(await app.api.cases.queue({})).rows.length).toBeGreaterThan(0);
    // Another session of a colleague is not held by it.
    const colleague = await app.sessionAs('ADVICE', 0);
    expect(unwrap(await colleague.api.cases.queue({})).rows.length).toBeGreaterThan(0);
  });
});

describe('many callers at once', () => {
  it('50 audited actions through 5 sessions: each committed or cleanly refused, the chain verifies', async () => {
    clock = TEST_NOW;
    await app.signInAs('LEAD');
    const sessions = [
      { core: app.core, api: app.api, role: 'LEAD' },
      ...(await Promise.all(
        (
          [
            ['ASSESSMENT_SW', 0],
            ['ADVICE', 0],
            ['ADVICE', 1],
            ['REGIONAL', 0],
          ] as const
        ).map(async ([role, nth]) => ({ ...(await app.sessionAs(role, nth)), role })),
      )),
    ];
    // Cases awaiting their urgency assessment, each aimed at by two social workers at the same moment.
    const targets: string[] = [];
    for (let i = 0; i < 10; i++)
      targets.push(...unwrap(await app.api.cases.register(await registration(`Kohde-${i}`))).caseIds);
    expect(targets).toHaveLength(10);
    const seqBefore = (await lastAuditEntry(app.core.db)).seq;
    const calls: Promise<Result<unknown>>[] = [];
    for (let i = 0; i < 50; i++) {
      const s = sessions[i % 5]!;
      const target = targets[Math.floor(i / 5)]!;
      if (s.role === 'LEAD' || s.role === 'ASSESSMENT_SW')
        calls.push(s.api.cases.recordUrgency({ id: target, urgent: i % 2 === 0 }));
      else if (s.role === 'ADVICE') calls.push(s.api.cases.register(await registration(`Rinnakkain-${i}`)));
      else calls.push(s.api.users.list()); // a regional worker: refused by role, and the refusal logged
    }
    const results = await Promise.all(calls);

    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => !['OK', 'WRONG_STATE', 'FORBIDDEN'].includes(c))).toEqual([]);
    // Exactly one of the two urgency records of each case committed; the other found it done.
    for (const id of targets) {
      const assessed = await app.core.db
        .selectFrom('case_events')
        .select('id')
        .where('case_id', '=', id)
        .where('kind', '=', 'URGENCY_ASSESSED')
        .execute();
      expect(assessed).toHaveLength(1);
    }
    expect(codes.filter((c) => c === 'WRONG_STATE')).toHaveLength(10);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(10);
    const registered = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('child_first_name', '=', 'Samanaikainen')
      .where('child_last_name', 'like', 'Rinnakkain-%')
      .execute();
    expect(registered).toHaveLength(20);
    // One entry per committed action and per refusal; the failed duplicates left none of their own.
    const entries = await app.core.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('seq', '>', seqBefore)
      .execute();
    const count = (action: string, outcome: string) =>
      entries.filter((e) => e.action === action && e.outcome === outcome).length;
    expect(count('cases.recordUrgency', 'OK')).toBe(10);
    expect(count('cases.register', 'OK')).toBe(20);
    expect(count('users.list', 'REFUSED')).toBe(10);
    const report = await app.verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
