import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../shared/dates';
import { pdfText } from '../helpers/pdfText';
import { DEMO_PASSWORD } from '../helpers/stores';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';

const e2e = useE2e();

describe('team leads', () => {
  it('a lead moves an absent worker’s cases; the receiver sees them; the child’s access log lists the lead’s view', async () => {
    const page = await signInToDemo(e2e, 200, 'LEAD');
    const db = e2e.app!.core.db;
    // The assessment-week worker holding the most open cases falls ill today.
    const holder = await db
      .selectFrom('cases as c')
      .innerJoin('users as u', 'u.id', 'c.assignee_user_id')
      .select(['u.id', 'u.display_name as name', 'u.staff_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.status', '!=', 'CLOSED')
      .where('u.role', '=', 'ASSESSMENT_SW')
      .groupBy('u.id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const today = helsinkiDate(new Date());
    await db
      .insertInto('absences')
      .values({ staff_id: holder.staff_id!, from_date: today, to_date: today, kind: 'SICK_LEAVE', created_at: today })
      .execute();
    const receiver = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name as name'])
      .where('role', '=', 'REGIONAL')
      .where('active', '=', 1)
      .orderBy('username')
      .executeTakeFirstOrThrow();

    await page.getByRole('button', { name: 'Tiimi' }).click();
    const row = page.getByRole('row').filter({ hasText: holder.name });
    await expect.poll(() => row.getByText('Sairausloma').isVisible()).toBe(true);
    await screenshot(page, '60-workload-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const open = row.getByRole('button', { name: `Siirrä työntekijän ${holder.name} asiat` });
    await open.click();
    const dialog = page.getByRole('dialog', { name: `Siirrä työntekijän ${holder.name} avoimet asiat` });
    // Modal: focus starts inside it, and Escape closes it without moving anything.
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await open.click();
    await dialog.getByRole('radio', { name: new RegExp(receiver.name) }).check();
    await dialog.getByLabel('Siirron syy').fill('Sairausloma');
    await screenshot(page, '61-reassign-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Siirrä', exact: true }).click();
    const moved = Number(holder.n);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'siirretty' }).textContent())
      .toBe(moved === 1 ? '1 asia siirretty.' : `${moved} asiaa siirretty.`);

    // One of the moved cases: its history says so, and the child's access log names the lead.
    const child = await db
      .selectFrom('cases')
      .select(['child_last_name', 'child_first_name'])
      .where('assignee_user_id', '=', receiver.id)
      .where('status', 'in', ['NEW', 'TRIAGE'])
      .where('child_last_name', 'is not', null)
      .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Asiakasjono' }).click();
    await page
      .getByLabel('Hae nimellä tai henkilötunnuksella')
      .fill(`${child.child_first_name} ${child.child_last_name}`);
    await page
      .getByRole('row')
      .filter({ hasText: `${child.child_first_name} ${child.child_last_name}` })
      .first()
      .click();
    const detail = page.getByRole('complementary', { name: 'Asian tiedot' });
    await expect.poll(() => detail.getByText('Siirretty toiselle työntekijälle').isVisible()).toBe(true);
    await detail.getByRole('button', { name: 'Näytä, kuka on käsitellyt lapsen tietoja' }).click();
    const log = detail.getByRole('region', { name: 'Käyttöloki (asiakastietolaki 11 §)' });
    const lead = (await e2e.app!.core.status()).user!.displayName;
    await expect
      .poll(() => log.getByRole('row').filter({ hasText: 'Avasi asian' }).filter({ hasText: lead }).count())
      .toBeGreaterThan(0);
    // Each entry says why too, in the reader's words (issue 21 item 7).
    expect(
      await log.getByRole('row').filter({ hasText: 'Avasi asian' }).filter({ hasText: 'asian käsittely' }).count(),
    ).toBeGreaterThan(0);
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, '62-access-log-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The report to hand to the family, as a PDF that names the lead's view.
    const download = page.waitForEvent('download');
    await log.getByRole('button', { name: 'Ote asiakkaalle (PDF)' }).click();
    const pdf = readFileSync((await (await download).path())!);
    expect((await download).suggestedFilename()).toMatch(/^luukku-access-log-.*\.pdf$/);
    expect(pdfText(pdf)).toContain(`${lead} (`);
    expect(pdfText(pdf)).toContain('Avasi asian · Käyttötarkoitus: asian käsittely');

    // The receiving worker hears of it and finds the cases as theirs.
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.getByLabel('Käyttäjätunnus').fill(receiver.username);
    await page.getByLabel('Salasana', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    const inbox = page.getByRole('button', { name: /^Viestit/ });
    await expect.poll(() => inbox.textContent()).toBe('Viestit1');
    await inbox.click();
    const list = page.getByRole('region', { name: 'Viestit' });
    expect(await list.textContent()).toContain(
      moved === 1 ? 'siirsi sinulle 1 asian.' : `siirsi sinulle ${moved} asiaa.`,
    );
    await screenshot(page, '63-inbox-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The message opens the moved cases: "my cases", the first of them in the pane.
    await list
      .getByRole('button', { name: moved === 1 ? 'Avaa asia' : `Näytä ${moved} asiaa omissa asioissa` })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Asiakasjono');
    expect(await page.getByRole('button', { name: /^Omat/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('complementary').getByRole('heading', { level: 2 }).count()).toBe(1);
    await page.getByRole('button', { name: /^Omat/ }).click();
    await expect
      .poll(() =>
        page
          .getByRole('row')
          .filter({ hasText: `${child.child_first_name} ${child.child_last_name}` })
          .count(),
      )
      .toBeGreaterThan(0);
  }, 120_000);

  it('the team area in Swedish: a lead adds a user and sees the workload board', async () => {
    const page = await signInToDemo(e2e, 40, 'LEAD', 'sv');
    await page.getByRole('button', { name: 'Teamet' }).click();
    await page.getByRole('tab', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Lägg till användare' }).click();
    const form = page.getByRole('form', { name: 'Lägg till användare' });
    await form.getByLabel('Namn', { exact: true }).fill('Ny Användare');
    await form.getByLabel('Användarnamn').fill('ny.anvandare');
    await form.getByLabel('Första lösenord').fill('forsta-losen-1');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Ny Användare har sparats.' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'ny.anvandare' }).isVisible()).toBe(true);
    await screenshot(page, '64-users-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Arbetsläge' }).click();
    await expect.poll(() => page.getByRole('table').first().isVisible()).toBe(true);
    await screenshot(page, '65-workload-sv');

    // The child's access log in Swedish, after the lead opened the case.
    await page.getByRole('button', { name: 'Ärendekö' }).click();
    await page.getByRole('row').nth(1).click();
    const detail = page.getByRole('complementary', { name: 'Ärendets uppgifter' });
    await detail.getByRole('button', { name: 'Visa vem som har behandlat barnets uppgifter' }).click();
    const log = detail.getByRole('region', { name: 'Användningslogg (klientdatalagen 11 §)' });
    const lead = (await e2e.app!.core.status()).user!.displayName;
    await expect.poll(() => log.getByRole('row').filter({ hasText: lead }).count()).toBeGreaterThan(0);
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, '66-access-log-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);
});
