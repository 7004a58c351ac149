/**
 * The same app in a browser on the county server (issue 20 items 3 and 5): Chromium loads the built
 * renderer from the real server over HTTPS, signs in through the server's session cookie (HttpOnly: the
 * page never reads the token) and works the queue, in Finnish and Swedish, axe-clean. The page's calls go
 * over `fetch` to `POST /api/<operation>`; nothing is routed through the test harness. Three workstations
 * work together: what one saves shows on the others within 2 s, without a reload; on one server, and with the
 * team split between two instances over one PostgreSQL database.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { County } from '../../main/app/county';
import { listen, type RunningServer } from '../../main/server/listen';
import { demoDatabase, startCluster } from '../helpers/postgresCluster';
import { SESSION_COOKIE } from '../../shared/serverSession';
import { helsinkiDate } from '../../shared/dates';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE } from '../helpers/stores';
import type { Db } from '../../main/store/schema';
import { screenshot, seriousA11yViolations, signIn, useE2e } from './harness';

const e2e = useE2e();

async function openOnServer(url: string, language: string): Promise<{ page: Page; errors: string[] }> {
  // Each workstation a browser profile of its own: its own cookie, its own session.
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

/** A demo county of 60 cases served over HTTPS, as `luukku serve` runs it (the server opens the store). */
async function serveDemo(file: string) {
  const storePath = join(e2e.dir, file);
  const demo = await createDemoStore(storePath, 60, helsinkiDate(new Date()));
  await demo.store.close();
  const county = new County({ storePath, version: '0.1.0-e2e' });
  await county.start();
  await county.unlock(PASSPHRASE);
  return { demo, county, server: await listen({ county, version: '0.1.0-e2e', port: 0 }) };
}

/**
 * The team's journey across workstations, each page on the server named for it (one server, or the halves of
 * the team on two instances): a counsellor registers two siblings, the lead's queue shows them within 2 s, a
 * refused call of the counsellor changes nothing, the lead moves one to a regional worker whose queue and
 * messages show it within 2 s. Screenshots named `shots`-….
 */
