/**
 * The desktop app's main process as a client of the county server (issue 20 item 4, main/client): against
 * the real server over HTTPS, on both engines. The certificate read once and confirmed by its fingerprint is
 * the one the server prints; with it pinned, calls answer exactly what in-process dispatch answers and the
 * session cookie stays in the client (never in an answer); a server with another certificate is sent nothing;
 * a server out of reach is NO_CONNECTION with nothing saved; an app of another release is told to update.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CountyServerClient,
  fetchServerCertificate,
  type CountyServerOptions,
  type ServerTrust,
} from '../../../main/client/countyServerClient';
import type { LiveEvent } from '../../../shared/liveChanges';
import { phoneNotification } from '../../helpers/sampleCalls';
import { dispatch } from '../../../main/ipc/dispatcher';
import { Core } from '../../../main/app/core';
import { readCountyServerConfig } from '../../../main/client/countyServerConfig';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { listen, selfSigned, type RunningServer } from '../../../main/server/listen';
import { useDemoCore } from '../../helpers/core';
import { countRows } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';
import { apiCall, signInOverHttps } from '../../helpers/https';

const app = useDemoCore(20);
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
/** The release of the server and of the app, alike unless a test says otherwise. */
const VERSION = '1.2.0';
const serve = async (port = 0) => {
  const server = await listen({ county: app.core.county, version: VERSION, port });
  servers.push(server);
  return server;
};
const clientOf = (url: string, trust: ServerTrust, options: Partial<CountyServerOptions> = {}) =>
  new CountyServerClient({ url, trust, version: VERSION, ...options });
const signInLead = (client: CountyServerClient) =>
  client.call('session.signIn', { username: app.userOf('LEAD').username, password: DEMO_PASSWORD });

