/**
 * The e2e harness (docs/architecture.md): Debian's Chromium driven by playwright-core, the built renderer, and
 * `window.luukku` routed through `exposeFunction` into the same IPC dispatcher with real services and a real
 * encrypted store in a temp dir. Only Electron's transport is swapped. The journeys that matter most run a
 * second time over the real county server (OVER_SERVER below).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { helsinkiDate } from '../../shared/dates';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE, tempDir } from '../helpers/stores';
import { Core, type CoreOptions } from '../../main/app/core';
import { dispatch } from '../../main/ipc/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/config';
import { listen } from '../../main/server/listen';

const RENDERER = join(process.cwd(), 'out', 'renderer');
const ORIGIN = 'http://luukku.test';
const CHROMIUM = process.env.LUUKKU_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error('Build the renderer first: npm run test:e2e builds it.');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      // A Finnish workstation: date and time inputs in Finnish format.
      '--lang=fi-FI',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AppPage {
  page: Page;
  core: Core;
  close(): Promise<void>;
}

/**
 * `LUUKKU_E2E_TRANSPORT=server` (the e2e-server project): the page loads from the real county server over
 * HTTPS and every call goes over `fetch`, so the journeys drive the transport browser users get. The server
 * opens its store itself, so the unlock screen is not there; the rest of each journey is the same.
 */
export const OVER_SERVER = process.env.LUUKKU_E2E_TRANSPORT === 'server';

async function openOnServer(
  browser: Browser,
  storePath: string,
  options: { language?: string; now?: () => Date },
): Promise<AppPage> {
  const core = new Core({ storePath, version: '0.1.0-e2e', ...(options.now ? { now: options.now } : {}) });
  await core.start();
  await core.unlock(PASSPHRASE);
  const server = await listen({ county: core.county, version: '0.1.0-e2e', port: 0 });
  // The test's stand-in for the fingerprint a user confirms once: the certificate is this run's self-signed one.
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
  });
  if (options.language)
    await context.addInitScript((lang) => localStorage.setItem('luukku.language', lang), options.language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return {
    page,
    core,
    async close() {
      await context.close();
      await server.close();
      await core.close();
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
  };
}

export async function openApp(
  browser: Browser,
  storePath: string,
  options: { language?: string; now?: () => Date; countyServerChoice?: CoreOptions['countyServerChoice'] } = {},
): Promise<AppPage> {
  if (OVER_SERVER) return openOnServer(browser, storePath, options);
  // As the desktop app: the store's quick check runs beside it after every opening.
  const core = new Core({
    storePath,
    version: '0.1.0-e2e',
    quickCheck: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.countyServerChoice ? { countyServerChoice: options.countyServerChoice } : {}),
  });
  await core.start();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fi-FI' });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path));
    if (relative(RENDERER, file).startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
  // Anything else the page might try to reach is refused: the app needs no network.
  await context.route(/^(?!http:\/\/luukku\.test\/).*/, (route) => route.abort());
  await context.exposeFunction('__luukkuInvoke', (name: string, input: unknown) => dispatch(core, name, input));
  if (options.language)
    await context.addInitScript((lang) => localStorage.setItem('luukku.language', lang), options.language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    core,
    async close() {
      await context.close();
      await core.close();
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
  };
}

/** WCAG 2.1 A/AA rules; serious and critical findings fail the test. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface E2eContext {
  browser: Browser;
  /** A fresh temp folder per test, removed afterwards. */
  dir: string;
  /** The app a test opened; closed (and its page errors reported) after the test. */
  app: AppPage | undefined;
}

/** One Chromium per suite; per test a temp dir and at most one app, always cleaned up. */
export function useE2e(): E2eContext {
  const ctx = { dir: '', app: undefined } as E2eContext;
  let cleanup = () => {};
  beforeAll(async () => {
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
  });
  beforeEach(() => {
    ({ dir: ctx.dir, cleanup } = tempDir('luukku-e2e-'));
  });
  afterEach(async () => {
    try {
      await ctx.app?.close();
    } finally {
      ctx.app = undefined;
      cleanup();
    }
  });
  return ctx;
}

/** A demo store of `cases` cases, opened in the app and signed in as a user of `role`. */
export async function signInToDemo(e2e: E2eContext, cases: number, role = 'LEAD', language?: string): Promise<Page> {
  const storePath = join(e2e.dir, 'demo.db');
  const demo = await createDemoStore(storePath, cases, helsinkiDate(new Date()));
  await demo.store.close();
  e2e.app = await openApp(e2e.browser, storePath, language ? { language } : {});
  const username = demo.summary.users.find((u) => u.role === role)!.username;
  await unlockAndSignIn(e2e.app.page, username);
  // Over the server the page's session is the server's; the test's own Core signs in too, for what it reads.
  if (OVER_SERVER) await e2e.app.core.signIn(username, DEMO_PASSWORD);
  return e2e.app.page;
}

/** Unlocks a demo store with its passphrase and signs in as `username`, in Finnish, Swedish or English. */
export async function unlockAndSignIn(page: Page, username: string): Promise<void> {
  if (OVER_SERVER) return signIn(page, username);
  await page.getByLabel(/Palautussalasana|Återställningslösenord|Recovery passphrase/).fill(PASSPHRASE);
  await page.getByRole('button', { name: /^(Avaa|Öppna|Open)$/ }).click();
  await signIn(page, username);
}

/** Signs in as `username` on the sign-in screen (the store already open: the county server's). */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel(/Käyttäjätunnus|Användarnamn|User name/).fill(username);
  await page.getByLabel(/^(Salasana|Lösenord|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Kirjaudu|Logga in|Sign in)$/ }).click();
  await expect.poll(() => page.getByRole('navigation').isVisible(), { timeout: 20_000 }).toBe(true);
}
