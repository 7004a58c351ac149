/**
 * Issue 16 in the real renderer: what the closed holes look like to the people at the keyboard. The
 * advice team is told only that a child has earlier cases elsewhere; the county admin is offered only
 * admin accounts; a weak password is shown as weak while it is typed and refused in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { caseViewer } from '../../main/areas/cases/caseAccess';
import { caseScopeFilter } from '../../main/areas/cases/scopeQueries';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';

const e2e = useE2e();

describe('access to client data in the app', () => {
  it('the advice team registering a child with earlier cases outside their scope learns only that there are some', async () => {
    const page = await signInToDemo(e2e, 200, 'ADVICE');
    const core = e2e.app!.core;
    const viewer = await caseViewer(core);
    const visible = core.db.selectFrom('cases as c').select('c.id').where(caseScopeFilter(viewer)!);
    const hidden = await core.db
      .selectFrom('cases')
      .select(['child_hetu', 'child_first_name', 'child_last_name'])
      .where('child_hetu', 'is not', null)
      .where('id', 'not in', visible)
      .executeTakeFirstOrThrow();
    await page.keyboard.press('Alt+N');
    await page.getByLabel('Henkilötunnus').fill(hidden.child_hetu!);
    const notice = page.getByRole('status').filter({ hasText: 'Lapsella on myös aiempia asioita' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      'Lapsella on myös aiempia asioita, joita roolisi ei näytä. Kysy johtavalta sosiaalityöntekijältä, liittyvätkö ne tähän ilmoitukseen.',
    );
    // Nothing of who or what: no name, no offer to link.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(`${hidden.child_first_name} ${hidden.child_last_name}`);
    expect(await page.getByRole('button', { name: 'Linkitä tähän asiaan' }).count()).toBe(0);
    await screenshot(page, '70-existing-elsewhere-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);

  it('the county admin (in Swedish) is offered admin accounts only, and no reports', async () => {
    const page = await signInToDemo(e2e, 20, 'ADMIN', 'sv');
    expect(await page.getByRole('button', { name: 'Rapporter' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Teamet' }).click();
    expect(await page.getByRole('tab', { name: 'Arkivering' }).count()).toBe(0);
    await expect
      .poll(() => page.getByText('Endast en ledande socialarbetare skapar och ändrar konton').isVisible())
      .toBe(true);
    // Accounts that see client data have no actions for the admin.
    const lead = page.getByRole('row').filter({ hasText: 'Ledande socialarbetare' }).first();
    expect(await lead.getByRole('button').count()).toBe(0);
    await page.getByRole('button', { name: 'Lägg till användare' }).click();
    const form = page.getByRole('form', { name: 'Lägg till användare' });
    const roles = await form.getByLabel('Roll').locator('option').allTextContents();
    expect(roles).toEqual(['Huvudanvändare']);
    await screenshot(page, '71-users-admin-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);

  it('a lead (in Swedish) sees a weak password as weak and is told why it is refused', async () => {
    const page = await signInToDemo(e2e, 20, 'LEAD', 'sv');
    await page.getByRole('button', { name: 'Teamet' }).click();
    await page.getByRole('tab', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Lägg till användare' }).click();
    const form = page.getByRole('form', { name: 'Lägg till användare' });
    await form.getByLabel('Namn', { exact: true }).fill('Svag Lösen');
    await form.getByLabel('Användarnamn').fill('svag.losen');
    await form.getByLabel('Första lösenord').fill('Luukku-2026!');
    await expect.poll(() => form.getByText('Styrka: inte tillräckligt stark').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Spara' }).click();
    await screenshot(page, '72-weak-password-sv');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'för lätt att gissa' }).isVisible()).toBe(true);
    await screenshot(page, '72-weak-password-sv');
    await form.getByLabel('Första lösenord').fill('tuuli-järvi-kivi-9');
    await expect.poll(() => form.getByText(/Styrka: (bra|stark)/).isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Spara' }).click();
    // Saving hashes the first password (scrypt): slow on a loaded CI machine, as the change below.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Svag Lösen har sparats.' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The new account must choose its own password before anything else opens.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').fill('svag.losen');
    await page.getByLabel(/^Lösenord$/).fill('tuuli-järvi-kivi-9');
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Signing in checks the password (scrypt): slow on a loaded CI machine.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Byt lösenord' }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page.getByLabel('Nuvarande (tillfälligt) lösenord').fill('tuuli-järvi-kivi-9');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('svag.losen.2026');
    await expect.poll(() => page.getByText(/^Styrka: (svag|inte tillräckligt stark)$/).isVisible()).toBe(true);
    await screenshot(page, '73-change-password-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('egna-bergsjöar-fyra');
    await page.getByLabel('Nytt lösenord igen').fill('egna-bergsjöar-fyra');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    // The new password is hashed (scrypt) before the app opens: slow on a loaded CI machine.
    await expect.poll(() => page.getByRole('navigation').isVisible(), { timeout: 20_000 }).toBe(true);
  }, 120_000);
});

describe("colleagues' absences", () => {
  it('the advice team sees that a colleague is away, not that it is sick leave; in Finnish and Swedish', async () => {
    const page = await signInToDemo(e2e, 20, 'ADVICE');
    const core = e2e.app!.core;
    const me = core.actor()!;
    const colleague = await core.db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where(
        'id',
        'not in',
        core.db.selectFrom('users').select('staff_id').where('id', '=', me.id).where('staff_id', 'is not', null),
      )
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const today = new Date().toISOString().slice(0, 10);
    await core.db
      .insertInto('absences')
      .values({ staff_id: colleague.id, from_date: today, to_date: today, kind: 'SICK_LEAVE', created_at: today })
      .execute();
    await page.getByRole('button', { name: 'Vastaanottovuorot' }).click();
    await page.getByRole('tab', { name: 'Henkilöstö ja poissaolot' }).click();
    const row = page.getByRole('row').filter({ hasText: colleague.name }).filter({ hasText: 'Poissa' });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'Sairausloma' }).count()).toBe(0);
    await row.first().scrollIntoViewIfNeeded();
    await screenshot(page, '74-absences-advice-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Kieli').selectOption('sv');
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: colleague.name }).filter({ hasText: 'Frånvarande' }).count())
      .toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'Sjukledighet' }).count()).toBe(0);
    await screenshot(page, '75-absences-advice-sv');
  }, 120_000);
});
