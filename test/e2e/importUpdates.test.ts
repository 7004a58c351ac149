/**
 * Issue 18 item 10 in the app, in Finnish and Swedish: the lead re-imports the source system's export; the
 * check says how many known cases it updates and lists the value that differs from what was recorded in
 * Luukku; after the import the case history shows the earlier value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatcher';
import { formatDateTime } from '../../renderer/src/format';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';
import { exactText, textPattern, tr } from './texts';

const e2e = useE2e();
const sample = readFileSync('test/fixtures/sample_cases.csv', 'utf8');
/** The export a week later: OP-2026-0001's decision date corrected there, OP-2026-0005 triaged there. */
const later = sample
  .replace('GUIDANCE,2026-03-06 14:00,', 'GUIDANCE,2026-03-05 14:00,')
  .replace(
    'Vanhempi pyytää tukiperhettä.,,,,',
    'Vanhempi pyytää tukiperhettä.,2026-03-10 10:00,GUIDANCE,2026-03-12 09:00,',
  );

describe('re-importing from the system of record in the app', () => {
  for (const language of ['fi', 'sv'] as const) {
    it(`${language}: shows the updates and the conflict before importing, and the history after`, async () => {
      const T = (key: string, values?: Record<string, string>) => tr(language, key, values);
      const page = await signInToDemo(e2e, 0, 'LEAD', language);
      const core = e2e.app!.core;
      // Before: the first export imported, and OP-2026-0005's urgency assessed in Luukku by the lead.
      const first = await dispatch(core, 'cases.importCsv', { text: sample });
      expect(first.ok).toBe(true);
      const own = await core.db
        .selectFrom('cases')
        .select('id')
        .where('external_id', '=', 'OP-2026-0005')
        .executeTakeFirstOrThrow();
      const urgency = await dispatch(core, 'cases.recordUrgency', {
        id: own.id,
        urgent: false,
        assessedAt: '2026-03-10 09:30',
      });
      expect(urgency.ok).toBe(true);

      const file = join(e2e.dir, `later-${language}.csv`);
      writeFileSync(file, later);
      await page.getByRole('button', { name: T('import.button') }).click();
      await page.getByLabel(T('import.file')).setInputFiles(file);
      await expect
        .poll(() => page.getByText(textPattern(language, 'import.updates_other')).isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(await page.getByText(textPattern(language, 'import.updates_other')).textContent()).toBe(
        T('import.updates_other', { count: '2' }),
      );
      const conflict = page.getByRole('listitem').filter({ hasText: 'OP-2026-0005' });
      expect(await conflict.textContent()).toBe(
        `${T('import.line', { line: '6' })} · OP-2026-0005: ${T('import.conflict', {
          field: T('import.fields.urgency_assessed_at'),
          inLuukku: formatDateTime('2026-03-10T07:30:00.000Z', language),
          inFile: formatDateTime('2026-03-10T08:00:00.000Z', language),
        })}`,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `27-reimport-${language}`);

      await page.getByRole('button', { name: exactText(T('import.import')) }).click();
      await expect
        .poll(() => page.getByText(T('import.done', { imported: '0', updated: '2', skipped: '3' })).isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      await page.getByRole('button', { name: T('import.back') }).click();
      await page.getByRole('button', { name: new RegExp(`^${T('queue.view.CLOSED')}`) }).click();
      await page.getByRole('grid').getByRole('row').filter({ hasText: 'Ella Nieminen' }).click();
      const pane = page.getByRole('complementary');
      const updated = pane.getByRole('listitem').filter({ hasText: T('detail.events.IMPORT_UPDATED') });
      await expect.poll(() => updated.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await updated.textContent()).toContain(`${T('import.fields.decision_at')}: 6.3.2026 → 5.3.2026`);
      await updated.scrollIntoViewIfNeeded();
      await screenshot(page, `28-reimport-history-${language}`);
    });
  }
});
