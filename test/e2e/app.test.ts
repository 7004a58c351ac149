import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { County } from '../../main/app/county';
import { readCountyServerConfig } from '../../main/client/countyServerConfig';
import { listen } from '../../main/server/listen';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE } from '../helpers/stores';
import { openApp, screenshot, seriousA11yViolations, unlockAndSignIn, useE2e } from './harness';
import { helsinkiDate, isoWeek } from '../../shared/dates';

const e2e = useE2e();

describe('first run', () => {
  it('creates the encrypted store and the first team lead, then opens the case queue', async () => {
    const storePath = join(e2e.dir, 'luukku.db');
    e2e.app = await openApp(e2e.browser, storePath);
    const { page } = e2e.app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tervetuloa Luukkuun');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Palautussalasana', { exact: true }).fill('short');
    await expect.poll(() => page.getByText('Vahvuus: liian lyhyt').isVisible()).toBe(true);
    await page.getByLabel('Palautussalasana', { exact: true }).fill(PASSPHRASE);
    await expect.poll(() => page.getByText('Vahvuus: vahva').isVisible()).toBe(true);
    await page.getByLabel('Palautussalasana uudelleen').fill(`${PASSPHRASE}x`);
    await expect.poll(() => page.getByText('Salasanat eivät täsmää.').isVisible()).toBe(true);
    await page.getByLabel('Palautussalasana uudelleen').fill(PASSPHRASE);
    await page.getByLabel('Nimi', { exact: true }).fill('Liisa Lehtonen');
    await page.getByLabel('Käyttäjätunnus').fill('liisa.lehtonen');
    await page.getByLabel('Salasana', { exact: true }).fill('hyvä-salasana-123');
    await screenshot(page, '01-setup-fi');
    await page.getByRole('button', { name: 'Luo tietovarasto' }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Asiakasjono');
    await expect.poll(() => page.getByRole('heading', { name: 'Jono on tyhjä' }).isVisible()).toBe(true);
    expect(await page.getByText('Liisa Lehtonen · Johtava sosiaalityöntekijä').isVisible()).toBe(true);
    await screenshot(page, '02-queue-empty-fi');
    expect(readFileSync(storePath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readFileSync(storePath).includes(Buffer.from('Liisa Lehtonen'))).toBe(false);
  });
});

describe('first run on the county server', () => {
  it('shows the server’s certificate fingerprint to compare, then records the server and starts again', async () => {
    // The county's server (its store does not matter here: the workstation reads only its certificate).
    const county = new County({ storePath: join(e2e.dir, 'server.db'), version: '0.1.0-e2e' });
    await county.start();
    const server = await listen({ county, version: '0.1.0-e2e', port: 0 });
    try {
      for (const language of ['fi', 'sv'] as const) {
        const configPath = join(e2e.dir, `county-server-${language}.json`);
        const restart = vi.fn();
        e2e.app = await openApp(e2e.browser, join(e2e.dir, `luukku-${language}.db`), {
          language,
          countyServerChoice: { configPath, restart },
        });
        const { page } = e2e.app;
        const fi = language === 'fi';
        await page
          .getByRole('radio', { name: fi ? /Hyvinvointialueen Luukku-palvelimella/ : /välfärdsområdets Luukku-server/ })
          .check();
        const address = page.getByLabel(fi ? 'Palvelimen osoite' : 'Serverns adress');
        // An address nobody serves Luukku at is named as such.
        await address.fill('https://127.0.0.1:1');
        await address.press('Enter');
        await expect
          .poll(() => page.getByRole('alert').textContent())
          .toContain(
            fi ? 'Osoitteessa https://127.0.0.1:1 ei vastannut' : 'Ingen Luukku-server svarade på https://127.0.0.1:1',
          );
        await address.fill(server.url);
        await page.getByRole('button', { name: fi ? 'Hae palvelimen varmenne' : 'Hämta serverns certifikat' }).click();
        await expect.poll(() => page.getByText(server.fingerprint!).isVisible()).toBe(true);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `01-setup-server-${language}`);
        await page
          .getByRole('button', {
            name: fi
              ? 'Sormenjälki on sama – käytä tätä palvelinta'
              : 'Fingeravtrycket stämmer – använd den här servern',
          })
          .click();
        await expect
          .poll(() =>
            page
              .getByRole('status')
              .filter({ hasText: fi ? 'Luukku käynnistyy uudelleen' : 'Luukku startar om' })
              .count(),
          )
          .toBe(1);
        expect(restart).toHaveBeenCalledTimes(1);
        expect(readCountyServerConfig(configPath)).toMatchObject({ url: server.url, trust: { kind: 'PINNED' } });
        await e2e.app.close();
        e2e.app = undefined;
      }
    } finally {
      await server.close();
      await county.close();
    }
  });
});

