/**
 * `luukku serve --trial` (what `npm start` runs where Electron is missing): a real process makes a demo
 * county in a temporary folder, serves it over HTTPS on loopback with a self-signed certificate whose
 * fingerprint it prints, lets the printed team lead sign in, and on Ctrl+C stops and removes the folder.
 * About the trial's own encrypted store file: SQLite only.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

const trialDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('luukku-trial-'));

/** A request that trusts the server only if its certificate has the printed fingerprint (a first connection). */
function pinned(url: string, fingerprint: string, path: string, body?: unknown) {
  return new Promise<{ status: number; text: string; cookie: string | undefined }>((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: body ? 'POST' : 'GET',
        rejectUnauthorized: false,
        headers: body ? { 'content-type': 'application/json', 'x-luukku-request': '1' } : {},
      },
      (res) => {
        const seen = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
        if (seen !== fingerprint) return reject(new Error(`certificate ${seen} is not the printed ${fingerprint}`));
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, cookie: res.headers['set-cookie']?.[0] }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('serve --trial', () => {
  it('serves a demo county on loopback, lets its lead sign in, and leaves nothing behind', async () => {
    const before = trialDirs();
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'main/cli.ts', 'serve', '--trial', '--port', '0'],
      {
        env: { ...process.env, LUUKKU_PASSPHRASE: undefined },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await expect.poll(() => out.includes('"url"'), { timeout: 60_000, interval: 200 }).toBe(true);
    const { url, fingerprint } = JSON.parse(out.trim().split('\n').pop()!) as { url: string; fingerprint: string };
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(err).toContain(fingerprint);
    expect(trialDirs().length).toBe(before.length + 1);

    const health = await pinned(url, fingerprint, '/health');
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, store: 'READY' });
    const lead = /sign in as "([^"]+)"/.exec(err)![1];
    const signedIn = await pinned(url, fingerprint, '/api/session.signIn', { username: lead, password: 'luukku-demo' });
    expect(JSON.parse(signedIn.text)).toMatchObject({ ok: true, value: { phase: 'SIGNED_IN' } });
    expect(signedIn.cookie).toMatch(/HttpOnly/);

    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(trialDirs()).toEqual(before);
  }, 120_000);
});
