/**
 * The county server over HTTPS (issue 20 items 1 and 2, first step): the same dispatcher as IPC behind a
 * session cookie whose token the store keeps only hashed; the CSRF header and Origin check, the body limit,
 * and sign-out ending the session for every instance (the row in the store), each refused call changing
 * nothing. Runs on both engines.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listen } from '../../../main/server/listen';
import { SIGN_INS_PER_MINUTE } from '../../../main/server/server';
import { SESSION_COOKIE } from '../../../shared/serverSession';
import { unwrap } from '../../helpers/core';
import { useServedDemo } from '../../helpers/servedDemo';
import { httpsCall, httpsGet } from '../../helpers/https';
import { storeDigest } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';

const served = useServedDemo(40);
const { app } = served;

const CSRF = { 'x-luukku-request': '1' };
const api = (operation: string, body: unknown, extra: { cookie?: string; headers?: Record<string, string> } = {}) =>
  httpsCall(served.server.url, served.server.cert!, `/api/${operation}`, {
    body,
    ...(extra.cookie ? { cookie: extra.cookie } : {}),
    headers: { ...CSRF, ...extra.headers },
  });

async function signIn(role: string) {
  const user = app.userOf(role);
  const reply = await api('session.signIn', { username: user.username, password: DEMO_PASSWORD });
  expect(reply.body.ok, JSON.stringify(reply.body)).toBe(true);
  const set = reply.setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return { set, cookie: set.split(';')[0]!, token: set.split(';')[0]!.split('=')[1]! };
}

describe('the county server over HTTPS', () => {
  it('answers /health without client data, on a self-signed certificate for localhost with its fingerprint', async () => {
    expect(served.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(served.server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const health = await httpsCall(served.server.url, served.server.cert!, '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, version: 't', store: 'READY', engine: app.core.county.engine });
  });

  it('serves the built renderer at / with the strict CSP, HSTS and no sniffing or framing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Luukku</title>');
    const withRenderer = await listen({ county: app.core.county, version: 't', port: 0, rendererDir: dir });
    try {
      const page = await httpsGet(withRenderer, '/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Luukku</title>');
      expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect((await httpsGet(withRenderer, '/../../etc/passwd')).status).toBe(404);
    } finally {
      await withRenderer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('signs in with an HttpOnly, Secure, SameSite=Strict cookie and answers exactly what IPC answers', async () => {
    const { set, cookie, token } = await signIn('LEAD');
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const overHttps = await api('cases.queue', { view: 'OPEN' }, { cookie });
    await app.signInAs('LEAD');
    const inProcess = unwrap(await app.api.cases.queue({ view: 'OPEN' }));
    expect(overHttps.body.ok).toBe(true);
    expect((overHttps.body.value as typeof inProcess).rows.map((r) => r.id)).toEqual(inProcess.rows.map((r) => r.id));
    // The store holds the token's hash only.
    const rows = await app.core.db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
  });

  it('refuses a call without a session, without the CSRF header, from another origin, or too large; nothing changes', async () => {
    const { cookie, token } = await signIn('LEAD');
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = await storeDigest(app.core.db);
    const none = await api('cases.queue', { view: 'OPEN' });
    expect(none.body.error?.code).toBe('NOT_SIGNED_IN');
    const noHeader = await httpsCall(served.server.url, served.server.cert!, '/api/cases.queue', {
      body: { view: 'OPEN' },
      cookie,
    });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error?.message).toMatch(/X-Luukku-Request/);
    const foreign = await api('cases.queue', { view: 'OPEN' }, { cookie, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const forged = await api('cases.queue', { view: 'OPEN' }, { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` });
    expect(forged.body.error?.code).toBe('NOT_SIGNED_IN');
    const huge = await httpsCall(served.server.url, served.server.cert!, '/api/cases.queue', {
      raw: JSON.stringify({ view: 'OPEN', text: 'x'.repeat(2 * 1024 * 1024) }),
      cookie,
      headers: CSRF,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('INVALID_INPUT');
    // A session idle past the county's limit: refused, and ended for every instance.
    const hash = createHash('sha256').update(token).digest('hex');
    await app.core.db
      .updateTable('sessions')
      .set({ last_activity: '2026-11-01T08:00:00.000Z' })
      .where('token_hash', '=', hash)
      .execute();
    const expired = await api('cases.queue', { view: 'OPEN' }, { cookie });
    expect(expired.body.error?.code).toBe('SESSION_EXPIRED');
    expect((await api('cases.queue', { view: 'OPEN' }, { cookie })).body.error?.code).toBe('NOT_SIGNED_IN');
    expect(await storeDigest(app.core.db)).not.toBe(before); // the session row records its end, nothing else:
    const ended = await app.core.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    expect(ended).toMatchObject({ ended_reason: 'IDLE' });

    // Each refusal is in the server's log with where it came from, and the log holds no token.
    const log = warned.mock.calls.map((c) => c.join(' ')).join('\n');
    warned.mockRestore();
    for (const line of [
      'POST /api/cases.queue from 127.0.0.1: NOT_SIGNED_IN',
      'X-Luukku-Request',
      'another site',
      'too large',
    ])
      expect(log).toContain(line);
    expect(log).not.toContain(token);
  });

  it('slows 1,000 rapid sign-ins from one address to a trickle; none gets in and nothing else changes', async () => {
    const before = await storeDigest(app.core.db);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const username = app.userOf('ADVICE').username;
    const statuses: number[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const replies = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          api('session.signIn', { username, password: `arvaus-${wave}-${i}-Salasana!` }),
        ),
      );
      statuses.push(...replies.map((r) => r.status));
      for (const r of replies.filter((r) => r.status === 429)) expect(r.body.error?.code).toBe('RATE_LIMITED');
      for (const r of replies) expect(r.setCookie.join(';')).not.toContain(`${SESSION_COOKIE}=`);
    }
    const log = warned.mock.calls.map((c) => c.join(' ')).join('\n');
    warned.mockRestore();
    expect(log).toContain('POST /api/session.signIn from 127.0.0.1: too many requests');
    const limited = statuses.filter((s) => s === 429).length;
    expect(statuses.length).toBe(1000);
    expect(limited).toBeGreaterThanOrEqual(1000 - SIGN_INS_PER_MINUTE);
    expect(await app.core.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    // What the guesses that were checked left: the user name's failure count, nothing else.
    const after = await app.core.db.selectFrom('sign_in_failures').selectAll().execute();
    expect(after.map((f) => f.username)).toEqual([username]);
    expect(await storeDigest(app.core.db)).not.toBe(before);
    await app.core.db.deleteFrom('sign_in_failures').execute();
    expect(await storeDigest(app.core.db)).toBe(before);
  });

  it('believes X-Forwarded-For only from the load balancer it was told to trust', async () => {
    const behind = await listen({ county: app.core.county, version: 't', port: 0, trustProxy: '127.0.0.1' });
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const forwarded = { ...CSRF, 'x-forwarded-for': '10.20.30.40' };
      await httpsCall(behind.url, behind.cert!, '/api/cases.queue', { body: {}, headers: forwarded });
      await api('cases.queue', {}, { headers: { 'x-forwarded-for': '10.20.30.40' } });
      const log = warned.mock.calls.map((c) => c.join(' '));
      expect(log).toEqual([
        expect.stringContaining('from 10.20.30.40: NOT_SIGNED_IN'),
        expect.stringContaining('from 127.0.0.1: NOT_SIGNED_IN'),
      ]);
    } finally {
      warned.mockRestore();
      await behind.close();
    }
  });

  it('tells a page built for another release to reload, and answers nothing else to it', async () => {
    const { cookie } = await signIn('LEAD');
    const before = await storeDigest(app.core.db);
    const old = await api(
      'cases.recordUrgency',
      { id: 'x', urgent: true },
      { cookie, headers: { 'x-luukku-version': '0.0.9' } },
    );
    expect(old.status).toBe(409);
    expect(old.body.error).toMatchObject({ code: 'WRONG_STATE', key: 'clientOutdated', params: { version: 't' } });
    expect(await storeDigest(app.core.db)).toBe(before);
    // The same release (a build tag aside) is answered.
    const same = await api('cases.queue', {}, { cookie, headers: { 'x-luukku-version': 't-e2e' } });
    expect(same.body.ok).toBe(true);
  });

  it('never lets the network open, create or restore the store', async () => {
    for (const operation of ['store.unlock', 'store.create', 'store.restoreLatest']) {
      const reply = await api(operation, { passphrase: 'anything at all here' });
      expect(reply.status, operation).toBe(403);
      expect(reply.body.error?.message).toMatch(/opens its store itself/);
    }
  });

  it('ends the session on sign-out: the cookie is cleared, and the token replayed is refused', async () => {
    const { cookie } = await signIn('ADVICE');
    const out = await api('session.signOut', { reason: 'USER' }, { cookie });
    expect(out.body.ok).toBe(true);
    expect(out.setCookie.join(';')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    const replay = await api('cases.queue', { view: 'OPEN' }, { cookie });
    expect(replay.body.error?.code).toBe('NOT_SIGNED_IN');
    const row = await app.core.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.ended_reason).toBe('USER');
  });
});