describe('the signed-in app (demo county)', () => {
  let storePath: string;
  let leadUsername: string;
  let adviceUsername: string;
  beforeEach(async () => {
    storePath = join(e2e.dir, 'demo.db');
    const demo = await createDemoStore(storePath, 120);
    leadUsername = demo.summary.users.find((u) => u.role === 'LEAD')!.username;
    adviceUsername = demo.summary.users.find((u) => u.role === 'ADVICE')!.username;
    await demo.store.close();
  });

  async function openAndSignIn(username: string, language?: string) {
    e2e.app = await openApp(e2e.browser, storePath, language ? { language } : {});
    await unlockAndSignIn(e2e.app.page, username);
    return e2e.app.page;
  }

  it('proposes the county’s name in the reader’s language on first run (sv: Östra Nyland)', async () => {
    e2e.app = await openApp(e2e.browser, join(e2e.dir, 'new.db'), { language: 'sv' });
    const { page } = e2e.app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen till Luukku');
    expect(await page.getByLabel('Välfärdsområdets namn').inputValue()).toBe('Östra Nyland');
  });

  it('refuses a wrong passphrase with a clear message and stays locked', async () => {
    e2e.app = await openApp(e2e.browser, storePath);
    const { page } = e2e.app;
    await page.getByLabel('Palautussalasana').fill('väärä salasana tässä');
    await page.getByRole('button', { name: 'Avaa' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('Väärä palautussalasana. Mitään ei muutettu.');
    await screenshot(page, '03-unlock-wrong-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says a wrong password is wrong, and after five of them that sign-in is paused and for how long', async () => {
    e2e.app = await openApp(e2e.browser, storePath, { language: 'sv' });
    const { page } = e2e.app;
    await page.getByLabel('Återställningslösenord').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Öppna' }).click();
    await page.getByLabel('Användarnamn').fill(adviceUsername);
    const alert = page.getByRole('alert').filter({ hasText: /lösenord/ });
    for (const password of ['fel-lösenord-1', 'fel-lösenord-2', 'fel-lösenord-3', 'fel-lösenord-4', 'fel-lösenord-5']) {
      await page.getByLabel(/^Lösenord$/).fill(password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      // The answer has come when the password field is emptied for the next try.
      await expect.poll(() => page.getByLabel(/^Lösenord$/).inputValue(), { timeout: 10_000 }).toBe('');
      expect(await alert.textContent()).toBe('Fel användarnamn eller lösenord.');
    }
    // Now even the right password waits: the message says so instead of calling it wrong.
    await page.getByLabel(/^Lösenord$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toBe(
        'För många fel lösenord för det här användarnamnet. Försök igen om 1 minut eller be en ledande socialarbetare att återställa lösenordet.',
      );
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await screenshot(page, '04-sign-in-paused-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('navigates the three work areas and settings by mouse and keyboard, each screen passing axe', async () => {
    const page = await openAndSignIn(leadUsername);
    await expect.poll(() => page.getByRole('grid').getByRole('row').count()).toBeGreaterThan(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '04-queue-fi');
    const areas: [string, string][] = [
      ['Vastaanottovuorot', '05-calendar-fi'],
      ['Arviointiviikot', '06-assessment-weeks-fi'],
      ['Asetukset', '07-settings-fi'],
      ['Asiakasjono', '08-queue-again-fi'],
    ];
    for (const [name, shot] of areas) {
      await page.getByRole('navigation').getByRole('button', { name }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-current')).toBe('page');
      if (name === 'Vastaanottovuorot') {
        // The demo roster is on the calendar: daily duties and the assessment week, with names.
        await expect.poll(() => page.locator('.fc-event').count(), { timeout: 10_000 }).toBeGreaterThan(20);
        expect(await page.getByText(/^Virka-aikainen sosiaalipäivystys: /).count()).toBeGreaterThan(0);
        expect(await page.getByText(/^Arviointiviikko: /).count()).toBeGreaterThan(0);
        // One person's next six months as an .ics file, from the folded section above the calendar.
        await page.getByText('Vuorot kalenteriin', { exact: true }).click();
        const who = page.getByLabel('Kenen vuorot (6 kk eteenpäin)');
        await expect.poll(() => who.locator('option').count()).toBeGreaterThan(3);
        const person = (await who.locator('option').nth(1).textContent())!;
        await who.selectOption({ index: 1 });
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Lataa kalenteritiedosto (.ics)' }).click();
        const ics = readFileSync(await (await download).path(), 'utf8');
        expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
        const count = (ics.match(/BEGIN:VEVENT/g) ?? []).length;
        expect(count).toBeGreaterThan(0);
        expect(ics).not.toContain(person); // a person's own file names the duty, not the person
        await expect
          .poll(() => page.getByRole('status').filter({ hasText: 'kalenteritiedostossa' }).textContent())
          .toMatch(new RegExp(`^${count} vuoro`));
      }
      if (name === 'Arviointiviikot') {
        const perPerson = page.getByRole('table', { name: 'Arviointiviikot henkilöittäin' });
        await expect.poll(() => perPerson.getByRole('row').count()).toBeGreaterThan(2);
        const thisWeek = page.getByRole('table', { name: /^Arviointiviikot 2026/ }).getByRole('row', { name: /^48 / });
        expect(await thisWeek.textContent()).not.toContain('Ei jaettu');
        // The year opens at this week (the browser's today), marked in words and scrolled into view.
        const current = page.locator('tr[aria-current="date"]');
        expect(await current.locator('th').textContent()).toBe(
          `${Number(isoWeek(helsinkiDate(new Date())).slice(-2))}tämä viikko`,
        );
        expect(await current.isVisible()).toBe(true);
        expect(await current.evaluate((r) => r.getBoundingClientRect().top < window.innerHeight)).toBe(true);
      }
      expect(await seriousA11yViolations(page), name).toEqual([]);
      await screenshot(page, shot);
    }
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vastaanottovuorot');
    // Focus lands on the new view's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Alt+4');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Asetukset');
  });

  it('switches the UI language to Swedish and English', async () => {
    const page = await openAndSignIn(leadUsername);
    await page.getByLabel('Kieli', { exact: true }).selectOption('sv');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ärendekö');
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Mottagningsturer' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await screenshot(page, '09-queue-sv');
    await page.getByRole('navigation').getByRole('button', { name: 'Inställningar' }).click();
    await screenshot(page, '10-settings-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });

  it('lets a lead change settings but shows them read-only to the advice team', async () => {
    let page = await openAndSignIn(leadUsername);
    await page.getByRole('navigation').getByRole('button', { name: 'Asetukset' }).click();
    await page.getByLabel('Automaattinen uloskirjautuminen (minuuttia)').fill('30');
    await page.getByRole('form', { name: 'Asetukset' }).getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tallennettu.' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kirjaudu sisään');
    await screenshot(page, '11-sign-in-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Käyttäjätunnus').fill(adviceUsername);
    await page.getByLabel('Salasana').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    page = e2e.app!.page;
    await page.getByRole('navigation').getByRole('button', { name: 'Asetukset' }).click();
    await expect
      .poll(() => page.getByText('Vain johtava sosiaalityöntekijä tai pääkäyttäjä voi muuttaa asetuksia.').isVisible())
      .toBe(true);
    expect(await page.getByLabel('Automaattinen uloskirjautuminen (minuuttia)').inputValue()).toBe('30');
    expect(await page.getByLabel('Automaattinen uloskirjautuminen (minuuttia)').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tallenna' }).count()).toBe(0);
  });
});
