/**
 * The real desktop app through Playwright's Electron driver, where an Electron binary exists (it cannot be
 * downloaded on our CI machines, so there this suite reports itself skipped: neither test has run there). It
 * needs `npm start` to have run once, which builds the store module for Electron's ABI into build/native/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { County } from '../../main/app/county';
import { listen } from '../../main/server/listen';
import { helsinkiDate } from '../../shared/dates';
import { apiCall, signInOverHttps } from '../helpers/https';
import { phoneNotification } from '../helpers/sampleCalls';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE, tempDir } from '../helpers/stores';
import { signIn } from './harness';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const nativeReady = existsSync('build/native') && readdirSync('build/native').some((d) => d.startsWith('electron-'));
const builtApp = existsSync('out/main/index.js') && existsSync('out/preload/index.cjs');

describe.skipIf(!binary || !nativeReady || !builtApp)(
  'the Electron app (needs an Electron binary and one `npm start`)',
  () => {
    it('starts hardened on the first-run screen, with only the typed bridge in the renderer', async () => {
      const { dir, cleanup } = tempDir('luukku-electron-');
      const app = await electron.launch({
        executablePath: binary!,
        args: ['.'],
        env: { ...process.env, LUUKKU_DB: join(dir, 'luukku.db'), ELECTRON_RENDERER_URL: '' },
      });
      try {
        const page = await app.firstWindow();
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
          .toBe('Tervetuloa Luukkuun');
        // Isolated and sandboxed: no Node in the page, only the typed bridge.
        const renderer = await page.evaluate(() => {
          const w = globalThis as unknown as {
            require?: unknown;
            process?: unknown;
            luukku?: { app?: { status?: unknown } };
          };
          return {
            require: typeof w.require,
            process: typeof w.process,
            status: typeof w.luukku?.app?.status,
            protocol: location.protocol,
          };
        });
        expect(renderer).toEqual({ require: 'undefined', process: 'undefined', status: 'function', protocol: 'app:' });
      } finally {
        await app.close();
        cleanup();
      }
    });

    it('as the county server’s client (county-server.json), signs in there and shows a colleague’s registration live', async () => {
      const { dir, cleanup } = tempDir('luukku-electron-county-');
      // The county's server, of the app's own release (an app of another release is told to update).
      const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
      const storePath = join(dir, 'county.db');
      const demo = await createDemoStore(storePath, 40, helsinkiDate(new Date()));
      await demo.store.close();
      const county = new County({ storePath, version });
      await county.start();
      await county.unlock(PASSPHRASE);
      const server = await listen({ county, version, port: 0 });
      // As county IT deploys it: in the app's data folder (on Linux $XDG_CONFIG_HOME/Luukku), the certificate pinned.
      const config = join(dir, 'config');
      mkdirSync(join(config, 'Luukku'), { recursive: true });
      writeFileSync(
        join(config, 'Luukku', 'county-server.json'),
        JSON.stringify({ url: server.url, certificate: server.cert, fingerprint: server.fingerprint }),
      );
      const app = await electron.launch({
        executablePath: binary!,
        args: ['.'],
        env: { ...process.env, XDG_CONFIG_HOME: config, ELECTRON_RENDERER_URL: '' },
      });
      try {
        const page = await app.firstWindow();
        const userOf = (role: string) => demo.summary.users.find((u) => u.role === role)!;
        // No store on this workstation: the sign-in screen is the server's, and the session is the server's.
        await signIn(page, userOf('LEAD').username);
        expect(existsSync(join(config, 'Luukku', 'luukku.db'))).toBe(false);
        const advice = await signInOverHttps(server, userOf('ADVICE').username, DEMO_PASSWORD);
        const municipalityId = (await county.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
        const sent = Date.now();
        const registered = await apiCall(
          server,
          'cases.register',
          phoneNotification(municipalityId, [
            { firstName: 'Työasema', lastName: 'Elektroni', birthDate: '2016-02-02' },
          ]),
          { cookie: advice },
        );
        expect(registered.body.ok, JSON.stringify(registered.body)).toBe(true);
        await expect
          .poll(() => page.getByText('Työasema Elektroni').count(), { timeout: 2000, interval: 50 })
          .toBeGreaterThan(0);
        expect(Date.now() - sent).toBeLessThan(2500);
      } finally {
        await app.close();
        await server.close();
        await county.close();
        cleanup();
      }
    });
  },
);
