/**
 * The assessment-week model in the app (issue 22 item 8), in Finnish and Swedish: a team lead chooses one
 * dedicated social worker with a deputy in the settings; the advice team registers a notification; it is
 * the dedicated worker's at once, under "mine" and on their 7-day list, without anyone assigning it. The same
 * desk types in a family's anonymous feedback with its team's code.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, signIn, signInToDemo, useE2e } from './harness';
import { tr, type UiLanguage } from './texts';

const e2e = useE2e();

describe('the assessment-week model', () => {
  for (const language of ['fi', 'sv'] as const satisfies UiLanguage[]) {
    it(`a dedicated assessment-week worker receives the day's new notifications (${language})`, async () => {
      const T = (key: string, values?: Record<string, string>) => tr(language, key, values);
      const page = await signInToDemo(e2e, 200, 'LEAD', language);
      const db = e2e.app!.core.db;
      const workers = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'staff_id'])
        .where('role', '=', 'ASSESSMENT_SW')
        .orderBy('username')
        .execute();
      const [worker, deputy] = [workers[1]!, workers[0]!];
      // Present today, whatever the demo's absences say (the arrangement, not the test).
      await db.deleteFrom('absences').where('staff_id', '=', worker.staff_id!).execute();

      await page.keyboard.press('Alt+4');
      const model = page.getByRole('group', { name: T('settings.assessmentModel.legend') });
      await model.getByLabel(T('settings.assessmentModel.model')).selectOption('DEDICATED');
      await model.getByLabel(T('settings.assessmentModel.worker')).selectOption(worker.id);
      await model.getByLabel(T('settings.assessmentModel.deputy')).selectOption(deputy.id);
      const form = page.getByRole('form', { name: T('settings.title') });
      await form.getByRole('button', { name: T('common.save'), exact: true }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: T('common.saved') })
            .isVisible(),
        )
        .toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `a8-assessment-model-${language}`);

      // The advice team registers a notification by the keyboard path.
      await page.getByRole('button', { name: T('common.signOut') }).click();
      const advice = await db
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'ADVICE')
        .orderBy('username')
        .executeTakeFirstOrThrow();
      await signIn(page, advice.username);
      await page.keyboard.press('Alt+N');
      await page.getByLabel(T('register.channel')).selectOption('PHONE');
      await page.getByLabel(T('register.reporter')).selectOption('SCHOOL');
      await page.getByLabel(T('register.municipality'), { exact: true }).selectOption({ index: 1 });
      await page.getByLabel(T('register.summary')).fill('Opettaja on huolissaan.');
      await page.getByLabel(T('detail.firstName'), { exact: true }).first().fill('Viikko');
      await page.getByLabel(T('detail.lastName'), { exact: true }).first().fill('Nimettylä');
      await page.getByLabel(T('detail.birthDate'), { exact: true }).first().fill('2016-02-03');
      await page.getByRole('button', { name: T('register.submit') }).click();
      await expect
        .poll(
          () =>
            page
              .getByRole('status')
              .filter({ hasText: T('register.saved_one') })
              .isVisible(),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);

      // The same desk types in a family's returned feedback form: the team's code, the day, three scores.
      await page.keyboard.press('Alt+5');
      const feedback = page.getByRole('region', { name: T('feedback.heading') });
      await feedback.getByLabel(T('feedback.code')).fill('east-2026');
      for (const [question, score] of [
        ['helped', '4'],
        ['heard', '5'],
        ['clear', '3'],
      ] as const)
        await feedback.getByLabel(T(`feedback.${question}`)).selectOption(score);
      await feedback.getByRole('button', { name: T('feedback.save') }).click();
      await expect
        .poll(() => feedback.getByRole('status').textContent())
        .toBe(T('feedback.saved', { team: language === 'sv' ? 'Bedömningsteam öst' : 'Arviointitiimi itä' }));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.locator('#feedback-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await screenshot(page, `a11-feedback-entry-${language}`);

      // The dedicated worker has it among their own, with nobody having assigned it.
      await page.getByRole('button', { name: T('common.signOut') }).click();
      await signIn(page, worker.username);
      await page.keyboard.press('Alt+1');
      await page.getByRole('button', { name: new RegExp(`^${T('queue.view.MINE')}`) }).click();
      const row = page.getByRole('grid').getByRole('row').filter({ hasText: 'Viikko Nimettylä' });
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      expect(await row.textContent()).toContain(worker.display_name);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `a9-dedicated-worker-queue-${language}`);

      // Their 7-day list: the notification by its deadline, nothing of its steps done yet; a step to the case.
      await page.keyboard.press('Alt+L');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(T('nav.sevenDays'));
      const list = page.getByRole('table', { name: T('sevenDays.tableLabel') });
      const item = list.getByRole('row').filter({ hasText: 'Viikko Nimettylä' });
      await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
      expect(await item.getByText(T('sevenDays.todo'), { exact: true }).count()).toBe(3);
      expect(await item.getByText(T('sevenDays.notDue')).isVisible()).toBe(true);
      // The dedicated worker is on duty: the list says why every case of the county is open to them today.
      expect(await page.getByText(T('sevenDays.onDuty')).isVisible()).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `a10-seven-day-list-${language}`);
      await item.getByRole('button', { name: /Viikko Nimettylä/ }).click();
      await expect
        .poll(() =>
          page.getByRole('complementary').getByRole('heading', { name: 'Viikko Nimettylä', level: 2 }).isVisible(),
        )
        .toBe(true);
    });
  }
});
