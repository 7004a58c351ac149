import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../main/app/core';
import { createBackup } from '../../main/areas/backups/backups';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE } from '../helpers/stores';
import { cutAuditTail } from '../helpers/tamper';
import { openApp, screenshot, seriousA11yViolations, signInToDemo, unlockAndSignIn, useE2e } from './harness';

const e2e = useE2e();

describe('backups', () => {
  it('a lead backs up now, sees what the backup holds, and restores it after confirming', async () => {
    const page = await signInToDemo(e2e, 40, 'LEAD');
    await page.getByRole('button', { name: 'Asetukset' }).click();
    const panel = page.getByRole('region', { name: 'Varmuuskopiot' });
    await expect.poll(() => panel.getByText('Varmuuskopioita ei vielä ole.').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
    await expect.poll(() => panel.getByText(/^Varmuuskopio tehty ja tarkistettu/).isVisible()).toBe(true);
    const row = panel.getByRole('row').nth(1);
    expect(await row.getByRole('cell').first().textContent()).toBe('40');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, '56-backups-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await row.getByRole('button', { name: /^Palauta varmuuskopio/ }).click();
    await expect.poll(() => panel.getByRole('alertdialog').textContent()).toContain('40 asiaa');
    await panel.getByRole('button', { name: 'Palauta varmuuskopio', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Kirjaudu sisään');
  });

  it('a damaged store shows its own screen and is replaced by the newest intact backup', async () => {
    const storePath = join(e2e.dir, 'demo.db');
    const demo = await createDemoStore(storePath, 15);
    await demo.store.close();
    const core = new Core({ storePath, version: 't' });
    await core.start();
    await core.unlock(PASSPHRASE);
    await core.signIn(demo.summary.users.find((u) => u.role === 'LEAD')!.username, DEMO_PASSWORD);
    await createBackup(core, 'manual');
    await core.close();
    const fd = openSync(storePath, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, 200);
    closeSync(fd);

    e2e.app = await openApp(e2e.browser, storePath);
    const { page } = e2e.app;
    await page.getByLabel('Palautussalasana').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Avaa' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tietovarastoa ei voi avata');
    const form = page.getByRole('form', { name: 'Palauta uusin ehjä varmuuskopio' });
    await form.getByLabel('Palautussalasana').fill(PASSPHRASE);
    await screenshot(page, '57-damaged-store-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Palauta uusin varmuuskopio' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Kirjaudu sisään');
  });

  it('damage the opening did not read is found by the quick check beside the app and shown as a banner', async () => {
    const storePath = join(e2e.dir, 'demo.db');
    const demo = await createDemoStore(storePath, 3000);
    await demo.store.close();
    const fd = openSync(storePath, 'r+');
    writeSync(fd, Buffer.alloc(32, 0x55), 0, 32, Math.floor(statSync(storePath).size / 2 / 4096) * 4096 + 1000);
    closeSync(fd);
    e2e.app = await openApp(e2e.browser, storePath);
    const { page } = e2e.app;
    await unlockAndSignIn(page, demo.summary.users.find((u) => u.role === 'LEAD')!.username);
    const banner = page.getByRole('alert').filter({ hasText: 'Tietovaraston tarkistus löysi vaurioituneita kohtia' });
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await banner.textContent()).toContain('Asetukset → Varmuuskopiot');
    await screenshot(page, '59-store-damaged-banner-fi');
  });

  it('an audit log cut short with its head rewritten is found at start-up against its anchor and shown to the lead', async () => {
    const storePath = join(e2e.dir, 'demo.db');
    const demo = await createDemoStore(storePath, 50);
    await demo.store.close();
    cutAuditTail(storePath, demo.key, 1);
    e2e.app = await openApp(e2e.browser, storePath, { language: 'sv' });
    const { page } = e2e.app;
    await unlockAndSignIn(page, demo.summary.users.find((u) => u.role === 'LEAD')!.username);
    const banner = page.getByRole('alert').filter({ hasText: 'Användningsloggens fullständighet kan inte bekräftas' });
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await banner.textContent()).toContain('återställ ingen säkerhetskopia');
    await screenshot(page, '59b-log-altered-banner-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
