/**
 * The real desktop app through Playwright's Electron driver, where an Electron binary exists (it cannot be
 * downloaded on our CI machines, so there this suite reports itself skipped). It needs `npm start` to have
 * run once, which builds the store module for Electron's ABI into build/native/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/stores';

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
  },
);
