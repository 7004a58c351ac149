import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../shared/dates';
import { thlPeriods } from '../../shared/contract/reports';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';

const e2e = useE2e();

describe('reports in the app', () => {
  it('shows the THL report of the last period, drills down from a figure to its cases and opens one', async () => {
    const page = await signInToDemo(e2e, 1500, 'LEAD');
    await page.keyboard.press('Alt+6');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Raportit');
    const figures = page.getByRole('table', { name: 'Vireille tulleet asiat' });
    await expect.poll(() => figures.isVisible(), { timeout: 10_000 }).toBe(true);

    // The figures shown are the ones the main process computes for the ended THL period.
    const last = thlPeriods(helsinkiDate(new Date()))[1]!;
    const expected = await e2e
      .app!.core.db.selectFrom('cases')
      .select(['pending_from', 'concern', 'closed_reason'])
      .execute();
    // THL's population: neither cases closed as not cases nor those classified as other social welfare.
    const cohort = expected.filter(
      (c) =>
        c.pending_from &&
        c.pending_from >= last.from &&
        c.pending_from <= last.to &&
        !c.closed_reason &&
        c.concern !== 'OTHER',
    );
    const totalRow = figures.getByRole('row', { name: /Vireille tulleet yhteensä/ });
    await expect.poll(() => totalRow.textContent()).toContain(String(cohort.length));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '40-reports-thl-fi');

    const overdue = figures
      .getByRole('button', { name: /Ratkaisematta, määräaika ylittynyt|Ratkaistu myöhässä/ })
      .first();
    const count = Number(await overdue.textContent());
    expect(count).toBeGreaterThan(0);
    await overdue.click();
    const list = page.getByRole('region', { name: /asia/ });
    await expect.poll(() => list.getByRole('row').count(), { timeout: 10_000 }).toBe(Math.min(count, 200) + 1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('figure-cases-heading');
    await screenshot(page, '41-reports-drilldown-fi');

    // Printing the listed cases is logged first, with the cases the list shows, then the dialog opens.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Tulosta tai tallenna PDF' }).click();
    const shown = Math.min(count, 200);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Tulostus on kirjattu käyttölokiin' }).textContent())
      .toContain(`${shown} ${shown === 1 ? 'asia' : 'asiaa'} tulostukseen`);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const logged = await e2e
      .app!.core.db.selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.action).toBe('reports.thlCasesPrint');
    expect(JSON.parse(logged.details).cases).toHaveLength(shown);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '41b-reports-print-logged-fi');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '41c-reports-drilldown-print-fi');
    await page.emulateMedia({ media: 'screen' });

    const firstChild = list.getByRole('row').nth(1).getByRole('button');
    const name = (await firstChild.textContent())!;
    await firstChild.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Asiakasjono');
    await expect
      .poll(() => page.getByRole('complementary').getByRole('heading', { level: 2 }).textContent())
      .toBe(name);

    // Choosing the running THL period fills the date fields with it.
    await page.keyboard.press('Alt+6');
    const running = thlPeriods(helsinkiDate(new Date()))[0]!;
    await page.getByRole('group', { name: 'THL:n seurantajaksot' }).getByRole('button').first().click();
    await expect.poll(() => page.getByLabel('Vireilletulo alkaen').inputValue()).toBe(running.from);
    await expect.poll(() => page.getByLabel('Vireilletulo päättyen').inputValue()).toBe(running.to);
  });

  it('shows the dashboard with each chart also as a table, and exports a chart as CSV and PNG', async () => {
    const page = await signInToDemo(e2e, 1500, 'LEAD');
    await page.keyboard.press('Alt+6');
    await page.getByRole('tab', { name: 'Tilannekuva' }).click();
    const inflow = page.getByRole('region', { name: 'Saapuneet viikoittain' });
    await expect.poll(() => inflow.locator('svg.recharts-surface').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '43-dashboard-fi');

    // The decisions chart as a table: its total agrees with the store for the same twelve months.
    const decisions = page.getByRole('region', { name: 'Ratkaisut tyypeittäin' });
    await decisions.getByRole('button', { name: 'Taulukkona' }).click();
    const from = await page.getByLabel('Alkaen').inputValue();
    const decided = await e2e
      .app!.core.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('decision_date', '>=', from)
      .where('decision_date', '<=', helsinkiDate(new Date()))
      .executeTakeFirstOrThrow();
    const cells = await decisions.getByRole('cell').allTextContents();
    expect(cells.reduce((s, c) => s + Number(c), 0)).toBe(Number(decided.n));

    const csv = page.waitForEvent('download');
    await decisions.getByRole('button', { name: /Vie CSV/ }).click();
    expect((await csv).suggestedFilename()).toMatch(/^decisions-.*\.csv$/);
    const png = page.waitForEvent('download');
    await inflow.getByRole('button', { name: /PNG/ }).click();
    const pngFile = await (await png).path();
    expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
  });

  it('is in Swedish too', async () => {
    const page = await signInToDemo(e2e, 300, 'LEAD', 'sv');
    await page.keyboard.press('Alt+6');
    await expect
      .poll(() => page.getByRole('table', { name: 'Inledda ärenden' }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '42-reports-thl-sv');
    await page.getByRole('tab', { name: 'Lägesbild' }).click();
    await expect.poll(() => page.locator('.recharts-wrapper').count(), { timeout: 10_000 }).toBe(8);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '44-dashboard-sv');

    // The tables name weeks, months and quarters as the reader writes them, not as ISO codes.
    const inflow = page.getByRole('region', { name: 'Inkomna per vecka' });
    await inflow.getByRole('button', { name: 'Som tabell' }).click();
    const weeks = await inflow.getByRole('rowheader').allTextContents();
    expect(weeks.length).toBeGreaterThan(40);
    for (const w of weeks) expect(w).toMatch(/^v\.\s\d{1,2}\/20\d\d$/);
    const share = page.getByRole('region', { name: /^Andel som ledde/ });
    await share.getByRole('button', { name: 'Som tabell' }).click();
    const months = await share.getByRole('table').first().getByRole('rowheader').allTextContents();
    expect(months.length).toBeGreaterThan(10);
    for (const m of months) expect(m).not.toMatch(/\d{4}-\d{2}/);
    const quarters = await share
      .getByRole('table', { name: 'Andelen per kvartal och för hela perioden' })
      .getByRole('rowheader')
      .allTextContents();
    expect(quarters[0]).toMatch(/^Kvartal [1-4] 20\d\d$/);
    await screenshot(page, '44-dashboard-tables-sv');
  });

  it('exports the queue view as CSV after the lead states the purpose', async () => {
    const page = await signInToDemo(e2e, 150, 'LEAD');
    await page.getByRole('button', { name: 'Vie CSV' }).click();
    const purpose = page.getByLabel('Käyttötarkoitus');
    await expect.poll(() => purpose.evaluate((el) => el === document.activeElement)).toBe(true);
    await purpose.fill('Kuukausikatsaus johtoryhmälle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '45-queue-export-fi');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Vie tiedostoon' }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(file.split('\r\n')[0]).toContain('Asian tunnus,Tyyppi,Vaihe,Lapsi');
    await expect.poll(() => page.getByText(/asiaa viety\. Luovutus on kirjattu käyttölokiin/).isVisible()).toBe(true);
  });

  it('has no Reports entry for the advice team', async () => {
    const page = await signInToDemo(e2e, 0, 'ADVICE');
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Raportit' }).count()).toBe(0);
    await page.keyboard.press('Alt+6');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Asiakasjono');
  });
});
