/**
 * Writes over HTTPS are done once (issue 20 item 2): a registration sent again with its Idempotency-Key,
 * after its answer was lost or while the first is still under way, registers nothing twice and gets the
 * first call's answer. Reads keep no answers. Runs on both engines.
 */
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { useServedDemo } from '../../helpers/servedDemo';
import { apiCall } from '../../helpers/https';
import { phoneNotification } from '../../helpers/sampleCalls';

const served = useServedDemo(20);
const { app } = served;

const call = (operation: string, body: unknown, cookie: string, key?: string) =>
  apiCall(served.server, operation, body, { cookie, headers: key ? { 'idempotency-key': key } : {} });

const { signIn } = served;

async function notification(lastName: string) {
  const municipalityId = (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  return phoneNotification(municipalityId, [{ firstName: 'Kerran', lastName, birthDate: '2016-04-04' }]);
}

const casesNamed = async (lastName: string) =>
  (await app.core.db.selectFrom('cases').select('id').where('child_last_name', '=', lastName).execute()).length;
const registrationsLogged = async () =>
  (await app.core.db.selectFrom('audit_log').select('seq').where('action', '=', 'cases.register').execute()).length;

/** Sends a call and cuts the connection as soon as it is sent: the client never hears the answer. */
function sendAndCut(path: string, body: unknown, cookie: string, key: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${served.server.url}${path}`, {
      method: 'POST',
      ca: served.server.cert!,
      servername: 'localhost',
      headers: { 'content-type': 'application/json', 'x-luukku-request': '1', 'idempotency-key': key, cookie },
    });
    req.on('error', () => resolve());
    req.end(JSON.stringify(body), () => {
      req.destroy();
      resolve();
    });
  });
}

describe('idempotency keys', () => {
  it('answers a repeated registration with the first answer and registers the child once', async () => {
    const cookie = await signIn('ADVICE');
    const input = await notification('Toistettu');
    const logged = await registrationsLogged();
    const first = await call('cases.register', input, cookie, 'k-0123456789abcdef');
    expect(first.body.ok, JSON.stringify(first.body)).toBe(true);
    const again = await call('cases.register', input, cookie, 'k-0123456789abcdef');
    expect(again.body).toEqual(first.body);
    expect(await casesNamed('Toistettu')).toBe(1);
    expect(await registrationsLogged()).toBe(logged + 1);
    // Another call with a key of its own is another registration; the key is not for another operation.
    expect((await call('cases.register', input, cookie, 'k-fedcba9876543210')).body.ok).toBe(true);
    expect(await casesNamed('Toistettu')).toBe(2);
    const misused = await call('cases.queue', {}, cookie, 'k-0123456789abcdef');
    expect(misused.body.error?.code).toBe('INVALID_INPUT');
    const malformed = await call('cases.register', input, cookie, 'short');
    expect(malformed.status).toBe(400);
    expect(await casesNamed('Toistettu')).toBe(2);
  });

  it('registers once when the answer was lost and the client retries, however the retries race', async () => {
    const cookie = await signIn('ADVICE');
    const input = await notification('Katkennut');
    await sendAndCut('/api/cases.register', input, cookie, 'cut-0123456789abcdef');
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => call('cases.register', input, cookie, 'cut-0123456789abcdef')),
    );
    for (const retry of retries)
      expect(retry.body.ok || retry.body.error?.code === 'CONFLICT', JSON.stringify(retry.body)).toBe(true);
    // Once the first call is through, a retry gets its answer.
    await expect
      .poll(async () => (await call('cases.register', input, cookie, 'cut-0123456789abcdef')).body.ok, {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await casesNamed('Katkennut')).toBe(1);
  });

  it('keeps no answer of a read', async () => {
    const cookie = await signIn('LEAD');
    expect((await call('cases.queue', { view: 'OPEN' }, cookie, 'read-0123456789abcdef')).body.ok).toBe(true);
    expect(await app.core.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });
});
