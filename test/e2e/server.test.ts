/**
 * The same app in a browser on the county server (issue 20 item 3, first step): Chromium loads the built
 * renderer from the real server over HTTPS, signs in through the server's session cookie (HttpOnly: the
 * page never reads the token) and works the queue, in Finnish and Swedish, axe-clean. The page's calls go
 * over `fetch` to `POST /api/<operation>`; nothing is routed through the test harness.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { County } from '../../main/app/county';
import { listen } from '../../main/server/listen';
import { SESSION_COOKIE } from '../../main/server/sessions';
import { helsinkiDate } from '../../shared/dates';
import { createDemoStore, PASSPHRASE } from '../helpers/stores';
import { screenshot, seriousA11yViolations, signIn, useE2e } from './harness';

const e2e = useE2e();

async function openOnServer(url: string, language: string): Promise<{ page: Page; errors: string[] }> {
  // The test's stand-in for the fingerprint a user confirms once: the certificate is this run's self-signed one.
  const context = await e2e.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
  });
  await context.addInitScript((lang) => localStorage.setItem('luukku.language', lang), language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

describe('the browser on the county server', () => {
  it('signs in over HTTPS and shows the queue in Finnish and Swedish, the token out of the page’s reach', async () => {
    const storePath = join(e2e.dir, 'county.db');
    const demo = await createDemoStore(storePath, 60, helsinkiDate(new Date()));
    await demo.store.close();
    const county = new County({ storePath, version: '0.1.0-e2e' });
    await county.start();
    await county.unlock(PASSPHRASE);
    const server = await listen({ county, version: '0.1.0-e2e', port: 0 });
    try {
      const lead = demo.summary.users.find((u) => u.role === 'LEAD')!;
      for (const language of ['fi', 'sv']) {
        const { page, errors } = await openOnServer(server.url, language);
        await signIn(page, lead.username);
        await expect.poll(() => page.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(5);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `server-queue-${language}`);
        const cookies = await page.context().cookies();
        expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
        });
        expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
        // A page elsewhere cannot call the API: without Luukku's header the server refuses.
        const status = await page.evaluate(async () => (await fetch('/api/cases.queue', { method: 'POST' })).status);
        expect(status).toBe(403);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    } finally {
      await server.close();
      await county.close();
    }
  });
});