async function registerAndMove(
  db: Db,
  urls: { counsellor: string; lead: string; regional: string },
  shots = 'server-live',
) {
  const userOf = (role: string) =>
    db
      .selectFrom('users')
      .leftJoin('staff', 'staff.id', 'users.staff_id')
      .select(['users.id', 'users.username', 'users.display_name as name', 'staff.area_id'])
      .where('users.role', '=', role as never)
      .where('users.active', '=', 1)
      .orderBy('users.username')
      .executeTakeFirstOrThrow();
  const [counsellor, lead, regional] = await Promise.all([userOf('ADVICE'), userOf('LEAD'), userOf('REGIONAL')]);
  // The family lives outside the regional worker's area: the cases are not theirs until the lead moves one.
  const municipality = await db
    .selectFrom('municipalities')
    .select('name_fi as name')
    .where('area_id', '!=', regional.area_id!)
    .orderBy('name_fi')
    .executeTakeFirstOrThrow();

  const desks = {
    counsellor: await openOnServer(urls.counsellor, 'fi'),
    lead: await openOnServer(urls.lead, 'fi'),
    regional: await openOnServer(urls.regional, 'sv'),
  };
  await signIn(desks.counsellor.page, counsellor.username);
  await signIn(desks.lead.page, lead.username);
  await signIn(desks.regional.page, regional.username);
  for (const { page } of Object.values(desks))
    await expect.poll(() => page.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
  const regionalRowsBefore = await desks.regional.page.getByRole('row').count();

  // The counsellor takes a phone notification about two siblings.
  const c = desks.counsellor.page;
  await c.keyboard.press('Alt+N');
  await c.getByLabel('Kanava').selectOption({ label: 'Puhelin' });
  await c.getByLabel('Etunimi').first().fill('Eetu');
  await c.getByLabel('Sukunimi').first().fill('Sisarus');
  await c.getByRole('button', { name: 'Lisää sisarus' }).click();
  await c.getByLabel('Etunimi').nth(1).fill('Elli');
  await c.getByLabel('Sukunimi').nth(1).fill('Sisarus');
  await c.getByLabel('Kunta').selectOption({ label: municipality.name });
  await c.getByLabel('Ilmoittajan taho').selectOption({ label: 'Koulu' });
  await c.getByLabel('Kuvaus').fill('Koulu soitti sisarusten poissaoloista.');
  await screenshot(c, `${shots}-register-fi`);
  await c.getByRole('button', { name: 'Tallenna ilmoitus' }).click();
  await expect
    .poll(() => c.getByRole('status').filter({ hasText: 'Ilmoitus kirjattu 2 lapselle.' }).isVisible(), {
      timeout: 10_000,
    })
    .toBe(true);

  // The lead's queue shows both children within 2 s, without a reload.
  const l = desks.lead.page;
  for (const name of ['Eetu Sisarus', 'Elli Sisarus'])
    await expect.poll(() => l.getByRole('row').filter({ hasText: name }).count(), { timeout: 2000 }).toBe(1);
  expect(await seriousA11yViolations(l)).toEqual([]);
  await screenshot(l, `${shots}-lead-fi`);
  expect(await desks.regional.page.getByRole('row').filter({ hasText: 'Sisarus' }).count()).toBe(0);

  // A refused call from the counsellor (whose role may not move cases) changes nothing anywhere.
  const elli = await db
    .selectFrom('cases')
    .select(['id', 'assignee_user_id'])
    .where('child_first_name', '=', 'Elli')
    .where('child_last_name', '=', 'Sisarus')
    .executeTakeFirstOrThrow();
  const refused = await c.evaluate(
    async ({ id, to }) =>
      (
        await fetch('/api/cases.reassign', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-luukku-request': '1' },
          body: JSON.stringify({ caseIds: [id], toUserId: to, reason: 'Ei saa siirtää' }),
        })
      ).json(),
    { id: elli.id, to: counsellor.id },
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(
    (await db.selectFrom('cases').select('assignee_user_id').where('id', '=', elli.id).executeTakeFirstOrThrow())
      .assignee_user_id,
  ).toBe(elli.assignee_user_id);
  expect(await desks.regional.page.getByRole('row').count()).toBe(regionalRowsBefore);

  // The lead moves Elli to the regional worker: their queue and their messages show it within 2 s.
  await l.getByRole('checkbox', { name: 'Merkitse siirrettäväksi: Elli Sisarus' }).check();
  await l.getByRole('button', { name: 'Siirrä merkityt…' }).click();
  const dialog = l.getByRole('dialog', { name: 'Siirrä 1 asia' });
  await dialog.getByRole('radio', { name: new RegExp(regional.name) }).check();
  await dialog.getByLabel('Siirron syy').fill('Alueen työntekijälle');
  await dialog.getByRole('button', { name: 'Siirrä', exact: true }).click();
  await expect.poll(() => l.getByRole('status').filter({ hasText: '1 asia siirretty.' }).count()).toBe(1);
  const r = desks.regional.page;
  await expect.poll(() => r.getByRole('row').filter({ hasText: 'Elli Sisarus' }).count(), { timeout: 2000 }).toBe(1);
  await expect.poll(() => r.getByLabel('1 olästa').isVisible(), { timeout: 2000 }).toBe(true);
  expect(await r.getByRole('row').filter({ hasText: 'Eetu Sisarus' }).count()).toBe(0);
  await r.getByRole('button', { name: /^Meddelanden/ }).click();
  await expect.poll(() => r.getByText(/flyttade 1 ärende till dig/).isVisible()).toBe(true);
  expect(await seriousA11yViolations(r)).toEqual([]);
  await screenshot(r, `${shots}-regional-sv`);

  return { desks, counsellor };
}

describe('the browser on the county server', () => {
  it('signs in over HTTPS and shows the queue in Finnish and Swedish, the token out of the page’s reach', async () => {
    const { demo, county, server } = await serveDemo('county.db');
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

describe('the team on one county server', () => {
  it('shows a counsellor’s registration to the lead and the lead’s reassignment to the regional worker within 2 s', async () => {
    const { county, server } = await serveDemo('team.db');
    let stopped = false;
    // Everything the server writes to its log during the journey, read for client data at the end.
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => void logged.push(parts.join(' '))),
    );
    try {
      const { desks, counsellor } = await registerAndMove(county.db, {
        counsellor: server.url,
        lead: server.url,
        regional: server.url,
      });
      const c = desks.counsellor.page;
      const l = desks.lead.page;
      const r = desks.regional.page;

      // The lead ends the counsellor's session (a workstation left signed in): asked once more, then the
      // counsellor's page is back at the sign-in screen at once.
      await l.getByRole('button', { name: 'Tiimi' }).click();
      await l.getByRole('tab', { name: 'Istunnot' }).click();
      await l.getByRole('button', { name: `Lopeta istunto: ${counsellor.name}` }).click();
      expect(await seriousA11yViolations(l)).toEqual([]);
      await screenshot(l, 'server-sessions-fi');
      await l.getByRole('alertdialog').getByRole('button', { name: 'Lopeta istunto' }).click();
      await expect
        .poll(() =>
          l
            .getByRole('status')
            .filter({ hasText: `Käyttäjän ${counsellor.name} istunto lopetettiin.` })
            .count(),
        )
        .toBe(1);
      await expect
        .poll(() => c.getByRole('button', { name: 'Kirjaudu', exact: true }).isVisible(), { timeout: 5000 })
        .toBe(true);
      await l.getByLabel('Kieli').selectOption({ label: 'svenska' });
      await expect.poll(() => l.getByRole('tab', { name: 'Sessioner' }).isVisible()).toBe(true);
      expect(await seriousA11yViolations(l)).toEqual([]);
      await screenshot(l, 'server-sessions-sv');
      await l.getByLabel('Språk').selectOption({ label: 'suomi' });

      // The server goes away: every page says at once that what it shows is not being updated.
      await server.close();
      stopped = true;
      await expect
        .poll(() => l.getByRole('status').filter({ hasText: 'Yhteys Luukku-palvelimeen katkesi.' }).isVisible())
        .toBe(true);
      await expect
        .poll(() => r.getByRole('status').filter({ hasText: 'Anslutningen till Luukku-servern bröts.' }).isVisible())
        .toBe(true);
      expect(await seriousA11yViolations(l)).toEqual([]);
      await screenshot(l, 'server-lost-fi');
      await screenshot(r, 'server-lost-sv');

      // The server comes back upgraded: the open pages are told to reload rather than answered.
      const upgraded = await listen({ county, version: '0.2.0', port: Number(new URL(server.url).port) });
      try {
        await expect
          .poll(() => l.getByRole('button', { name: 'Lataa sivu uudelleen' }).isVisible(), {
            timeout: 15_000,
          })
          .toBe(true);
        await expect
          .poll(() => r.getByRole('button', { name: 'Ladda om sidan' }).isVisible(), { timeout: 15_000 })
          .toBe(true);
        expect(await seriousA11yViolations(l)).toEqual([]);
        await screenshot(l, 'server-upgraded-fi');
        await screenshot(r, 'server-upgraded-sv');
      } finally {
        await upgraded.close();
      }
      for (const { page, errors } of Object.values(desks)) {
        expect(errors).toEqual([]);
        await page.context().close();
      }
      // The log names refusals and where they came from (the counsellor's refused move is there), never a
      // child, a family's text or a session token.
      for (const spy of spies) spy.mockRestore();
      expect(logged.join('\n')).toContain('refused POST /api/cases.reassign');
      for (const secret of ['Sisarus', 'Eetu', 'Elli', 'poissaoloista', 'Alueen työntekijälle', 'luukku_session='])
        expect(logged.join('\n'), secret).not.toContain(secret);
    } finally {
      for (const spy of spies) spy.mockRestore();
      if (!stopped) await server.close();
      await county.close();
    }
  });
});

describe('the team on two county server instances over one PostgreSQL database', () => {
  it('shows the counsellor’s registration on one instance to the lead on the other, and the lead’s move back, within 2 s', async () => {
    // A throwaway cluster of this test's own (the e2e suite has none), as test/postgres's restart tests do.
    const cluster = startCluster();
    const instances: { county: County; server: RunningServer }[] = [];
    try {
      const url = await demoDatabase(cluster, 'luukku_team', {
        seed: 7,
        cases: 60,
        today: helsinkiDate(new Date()),
        password: DEMO_PASSWORD,
      });
      for (let n = 0; n < 2; n++) {
        const county = new County({
          storePath: 'luukku_team',
          database: url,
          databaseSchema: 'check',
          version: '0.1.0-e2e',
        });
        await county.start();
        instances.push({ county, server: await listen({ county, version: '0.1.0-e2e', port: 0 }) });
      }
      const [a, b] = instances.map((i) => i.server.url) as [string, string];
      // The counsellor and the regional worker on instance A, the lead on instance B: each step crosses over.
      const { desks } = await registerAndMove(
        instances[0]!.county.db,
        { counsellor: a, lead: b, regional: a },
        'server-two',
      );
      for (const { page, errors } of Object.values(desks)) {
        expect(errors).toEqual([]);
        await page.context().close();
      }
    } finally {
      for (const { county, server } of instances) {
        await server.close();
        await county.close();
      }
      cluster.stop();
    }
  });
});