describe('the desktop app on the county server', () => {
  it('pins the certificate the user confirmed and answers what in-process dispatch answers', async () => {
    const server = await serve();
    const seen = await fetchServerCertificate(server.url);
    expect(seen.fingerprint).toBe(server.fingerprint);

    const client = clientOf(server.url, { kind: 'PINNED', certificate: seen.certificate });
    const signedIn = await signInLead(client);
    expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
    expect(client.hasSession).toBe(true);
    expect(JSON.stringify(signedIn)).not.toContain('luukku_session');

    const overServer = await client.call('cases.queue', { view: 'OPEN' });
    await app.signInAs('LEAD');
    const inProcess = await dispatch(app.core, 'cases.queue', { view: 'OPEN' });
    expect(overServer).toEqual(inProcess);

    // Bad input and a role's refusal come back as the dispatcher words them.
    expect(await client.call('cases.get', { id: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const out = await client.call('session.signOut', { reason: 'USER' });
    expect(out.ok).toBe(true);
    expect(client.hasSession).toBe(false);
    expect(await client.call('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('sends nothing to a server with another certificate, and says NO_CONNECTION when the server is gone', async () => {
    const first = await serve();
    const pinned = await fetchServerCertificate(first.url);
    const port = Number(new URL(first.url).port);
    await first.close();
    servers.splice(0);
    const client = clientOf(
      first.url,
      { kind: 'PINNED', certificate: pinned.certificate },
      { retryDelaysMs: [50, 50] },
    );

    // Nobody listens: the call is tried again, then the answer says nothing may have been saved.
    const gone = await signInLead(client);
    expect(gone).toMatchObject({ ok: false, error: { code: 'NO_CONNECTION' } });

    // Another server on the same address with a certificate of its own (as an impostor would be): refused by
    // the workstation before a byte of the call is sent, so the store logs no sign-in at all.
    const impostor = await serve(port);
    expect(impostor.fingerprint).not.toBe(pinned.fingerprint);
    const logged = await countRows(app.core.db, 'audit_log');
    const refused = await signInLead(client);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_CONNECTION', key: 'serverCertificateChanged' } });
    expect(await countRows(app.core.db, 'audit_log')).toBe(logged);
    expect(client.hasSession).toBe(false);
  });

  it('trusts a server whose certificate the county CA signed, and tells an app of another release to update', async () => {
    const server = await serve();
    // The trial certificate is its own CA: trusted as the county's CA file here.
    const client = clientOf(server.url, { kind: 'CA', ca: server.cert! }, { version: '0.9.0' });
    const outdated = await signInLead(client);
    expect(outdated).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE', key: 'clientOutdated', params: { version: '1.2.0' } },
    });
    expect(client.hasSession).toBe(false);
  });

  it('sends a call whose connection was cut again with the same idempotency key', async () => {
    // A server that cuts the first connection before answering, as a dropped network does.
    const pems = await selfSigned();
    const keys: string[] = [];
    const flaky = createServer({ cert: pems.cert, key: pems.key }, (req, res) => {
      keys.push(String(req.headers['idempotency-key']));
      if (keys.length === 1) return req.socket.destroy();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, value: { caseIds: ['x'] } }));
    });
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', r));
    try {
      const client = clientOf(
        `https://127.0.0.1:${(flaky.address() as AddressInfo).port}`,
        { kind: 'PINNED', certificate: pems.cert },
        { retryDelaysMs: [50] },
      );
      expect(await client.call('cases.register', {})).toEqual({ ok: true, value: { caseIds: ['x'] } });
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      flaky.close();
    }
  });

  it('passes the session’s live updates on from the server, and says when the stream is over', async () => {
    const server = await serve();
    const client = clientOf(server.url, { kind: 'PINNED', certificate: server.cert! });
    expect((await signInLead(client)).ok).toBe(true);
    const events: (LiveEvent & { at: number })[] = [];
    const wait = async (match: (e: LiveEvent) => boolean, ms = 2000) => {
      const until = Date.now() + ms;
      while (!events.some(match) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return events.find(match);
    };
    const close = client.openEvents((event) => events.push({ ...event, at: Date.now() }));
    expect(await wait((e) => e.type === 'ready')).toBeTruthy();

    // A counsellor registers at another workstation: the lead's desktop hears of it within 2 s.
    const advice = await signInOverHttps(server, app.userOf('ADVICE').username, DEMO_PASSWORD);
    const municipalityId = (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
    const sent = Date.now();
    const registered = await apiCall(
      server,
      'cases.register',
      phoneNotification(municipalityId, [{ firstName: 'Työ', lastName: 'Asema', birthDate: '2017-02-02' }]),
      { cookie: advice },
    );
    const [caseId] = (registered.body.value as { caseIds: string[] }).caseIds;
    const heard = await wait((e) => e.type === 'message' && e.data.includes(caseId!));
    expect(heard, JSON.stringify(events)).toBeTruthy();
    expect((heard as { at: number }).at - sent).toBeLessThan(2000);

    // Signed out (here through the same client): the server ends the stream, and it says so once.
    expect((await client.call('session.signOut', { reason: 'USER' })).ok).toBe(true);
    expect(await wait((e) => e.type === 'ended' || e.type === 'closed')).toBeTruthy();
    close();

    // A stream asked for without a session is refused: closed at once.
    const refused: LiveEvent[] = [];
    client.openEvents((event) => refused.push(event));
    await new Promise((r) => setTimeout(r, 500));
    expect(refused).toEqual([{ type: 'closed' }]);
  });

  it('lets the first start choose the county server: the fingerprint shown, confirmed, pinned, and the app restarted', async () => {
    const server = await serve();
    const dir = mkdtempSync(join(tmpdir(), 'luukku-first-start-'));
    const configPath = join(dir, 'county-server.json');
    const restart = vi.fn();
    const workstation = new Core({
      storePath: join(dir, 'luukku.db'),
      version: VERSION,
      countyServerChoice: { configPath, restart },
    });
    await workstation.start();
    try {
      const probed = await dispatch(workstation, 'setup.probeServer', { url: `${server.url}/` });
      expect(probed).toEqual({ ok: true, value: { url: server.url, fingerprint: server.fingerprint } });

      // Another fingerprint than the server's (what an impostor in between would show): nothing recorded.
      const other = server.fingerprint!.replace(/^[0-9A-F]{2}/, (h) => (h === '00' ? '11' : '00'));
      expect(await dispatch(workstation, 'setup.useServer', { url: server.url, fingerprint: other })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', key: 'serverCertificateMismatch' },
      });
      expect(existsSync(configPath)).toBe(false);
      expect(restart).not.toHaveBeenCalled();

      const used = await dispatch(workstation, 'setup.useServer', {
        url: server.url,
        fingerprint: server.fingerprint!,
      });
      expect(used).toEqual({ ok: true, value: null });
      expect(restart).toHaveBeenCalledTimes(1);
      expect(readCountyServerConfig(configPath)).toEqual({
        url: server.url,
        trust: { kind: 'PINNED', certificate: (await fetchServerCertificate(server.url)).certificate },
      });

      // Bad addresses are refused in the user's words; a server nobody runs is named as such.
      expect(await dispatch(workstation, 'setup.probeServer', { url: 'http://luukku.county.fi' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await dispatch(workstation, 'setup.probeServer', { url: 'https://127.0.0.1:1' })).toMatchObject({
        ok: false,
        error: { code: 'NO_CONNECTION', key: 'serverUnreachable' },
      });
    } finally {
      await workstation.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // A workstation with a store of its own, a test, or the server itself has no such choice.
    expect(await dispatch(app.core, 'setup.probeServer', { url: server.url })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE', key: 'desktopOnly' },
    });
    const overNetwork = await apiCall(server, 'setup.probeServer', { url: server.url });
    expect(overNetwork.status).toBe(403);
  });
});
