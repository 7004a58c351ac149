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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../../main/server/listen';
import { SESSION_COOKIE } from '../../../main/server/sessions';
import { unwrap, useDemoCore } from '../../helpers/core';
import { httpsCall, httpsGet } from '../../helpers/https';
import { storeDigest } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';

const app = useDemoCore(40);
let server: RunningServer;
beforeEach(async () => {
  server = await listen({ county: app.core.county, version: 't', port: 0 });
});
afterEach(async () => {
  await server.close();
});

const CSRF = { 'x-luukku-request': '1' };
const api = (operation: string, body: unknown, extra: { cookie?: string; headers?: Record<string, string> } = {}) =>
  httpsCall(server.url, server.cert!, `/api/${operation}`, {
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
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const health = await httpsCall(server.url, server.cert!, '/health');
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
    const { cookie } = await signIn('LEAD');
    const before = await storeDigest(app.core.db);
    const none = await api('cases.queue', { view: 'OPEN' });
    expect(none.body.error?.code).toBe('NOT_SIGNED_IN');
    const noHeader = await httpsCall(server.url, server.cert!, '/api/cases.queue', { body: { view: 'OPEN' }, cookie });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error?.message).toMatch(/X-Luukku-Request/);
    const foreign = await api('cases.queue', { view: 'OPEN' }, { cookie, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const forged = await api('cases.queue', { view: 'OPEN' }, { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` });
    expect(forged.body.error?.code).toBe('NOT_SIGNED_IN');
    const huge = await httpsCall(server.url, server.cert!, '/api/cases.queue', {
      raw: JSON.stringify({ view: 'OPEN', text: 'x'.repeat(2 * 1024 * 1024) }),
      cookie,
      headers: CSRF,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('INVALID_INPUT');
    expect(await storeDigest(app.core.db)).toBe(before);
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
