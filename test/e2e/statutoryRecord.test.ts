/**
 * Issue 18 in the app, in Finnish and Swedish: a social worker backdates a decision, corrects it and
 * records why the deadline was missed; the lead's THL screen shows the case among the late decisions with
 * that reason. Labels come from the UI's own translations, so the test reads what the user reads.
 */
import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDate } from '../../shared/dates';
import { DEMO_PASSWORD } from '../helpers/stores';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';
import { escapeRegExp as escape, exactText as exact, textPattern as pattern, tr } from './texts';

const e2e = useE2e();

describe('the statutory record in the app', () => {
  for (const language of ['fi', 'sv'] as const) {
    it(`${language}: backdates a decision, corrects it, gives the overrun reason, and the THL screen lists it`, async () => {
      const T = (key: string, values?: Record<string, string>) => tr(language, key, values);
      const page = await signInToDemo(e2e, 300, 'ASSESSMENT_SW', language);
      const db = e2e.app!.core.db;
      const today = helsinkiDate(new Date());
      // An undecided case past its 7-working-day deadline, in the demo's own history.
      const c = await db
        .selectFrom('cases')
        .selectAll()
        .where('status', '=', 'TRIAGE')
        .where('type', '=', 'LSL25')
        .where('start_due', '<', addDays(today, -1))
        .where('child_first_name', 'is not', null)
        .orderBy('start_due', 'desc')
        .executeTakeFirstOrThrow();
      const name = `${c.child_first_name} ${c.child_last_name}`;
      const fmt = (d: string) => d.split('-').map(Number).reverse().join('.');

      await page.getByLabel(T('queue.search'), { exact: true }).fill(c.child_last_name!);
      await page.getByRole('grid').getByRole('row').filter({ hasText: name }).first().click();
      const pane = page.getByRole('complementary');
      await expect.poll(() => pane.getByRole('heading', { name }).isVisible(), { timeout: 10_000 }).toBe(true);

      // The decision was made on the due day and is typed in only now: on time.
      await pane.getByLabel(T('detail.decisionField'), { exact: true }).selectOption('NO_ACTION');
      await pane.getByLabel(T('record.decisionDate'), { exact: true }).first().fill(c.start_due!);
      await pane.getByLabel(T('detail.reason'), { exact: true }).fill('Ei huolta / Ingen oro.');
      await pane.getByRole('button', { name: T('detail.saveDecision') }).click();
      await expect
        .poll(() => pane.getByText(pattern(language, 'record.enteredLater')).isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(await pane.textContent()).toContain(fmt(c.start_due!));

      // It was in fact a day later: corrected with its reason, the earlier date kept in the history.
      const correction = pane.locator('details').filter({ hasText: T('record.correctDecision') });
      await correction.getByText(T('record.correctDecision')).click();
      const late = addDays(c.start_due!, 1);
      await correction.getByLabel(T('record.decisionDate'), { exact: true }).fill(late);
      await correction
        .getByLabel(T('record.correctionReason'), { exact: true })
        .fill('Päivä tarkistettu / Datum kontrollerat.');
      await correction.getByRole('button', { name: T('record.saveCorrection') }).click();
      await expect
        .poll(() => pane.getByText(T('detail.events.DECISION_CORRECTED')).isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(
        await pane
          .getByRole('listitem')
          .filter({ hasText: T('detail.events.DECISION_CORRECTED') })
          .textContent(),
      ).toContain(`${fmt(c.start_due!)} → ${fmt(late)}`);

      // Late now: why.
      await pane.getByLabel(new RegExp(`^${escape(T('record.overrunReason'))} \\(`)).selectOption('FAMILY_UNREACHABLE');
      await pane.getByRole('button', { name: T('record.saveOverrun') }).click();
      const shown = T('record.overrunShown', {
        deadline: T('record.overrunDeadlines.START'),
        reason: T('record.overrunReasons.FAMILY_UNREACHABLE'),
      });
      await expect.poll(() => pane.getByText(shown).isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `70-statutory-record-${language}`);

      // The lead's THL screen: the case among the late decisions, with its reason.
      const lead = await db.selectFrom('users').select('username').where('role', '=', 'LEAD').executeTakeFirstOrThrow();
      await page.getByRole('button', { name: T('common.signOut') }).click();
      await page.getByLabel(T('setup.username'), { exact: true }).fill(lead.username);
      await page.getByLabel(exact(T('setup.password'))).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: exact(T('signIn.submit')) }).click();
      await expect.poll(() => page.getByRole('navigation').isVisible(), { timeout: 20_000 }).toBe(true);
      await page.keyboard.press('Alt+6');
      await page.getByLabel(T('reports.thl.from'), { exact: true }).fill(c.pending_from!);
      await page.getByLabel(T('reports.thl.to'), { exact: true }).fill(today);
      await page.getByLabel(T('reports.thl.asOf'), { exact: true }).fill(today);
      await page.getByRole('button', { name: T('reports.thl.show') }).click();
      const lateFigure = page.getByRole('button', {
        name: new RegExp(
          `^${T('reports.thl.showCases', { figure: T('reports.thl.figures.pending.decidedLate'), count: '\\d+' }).replace(/[()]/g, '\\$&')}`,
        ),
      });
      await expect.poll(() => lateFigure.isVisible(), { timeout: 10_000 }).toBe(true);
      const reasons = page.getByRole('table', { name: T('reports.thl.overrunTitle') });
      const row = reasons.getByRole('row', { name: new RegExp(T('record.overrunReasons.FAMILY_UNREACHABLE')) });
      expect(Number((await row.getByRole('cell').first().textContent())!.trim())).toBeGreaterThanOrEqual(1);
      await lateFigure.click();
      const listed = page.getByRole('region').filter({ has: page.locator('#figure-cases-heading') });
      const caseRow = listed.getByRole('row').filter({ hasText: name });
      await expect.poll(() => caseRow.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await caseRow.first().textContent()).toContain(T('record.overrunReasons.FAMILY_UNREACHABLE'));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `71-thl-overrun-reason-${language}`);
    });
  }
});
