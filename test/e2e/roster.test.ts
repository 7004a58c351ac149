import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDate, isoWeekMonday, isoWeek } from '../../shared/dates';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';

const e2e = useE2e();

/** The first month after this one, and the Wednesday of its first ISO week. */
function nextMonth() {
  const today = helsinkiDate(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const monday = isoWeekMonday(isoWeek(first));
  return { month: first.slice(0, 7), first, wednesday: addDays(monday, 2), nextMonday: addDays(monday, 7) };
}

describe('the duty roster', () => {
  it('generates a month, refuses a drag onto an absent person with the reason, locks a duty, publishes, and repairs after an absence', async () => {
    const page = await signInToDemo(e2e, 0, 'LEAD');
    const core = e2e.app!.core;
    const { month, wednesday, nextMonday } = nextMonth();
    await page.getByRole('button', { name: 'Vastaanottovuorot' }).click();
    await page.getByRole('tab', { name: 'Suunnittelu' }).click();
    await page.getByRole('button', { name: 'Seuraava kuukausi' }).click();
    // A month the demo already filled is a draft: generated again, its unlocked duties.
    await page.getByRole('button', { name: /^(Laadi kuukauden vuorolista|Laadi lukitsemattomat uudelleen)$/ }).click();
    await expect.poll(() => page.getByText(/vuoroa laadittu/).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByText('Luonnos', { exact: true }).isVisible()).toBe(true);
    const period = await core.db.selectFrom('roster_periods').selectAll().where('id', '=', month).executeTakeFirst();
    expect(period?.status).toBe('DRAFT');

    // Someone free on Wednesday goes on training that day (through the staff screen).
    const duties = await core.db.selectFrom('duty_assignments').selectAll().where('date', '=', wednesday).execute();
    const weekHolder = await core.db
      .selectFrom('duty_assignments')
      .select('staff_id')
      .where('week', '=', isoWeek(wednesday))
      .executeTakeFirst();
    const away = await core.db
      .selectFrom('absences')
      .select('staff_id')
      .where('from_date', '<=', wednesday)
      .where('to_date', '>=', wednesday)
      .execute();
    const free = await core.db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('role', '=', 'COUNSELLOR')
      .where('active', '=', 1)
      .where('id', 'not in', [
        ...duties.map((d) => d.staff_id),
        ...away.map((a) => a.staff_id),
        weekHolder?.staff_id ?? '',
      ])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.getByRole('tab', { name: 'Henkilöstö ja poissaolot' }).click();
    const absenceForm = page.getByRole('form', { name: 'Lisää poissaolo' });
    await absenceForm.getByLabel('Henkilö').selectOption(free.id);
    await absenceForm.getByLabel('Alkaen').fill(wednesday);
    await absenceForm.getByLabel('Päättyen').fill(wednesday);
    await absenceForm.getByLabel('Laji').selectOption('TRAINING');
    await absenceForm.getByRole('button', { name: 'Lisää poissaolo' }).click();
    await expect.poll(() => page.getByText(`Poissaolo lisätty: ${free.name}.`).isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Suunnittelu' }).click();
    const reception = duties.find((d) => d.duty === 'RECEPTION')!;
    const absentCell = page.locator(`td[data-cell="${free.id}|${wednesday}"]`);
    await expect.poll(() => absentCell.getAttribute('class')).toContain('absent');
    const chip = page.locator(`td[data-cell="${reception.staff_id}|${wednesday}"] span.chip`).first();
    // The whole week grid in view: a drag cannot reach a row scrolled out of the window, and which rows the
    // duty and the absent person are on depends on the day the demo data is made.
    await page.setViewportSize({ width: 1280, height: 1800 });
    await chip.dragTo(absentCell);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Siirtoa ei tehty' }).textContent())
      .toContain(`${free.name} on poissa`);
    const after = await core.db
      .selectFrom('duty_assignments')
      .select('staff_id')
      .where('id', '=', reception.id)
      .executeTakeFirst();
    expect(after?.staff_id).toBe(reception.staff_id);
    await screenshot(page, '50-roster-plan-refused-fi');

    // Lock the emergency duty of that Wednesday.
    const emergency = duties.find((d) => d.duty === 'EMERGENCY')!;
    const lock = page.locator(`td[data-cell="${emergency.staff_id}|${wednesday}"] button.chip-lock`).first();
    await lock.click();
    await expect.poll(() => lock.getAttribute('aria-pressed')).toBe('true');
    const locked = await core.db
      .selectFrom('duty_assignments')
      .select('locked')
      .where('id', '=', emergency.id)
      .executeTakeFirst();
    expect(locked?.locked).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Publish (with its confirmation).
    await page.getByRole('button', { name: 'Julkaise', exact: true }).click();
    await page.getByRole('button', { name: 'Julkaise vuorolista' }).click();
    await expect.poll(() => page.getByText(/^Julkaistu /).isVisible()).toBe(true);

    // A worker with duties next week falls ill all week: the repair hands them over, a lead accepts.
    const friday = addDays(nextMonday, 4);
    const awayNextWeek = await core.db
      .selectFrom('absences')
      .select('staff_id')
      .where('from_date', '<=', friday)
      .where('to_date', '>=', nextMonday)
      .execute();
    const held = await core.db
      .selectFrom('duty_assignments')
      .innerJoin('staff', 'staff.id', 'duty_assignments.staff_id')
      .select(['staff_id', 'staff.name'])
      .where('staff_id', 'not in', ['', ...awayNextWeek.map((a) => a.staff_id)])
      .where('date', '>=', nextMonday)
      .where('date', '<=', friday)
      .where('locked', '=', 0)
      .orderBy('staff.name')
      .executeTakeFirstOrThrow();
    await page.getByRole('tab', { name: 'Henkilöstö ja poissaolot' }).click();
    await absenceForm.getByLabel('Henkilö').selectOption(held.staff_id);
    await absenceForm.getByLabel('Alkaen').fill(nextMonday);
    await absenceForm.getByLabel('Päättyen').fill(friday);
    await absenceForm.getByLabel('Laji').selectOption('SICK_LEAVE');
    await absenceForm.getByRole('button', { name: 'Lisää poissaolo' }).click();
    const repair = page.getByRole('region', { name: 'Vuorojen korjaus poissaolon vuoksi' });
    await expect.poll(() => repair.getByRole('table').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await repair.getByRole('cell', { name: held.name }).count()).toBeGreaterThan(0);
    await screenshot(page, '51-roster-repair-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await repair.getByLabel('Muutoksen syy').fill('Sairausloma');
    await repair.getByRole('button', { name: 'Hyväksy korjaus' }).click();
    await expect.poll(() => page.getByText(/^Korjaus hyväksytty/).isVisible()).toBe(true);
    const remaining = await core.db
      .selectFrom('duty_assignments')
      .select('id')
      .where('staff_id', '=', held.staff_id)
      .where('date', '>=', nextMonday)
      .where('date', '<=', friday)
      .execute();
    expect(remaining).toEqual([]);
    const tracked = await core.db.selectFrom('roster_changes').selectAll().where('action', '=', 'REPAIR').execute();
    expect(tracked.length).toBeGreaterThan(0);
    expect(tracked[0]!.reason).toBe('Sairausloma');
    // The staff page narrows to one person by name (folded: case and å ä ö alike), and pages its lists.
    const staffTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Vuoroja enintään viikossa' }) });
    const everyone = await staffTable.getByRole('row').count();
    await page.getByLabel('Hae henkilöä').fill(held.name.split(' ')[0]!.toUpperCase());
    await expect.poll(() => staffTable.getByRole('row').count()).toBeLessThan(everyone);
    const listed = await staffTable.locator('tbody th').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((name) => name.toLowerCase().includes(held.name.split(' ')[0]!.toLowerCase()))).toBe(true);
    await page.getByLabel('Hae henkilöä').fill('');

    // The change history shows on the planning tab.
    await page.getByRole('tab', { name: 'Suunnittelu' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Julkaistun listan muutokset' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Sairausloma' }).first().isVisible()).toBe(true);
    // The print view: the month as one table, the screen's controls left out.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-month');
    await expect.poll(() => printed.isVisible()).toBe(true);
    expect(await printed.getByRole('row').count()).toBeGreaterThan(15);
    expect(await page.getByRole('button', { name: 'Julkaise', exact: true }).isVisible()).toBe(false);
    await screenshot(page, '55-roster-print-fi');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: 'Kalenteri' }).click();
    await page.getByRole('button', { name: '›' }).click();
    // The month starts close under the tabs (it was 360 px down): at 1280 the filters and the reason take one
    // row and its help a line; at 1024 the reason has a row of its own.
    const roomAbove = () =>
      page.evaluate(
        () =>
          document.querySelector('.fc-header-toolbar')!.getBoundingClientRect().top -
          document.querySelector('[role="tablist"]')!.getBoundingClientRect().bottom,
      );
    await screenshot(page, '52-roster-calendar-fi');
    expect(await roomAbove()).toBeLessThan(180);
    await page.setViewportSize({ width: 1024, height: 768 });
    // FullCalendar redraws its month for the new width after a moment: Friday back inside the frame.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('.fc-col-header')!.getBoundingClientRect().right <=
            document.querySelector('.calendar')!.getBoundingClientRect().right,
        ),
      )
      .toBe(true);
    expect(await roomAbove()).toBeLessThan(260);
    await screenshot(page, '52-roster-calendar-fi-1024');
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page.getByRole('tab', { name: 'Tasapuolisuus' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Virka-aikainen sosiaalipäivystys' }).isVisible())
      .toBe(true);
    await screenshot(page, '53-roster-fairness-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the assessment-week rotation in Swedish and generates it for a quarter', async () => {
    const page = await signInToDemo(e2e, 0, 'ADVICE', 'sv');
    await page.getByRole('button', { name: 'Bedömningsveckor' }).click();
    await page.getByRole('button', { name: 'Följande år' }).click();
    await page.getByLabel('Rotationens period').selectOption('1');
    await page.getByRole('button', { name: 'Gör rotationen av bedömningsveckor' }).click();
    await expect.poll(() => page.getByText(/bedömningsveckor fördelade/).isVisible(), { timeout: 60_000 }).toBe(true);
    const rows = page.getByRole('table').first().getByRole('row');
    // Week 1 to 13 of next year have a worker now.
    await expect.poll(() => rows.nth(1).getByRole('cell').nth(1).textContent()).not.toBe('Inte fördelad');
    await screenshot(page, '54-assessment-weeks-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a lead adds a worker with role, FTE, languages, area and team; a bad FTE is refused in Finnish', async () => {
    const page = await signInToDemo(e2e, 0, 'LEAD');
    await page.getByRole('button', { name: 'Vastaanottovuorot' }).click();
    await page.getByRole('tab', { name: 'Henkilöstö ja poissaolot' }).click();
    await page.getByRole('button', { name: 'Lisää työntekijä' }).click();
    const form = page.getByRole('form', { name: 'Lisää työntekijä' });
    await form.getByLabel('Nimi').fill('Greta Granström');
    await form.getByLabel('Tehtävä').selectOption('SOCIAL_WORKER');
    await form.getByLabel('Työaika (HTV)').fill('1.5');
    await form.getByRole('checkbox', { name: 'sv' }).check();
    await form.getByLabel('Alue').selectOption('east');
    await form.getByLabel('Tiimi').selectOption('assessment-east');
    await form.getByLabel('Vuoroja enintään viikossa').fill('2');
    await form.evaluate((f) => f.setAttribute('novalidate', ''));
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Työaika');
    await form.getByLabel('Työaika (HTV)').fill('0.8');
    await screenshot(page, '58-roster-staff-form-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.getByText('Tallennettu: Greta Granström.').isVisible()).toBe(true);
    const row = page.getByRole('row', { name: /Greta Granström/ });
    expect(await row.textContent()).toContain('Itäinen alue');
    const saved = await e2e
      .app!.core.db.selectFrom('staff')
      .selectAll()
      .where('name', '=', 'Greta Granström')
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      role: 'SOCIAL_WORKER',
      fte: 0.8,
      area_id: 'east',
      team_id: 'assessment-east',
      max_duties_per_week: 2,
    });
    expect(JSON.parse(saved.languages)).toEqual(['fi', 'sv']);
  });
});
