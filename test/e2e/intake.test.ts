import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseDeadlines } from '../../shared/calendar';
import { helsinkiDate } from '../../shared/dates';
import { helsinkiNowForInput } from '../../renderer/src/format';
import { makeHetu } from '../../shared/hetu';
import { pdfText } from '../helpers/pdfText';
import { screenshot, seriousA11yViolations, signIn, signInToDemo, useE2e } from './harness';
import { textPattern, tr } from './texts';
import { DEMO_PASSWORD } from '../helpers/stores';

const e2e = useE2e();
/** The label of the focused field, as a screen reader would name it. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null);
const signedIn = (cases: number, role = 'LEAD', language?: string) => signInToDemo(e2e, cases, role, language);

describe('intake and triage in the app', () => {
  it('registers a notification, shows it in the assessment-week queue with its due date, triages it, and it leaves the queue', async () => {
    const page = await signedIn(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Jono on tyhjä' }).isVisible()).toBe(true);
    await page.keyboard.press('Alt+N');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kirjaa ilmoitus');
    // Keyboard-first: the channel has focus, and nothing is chosen for the user.
    await expect.poll(() => focusedLabel(page)).toBe('Kanava');
    expect(await page.getByLabel('Kanava').inputValue()).toBe('');
    expect(await page.getByLabel('Ilmoittajan taho').inputValue()).toBe('');
    await page.getByLabel('Kanava').selectOption({ label: 'Puhelin' });
    await page.getByLabel('Etunimi').fill('Iida');
    await page.getByLabel('Sukunimi').fill('Testinen');
    await page.getByLabel('Henkilötunnus').fill('150315A9034');
    await expect
      .poll(() =>
        page.getByText('Tarkista tiedot: Henkilötunnus: henkilötunnuksen tarkistusmerkki on väärä').isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Henkilötunnus').fill(makeHetu('2015-03-15', 903));
    await page.getByLabel('Kunta').selectOption({ label: 'Loviisa' });
    await page.getByLabel('Ilmoittajan taho').selectOption({ label: 'Koulu' });
    await page.getByLabel('Kuvaus').fill('Opettaja on huolissaan poissaoloista.');
    await page.getByRole('button', { name: 'Lisää huoltaja' }).click();
    await page.getByLabel('Huoltajan nimi').fill('Maija Testinen');
    await page.getByLabel('Asiointikieli').selectOption({ label: 'ruotsi' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '20-register-fi');
    const db = e2e.app!.core.db;
    const lastSeq = async () =>
      (await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()).seq;
    const before = await lastSeq();
    await page.getByRole('button', { name: 'Tallenna ilmoitus' }).click();

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Ilmoitus kirjattu.' }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    // One registration, one read of the queue page shown after it: the child's access log lists no more.
    const actionsSince = async (seq: number) =>
      (await db.selectFrom('audit_log').select('action').where('seq', '>', seq).orderBy('seq').execute()).map(
        (e) => e.action,
      );
    await expect.poll(() => actionsSince(before)).toEqual(['cases.register', 'cases.queue']);
    await page.getByRole('button', { name: /^Arviointiviikko/ }).click();
    const due = caseDeadlines(helsinkiDate(new Date())).startDue;
    const [y, m, d] = due.split('-').map(Number);
    const firstRow = page.getByRole('grid').getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toContain('Iida Testinen');
    expect(await firstRow.textContent()).toContain(`${d}.${m}.${y} · Aloitus`);
    expect(await firstRow.textContent()).toContain('Ajallaan');
    expect(await page.getByRole('complementary').getByRole('heading', { name: 'Iida Testinen' }).isVisible()).toBe(
      true,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '21-queue-new-case-fi');

    const beforeUrgency = await lastSeq();
    await page.getByRole('button', { name: 'Ei kiireellinen' }).click();
    // Asked once more, with the time it records; Enter confirms from the focused button.
    await expect
      .poll(() => page.getByText(/^Kirjataanko kiireellisyyden arvioksi "Ei kiireellinen"/).isVisible())
      .toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Kirjaa arvio');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/^Arvioitu .*: Ei kiireellinen/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Kumoa kirjaus/ }).isVisible()).toBe(true);
    await expect.poll(() => actionsSince(beforeUrgency)).toEqual(['cases.recordUrgency', 'cases.queue']);
    await page.getByLabel('Ratkaisu', { exact: true }).selectOption({ label: 'Ohjattu muihin palveluihin' });
    const save = page.getByRole('button', { name: 'Tallenna ratkaisu' });
    await page.getByLabel('Perustelu', { exact: true }).fill('Ohjattu perheneuvolaan.');
    expect(await save.isDisabled()).toBe(true); // no service chosen yet
    await page.getByLabel('Hae palvelua').fill('perheneuvola');
    await page.getByRole('checkbox', { name: /Perheneuvola/ }).check();
    await expect.poll(() => page.getByText('1 palvelu valittu').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '22-guidance-services-fi');
    await save.click();
    await expect
      .poll(() => page.getByText('Ei asioita tällä rajauksella.').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await page.getByText(/^Ratkaistu .*: Ohjattu muihin palveluihin/).isVisible()).toBe(true);
    // The service in the reader's language only, not "Perheneuvola / Familjerådgivningen".
    expect(await page.getByText('Ohjattu: Perheneuvola.', { exact: true }).isVisible()).toBe(true);

    // The decision letter, in Swedish as the guardian asked, for the guardian named at registration.
    expect(await page.getByLabel('Kirje', { exact: true }).inputValue()).toBe('DECISION');
    expect(await page.getByLabel('Kirjeen kieli').inputValue()).toBe('sv');
    expect(await page.getByLabel('Vastaanottaja').inputValue()).toBe('Maija Testinen');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tee kirje (PDF)' }).click();
    const pdf = readFileSync(await (await download).path());
    expect(pdfText(pdf)).toContain('Avgörande i ärendet som gäller ert barn');
    expect(pdfText(pdf).replace(/\n/g, ' ')).toContain('Familjerådgivningen');
    expect(pdfText(pdf)).not.toContain('Perheneuvola');
    await expect
      .poll(() => page.getByRole('button', { name: /^Ratkaisukirje \(SV\) · Maija Testinen/ }).isVisible())
      .toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '22-triaged-fi');
  });

  it('takes a two-sibling phone notification from the keyboard alone in under 200 keys, at 1024 x 768 in Swedish, keeping the draft when the user leaves', async () => {
    const page = await signedIn(0, 'ADVICE', 'sv');
    await page.setViewportSize({ width: 1024, height: 768 });
    const db = e2e.app!.core.db;
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
      });
    let keys = 0;
    const press = async (chord: string) => {
      keys += chord.split('+').length; // Ctrl+Enter is two keys
      await page.keyboard.press(chord);
    };
    const type = async (text: string) => {
      keys += text.length;
      await page.keyboard.type(text);
    };
    /** Tab until the field or button named `name` has focus, every Tab counted. */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 20 && (await focused()) !== name; i++) await press('Tab');
      expect(await focused()).toBe(name);
    };

    await page.keyboard.press('Alt+N');
    await expect.poll(focused).toBe(tr('sv', 'register.channel'));
    // Saving at once names what is missing in the app's words and goes to the first such field.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText(tr('sv', 'common.required')).first().isVisible()).toBe(true);
    expect(await focused()).toBe(tr('sv', 'register.channel'));

    await type('t'); // Telefon
    await tabTo(tr('sv', 'register.reporter'));
    await type('s'); // Skolan
    await press('Tab');
    await type('Lärare 040 123');
    await press('Tab');
    await type('lovi'); // Lovisa
    await tabTo(tr('sv', 'detail.firstName'));
    await type('Ella');
    await press('Tab');
    await type('Virtanen');
    await press('Tab');
    await type(makeHetu('2014-06-11', 402));
    await tabTo(tr('sv', 'register.addSibling'));
    await press('Enter');
    // The new row has the focus, the surname carried over.
    await expect.poll(focused).toBe(tr('sv', 'detail.firstName'));
    await type('Eino');
    await press('Tab');
    expect(await focused()).toBe(tr('sv', 'detail.lastName'));
    await press('Tab');
    await type(makeHetu('2017-02-20', 413));
    // The birth date comes from the identity code: shown, not typed.
    await expect
      .poll(() => page.getByText(tr('sv', 'register.birthDateFromHetu', { date: '20.2.2017' })).isVisible())
      .toBe(true);
    await tabTo(tr('sv', 'register.addGuardian'));
    await press('Enter');
    await expect.poll(focused).toBe(tr('sv', 'register.guardianName'));
    await type('Maria Virtanen');
    await press('Tab');
    await type('0401234567');

    // Leaving the form (Alt+1) loses nothing: the queue offers to continue, and everything is back.
    await page.keyboard.press('Alt+1');
    const resume = page.getByRole('button', { name: tr('sv', 'queue.continueDraft') });
    await expect.poll(() => resume.isVisible()).toBe(true);
    await page.keyboard.press('Alt+N');
    await expect.poll(() => page.getByText(tr('sv', 'register.draftRestored')).isVisible()).toBe(true);
    expect(await page.getByLabel(tr('sv', 'register.guardianPhone')).inputValue()).toBe('0401234567');
    expect(await page.getByLabel(tr('sv', 'detail.firstName')).nth(1).inputValue()).toBe('Eino');
    expect(await page.getByLabel(tr('sv', 'register.channel')).inputValue()).toBe('PHONE');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await screenshot(page, '24-register-siblings-sv-1024');

    await page.getByLabel(tr('sv', 'register.summary')).focus();
    await type('Läraren är orolig för barnens frånvaro.');
    await press('Control+Enter');
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: tr('sv', 'register.saved_other', { count: '2' }) })
            .isVisible(),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const saved = await db
      .selectFrom('cases')
      .select(['child_first_name', 'child_birth_date', 'channel', 'reporter_category', 'municipality_id'])
      .where('child_last_name', '=', 'Virtanen')
      .orderBy('child_birth_date')
      .execute();
    expect(saved).toEqual([
      {
        child_first_name: 'Ella',
        child_birth_date: '2014-06-11',
        channel: 'PHONE',
        reporter_category: 'SCHOOL',
        municipality_id: 'loviisa',
      },
      {
        child_first_name: 'Eino',
        child_birth_date: '2017-02-20',
        channel: 'PHONE',
        reporter_category: 'SCHOOL',
        municipality_id: 'loviisa',
      },
    ]);
    expect(keys).toBeLessThan(200);
    // The first child's case is open, with its sibling's case one click away.
    const pane = page.getByRole('complementary');
    await expect.poll(() => pane.getByRole('heading', { name: tr('sv', 'detail.siblings') }).isVisible()).toBe(true);
    await pane.getByRole('button', { name: 'Eino Virtanen' }).click();
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe('Eino Virtanen');
    await expect.poll(() => pane.getByRole('button', { name: 'Ella Virtanen' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '25-siblings-sv-1024');
    // From the open case: Alt+↑ / Alt+↓ move through the queue's rows, Escape closes the case.
    const names = async () =>
      (await page.getByRole('grid').locator('.child-cell strong').allTextContents()).slice(0, 2);
    const [first, second] = await names();
    await page.getByRole('grid').getByText(first!, { exact: true }).click();
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(first);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(second);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(first);
    // What the paper holds: the case and its timeline, not the queue around it nor the pane's controls.
    await page.evaluate(() => document.documentElement.classList.add('printing-case'));
    await page.emulateMedia({ media: 'print' });
    expect(await pane.getByRole('heading', { name: tr('sv', 'detail.history') }).isVisible()).toBe(true);
    expect(await pane.getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    expect(await page.getByRole('grid').isVisible()).toBe(false);
    expect(await page.getByLabel(tr('sv', 'queue.search')).isVisible()).toBe(false);
    expect(await pane.getByRole('button', { name: tr('sv', 'detail.print') }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.classList.remove('printing-case'));
    // Printing the case is logged before the print dialog opens.
    await pane.getByRole('button', { name: tr('sv', 'detail.print') }).click();
    await expect
      .poll(
        async () =>
          (await db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').executeTakeFirstOrThrow()).action,
      )
      .toBe('cases.print');
    await page.keyboard.press('Escape');
    await expect.poll(() => pane.getByText(tr('sv', 'queue.selectCase')).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    // Saved, the draft is gone: registering again starts empty.
    await page.keyboard.press('Alt+N');
    await expect.poll(focused).toBe(tr('sv', 'register.channel'));
    expect(await page.getByText(tr('sv', 'register.draftRestored')).count()).toBe(0);
    expect(await page.getByLabel(tr('sv', 'register.guardianPhone')).count()).toBe(0);

    // Every child is checked against earlier cases, not only the first: the second child here is Eino.
    await page.getByRole('button', { name: tr('sv', 'register.addSibling') }).click();
    await page.getByLabel(tr('sv', 'detail.hetu')).nth(1).fill(makeHetu('2017-02-20', 413));
    const earlier = page.getByText(tr('sv', 'register.existingFor', { name: tr('sv', 'register.child', { n: '2' }) }));
    await expect.poll(() => earlier.isVisible()).toBe(true);
    expect(await page.locator('.existing li').first().textContent()).toContain('Eino Virtanen');
    // Discarding what was typed is asked once more; then the queue offers a new notification again.
    await page.getByRole('button', { name: tr('sv', 'register.discard') }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.textContent()).toContain(tr('sv', 'register.discardQuestion'));
    await question.getByRole('button', { name: tr('sv', 'register.discard') }).click();
    await expect
      .poll(() => page.getByRole('button', { name: tr('sv', 'queue.register'), exact: true }).isVisible())
      .toBe(true);
  });

  it('puts a case just marked urgent at the top with its badge, overdue ones before fresh ones, and undoes it (sv)', async () => {
    const page = await signedIn(60, 'ASSESSMENT_SW', 'sv');
    const db = e2e.app!.core.db;
    await page.getByRole('button', { name: new RegExp(`^${tr('sv', 'queue.view.OPEN')}`) }).click();
    const rows = page.getByRole('grid').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await screenshot(page, '23-urgent-before-sv');
    // The first row is a notification whose urgency nobody has assessed yet: open it and mark it urgent.
    await rows.nth(1).click();
    const pane = page.getByRole('complementary');
    const name = (await pane.getByRole('heading', { level: 2 }).textContent())!;
    // The urgency and the decision are one keystroke away (Alt+8, Alt+9) wherever the focus is.
    const focusedSection = () =>
      page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.textContent ?? null);
    await page.getByRole('grid').focus();
    await page.keyboard.press('Alt+9');
    await expect.poll(focusedSection).toBe(tr('sv', 'detail.decision'));
    await page.keyboard.press('Alt+8');
    await expect.poll(focusedSection).toBe(tr('sv', 'detail.urgency'));
    // The pane widens for working one case, and the queue's rows still fit their grid.
    const paneWidth = async () => (await pane.boundingBox())!.width;
    const narrow = await paneWidth();
    await pane.getByRole('button', { name: tr('sv', 'detail.widen') }).click();
    await expect.poll(paneWidth).toBeGreaterThan(narrow + 80);
    expect(await page.getByRole('grid').evaluate((g) => g.scrollWidth <= g.clientWidth + 1)).toBe(true);
    await screenshot(page, '23-wide-pane-sv');
    await pane.getByRole('button', { name: tr('sv', 'detail.widen') }).click();
    await pane.getByRole('button', { name: tr('sv', 'detail.urgent'), exact: true }).click();
    await expect.poll(() => pane.getByText(textPattern('sv', 'detail.confirmUrgency')).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    const badge = tr('sv', 'detail.urgentBadge');
    await expect.poll(() => pane.getByText(badge, { exact: true }).isVisible()).toBe(true);

    // Below only the notifications still waiting for their urgency assessment, with its badge in the row.
    const unassessed = Number(
      (
        await db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'NEW')
          .executeTakeFirstOrThrow()
      ).n,
    );
    await expect.poll(async () => (await rows.allTextContents()).findIndex((t) => t.includes(name))).toBeGreaterThan(0);
    const texts = (await rows.allTextContents()).slice(1);
    const at = texts.findIndex((t) => t.includes(name));
    expect(texts[at]).toContain(badge);
    expect(at).toBeLessThanOrEqual(unassessed);
    // After the unassessed and the urgent: every overdue case before any case still in time.
    const rest = texts.slice(at + 1).filter((t) => !t.includes(badge));
    const overdue = rest.map((t) => t.includes(tr('sv', 'clock.OVERDUE')));
    expect(overdue.some(Boolean)).toBe(true);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    await screenshot(page, '23-urgent-sv');
    // The same order and badge at 1024 x 768 in Finnish, the badge inside the row's visible part.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel(tr('sv', 'common.language'), { exact: true }).selectOption('fi');
    const fiBadge = tr('fi', 'detail.urgentBadge');
    await expect.poll(async () => (await rows.nth(at + 1).textContent()) ?? '').toContain(fiBadge);
    const row = (await rows.nth(at + 1).boundingBox())!;
    const mark = (await rows
      .nth(at + 1)
      .getByText(fiBadge, { exact: true })
      .boundingBox())!;
    expect(mark.x + mark.width).toBeLessThanOrEqual(row.x + row.width);
    expect(row.x + row.width).toBeLessThanOrEqual(1024);
    await screenshot(page, '23-urgent-fi-1024');
    await page.getByLabel(tr('fi', 'common.language'), { exact: true }).selectOption('sv');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A mis-click is undone within minutes; the history keeps both entries.
    await pane.getByRole('button', { name: textPattern('sv', 'detail.undoUrgency') }).click();
    await expect.poll(() => pane.getByText(badge, { exact: true }).count()).toBe(0);
    expect(await pane.getByRole('button', { name: tr('sv', 'detail.urgent'), exact: true }).isVisible()).toBe(true);
    expect(await pane.getByText(tr('sv', 'detail.events.URGENCY_UNDONE')).isVisible()).toBe(true);
  });

  it('logs a home visit and completes a started assessment', async () => {
    const page = await signedIn(600, 'LEAD');
    await page.getByRole('button', { name: /^Avoimet/ }).click();
    // An assessment the demo left running, found as a lead would: by the child's name.
    const running = await e2e
      .app!.core.db.selectFrom('cases')
      .select(['child_first_name', 'child_last_name'])
      .where('status', '=', 'ASSESSMENT')
      .where('child_last_name', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.getByLabel('Hae nimellä tai henkilötunnuksella').fill(running.child_last_name!);
    const assessmentRow = page
      .getByRole('grid')
      .getByRole('row')
      .filter({ hasText: `${running.child_first_name} ${running.child_last_name}` })
      .filter({ hasText: 'Valmistuminen' })
      .first();
    await assessmentRow.click();
    await expect.poll(() => page.getByRole('heading', { name: 'Palvelutarpeen arviointi' }).isVisible()).toBe(true);
    // A home visit held an hour ago, recorded straight from the meeting form (no plan first).
    const form = page.getByRole('form', { name: 'Uusi tapaaminen' });
    await form.getByLabel('Tapaamisen laji').selectOption({ label: 'Kotikäynti' });
    await form.getByLabel('Aika').fill(helsinkiNowForInput(new Date(Date.now() - 3_600_000)));
    await form.getByRole('button', { name: 'Kirjaa pidetyksi' }).click();
    // Nobody ticked as present: the app asks who took part before anything is saved.
    await expect.poll(() => form.getByText('Kerro, ketkä osallistuivat.').isVisible()).toBe(true);
    await form.getByRole('checkbox', { name: /^Lapsi:/ }).check();
    await form.getByLabel('Muistiinpano').fill('Tavattiin koko perhe.');
    await form.getByRole('button', { name: 'Kirjaa pidetyksi' }).click();
    await expect.poll(() => page.getByText('Tavattiin koko perhe.').isVisible()).toBe(true);
    expect(await page.getByText(/Tapaaminen pidetty · Kotikäynti/).isVisible()).toBe(true);
    await page.getByLabel('Lopputulos').selectOption({ label: 'Ei jatkotarvetta' });
    await page.getByLabel('Päättävä kirjaus').fill('Perhe pärjää; ohjattu perhekeskukseen.');
    await screenshot(page, '24-assessment-fi');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Merkitse arviointi valmiiksi' }).click();
    await expect.poll(() => page.getByText(/^Valmistui .*: Ei jatkotarvetta/).isVisible()).toBe(true);
  });

  it('imports a CSV file from the app: preview, every error by line first, then the valid rows', async () => {
    const page = await signedIn(0);
    const file = join(e2e.dir, 'notifications.csv');
    const sample = readFileSync('test/fixtures/sample_cases.csv', 'utf8').trimEnd();
    writeFileSync(
      file,
      `${sample}\nOP-2026-0099,LSL25,PHONE,2026-03-11 10:00,SCHOOL,Helsinki,Eino,Virtanen,,,,,,,,,\n`,
    );
    await page.getByRole('button', { name: 'Tuo CSV' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tuo asioita CSV-tiedostosta');
    await page.getByLabel('CSV-tiedosto').setInputFiles(file);
    await expect.poll(() => page.getByText('5 asiaa voidaan tuoda.').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByRole('table', { name: 'Esikatselu: 5 ensimmäistä riviä' }).getByRole('row').count()).toBe(6);
    expect(await page.getByText('Rivi 7:').isVisible()).toBe(true);
    // The file's column as in the file, the problem in the user's language.
    expect(await page.getByText('municipality: "Helsinki" ei ole tämän hyvinvointialueen kunta').isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: 'Tuo', exact: true }).isDisabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '25-import-fi');
    await page.getByLabel('Tuo virheettömät rivit ja ohita virheelliset').check();
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await expect
      .poll(() => page.getByText('Tuotiin 5 asiaa, päivitettiin 0, ohitettiin 0.').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Takaisin jonoon' }).click();
    await page.getByRole('button', { name: /^Päättyneet/ }).click();
    // Header + 2 closed: the urgent case stays open, its service need assessment still runs (LsL 27 §).
    await expect.poll(() => page.getByRole('grid').getByRole('row').count()).toBe(3);
  });

  it('shows the progress of a large import while it is checked and written', async () => {
    const page = await signedIn(0);
    const file = join(e2e.dir, 'migration.csv');
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `MIG-${i},SHL35,LETTER,2025-06-02 10:00,PARENT,Sipoo,Aino,Migraatio${i},,,,,,,,,`,
    );
    const header = readFileSync('test/fixtures/sample_cases.csv', 'utf8').split('\n')[0]!.trimEnd();
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    await page.getByRole('button', { name: 'Tuo CSV' }).click();
    await page.getByLabel('CSV-tiedosto').setInputFiles(file);
    const bar = page.getByRole('progressbar');
    await expect
      .poll(() => bar.getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/^Tarkistettu \d+ \/ 40000 riviä$/);
    await expect
      .poll(() => page.getByText(/^40\s?000 asiaa voidaan tuoda\.$/).isVisible(), { timeout: 60_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await expect
      .poll(() => bar.getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/^Tallennettu \d+ \/ 40000 asiaa$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '26-import-progress-fi');
    await expect
      .poll(() => page.getByText(/^Tuotiin 40\s?000 asiaa, päivitettiin 0, ohitettiin 0\.$/).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
  });

  it('logs an anonymous advice contact in two clicks', async () => {
    const page = await signedIn(0, 'ADVICE');
    await page.keyboard.press('Alt+5');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Neuvontaloki');
    expect(await page.getByRole('button', { name: 'Perhekeskus' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Kasvatus ja vanhemmuus' }).click();
    await page.getByRole('button', { name: 'Perhekeskus' }).click();
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'Kirjattu: Kasvatus ja vanhemmuus → Perhekeskus.' }).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText('Koko tiimi tänään: 1 yhteydenotto.').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '26-advice-log-fi');
    await page.getByRole('button', { name: 'Peru' }).click();
    await expect.poll(() => page.getByText('Koko tiimi tänään: 0 yhteydenottoa.').isVisible()).toBe(true);

    // A shared workstation: the next user to sign in starts on their own main screen, not on this log.
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    const next = await e2e
      .app!.core.db.selectFrom('users')
      .select('username')
      .where('role', '=', 'ASSESSMENT_SW')
      .executeTakeFirstOrThrow();
    await page.getByLabel('Käyttäjätunnus').fill(next.username);
    await page.getByLabel('Salasana', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Asiakasjono');
  });

  it('marks the cases that came in since the user last signed in (sv)', async () => {
    const page = await signedIn(60, 'ASSESSMENT_SW', 'sv');
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(3);
    // The first sign-in has no earlier one: nothing is marked.
    expect(await grid.getByText(tr('sv', 'queue.newSince'), { exact: true }).count()).toBe(0);
    const username = (await page.locator('.topbar .user').textContent())!;
    await page.getByRole('button', { name: tr('sv', 'common.signOut') }).click();
    // While the worker is away, two of the cases on top of the queue come in.
    const db = e2e.app!.core.db;
    const top = await db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'NEW')
      .orderBy('received_at', 'desc')
      .limit(2)
      .execute();
    await new Promise((r) => setTimeout(r, 20));
    await db
      .updateTable('cases')
      .set({ created_at: new Date().toISOString() })
      .where(
        'id',
        'in',
        top.map((c) => c.id),
      )
      .execute();
    const account = await db
      .selectFrom('users')
      .select('username')
      .where('display_name', '=', username.split(' · ')[0]!)
      .executeTakeFirstOrThrow();
    await signIn(page, account.username);
    const marks = grid.getByText(tr('sv', 'queue.newSince'), { exact: true });
    await expect.poll(() => marks.count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '27-new-since-sv');
  });

  it('moves through the queue with the keyboard, opening each case in the detail pane', async () => {
    const page = await signedIn(150, 'ASSESSMENT_SW');
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(3);
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await grid.getAttribute('aria-activedescendant');
    expect(active).toMatch(/^case-row-/);
    const selectedRow = page.locator(`#${active}`);
    expect(await selectedRow.getAttribute('aria-selected')).toBe('true');
    expect(await selectedRow.getAttribute('aria-rowindex')).toBe('3');
    const name = (await selectedRow.locator('strong').textContent())!;
    await expect
      .poll(() => page.getByRole('complementary').getByRole('heading', { level: 2 }).textContent())
      .toBe(name);
    await page.keyboard.press('End');
    await expect.poll(() => grid.getAttribute('aria-activedescendant')).not.toBe(active);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the queue in Swedish, and a counsellor cannot record the decision', async () => {
    const page = await signedIn(150, 'ADVICE', 'sv');
    await expect.poll(() => page.getByRole('grid').getByRole('row').count()).toBeGreaterThan(3);
    await page.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('complementary').getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Spara avgörandet' }).count()).toBe(0);
    expect(await page.getByText('Avgörandet träffas av en socialarbetare (BSL 26 § 4 mom).').first().isVisible()).toBe(
      true,
    );
    await screenshot(page, '23-queue-sv');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lets a lead add a service to the directory and reword the Swedish notice to guardians', async () => {
    const page = await signedIn(20, 'LEAD', 'sv');
    await page.getByRole('navigation').getByRole('button', { name: 'Inställningar' }).click();
    await page.getByRole('button', { name: 'Lägg till tjänst' }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Ungdomsgården Borgå');
    await page.getByLabel('Producent').selectOption({ label: 'Organisation eller församling' });
    await page.getByLabel('Beskrivning').fill('Öppen mötesplats för unga 13-17 år.');
    await page.getByRole('form', { name: 'Lägg till tjänst' }).getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Sparat: Ungdomsgården Borgå.').isVisible()).toBe(true);
    await page.getByLabel('Sök tjänst').fill('mötesplats');
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + the one match
    expect(await page.getByRole('row').nth(1).textContent()).toContain('Ungdomsgården Borgå');

    await page.getByLabel('Brevets språk').selectOption('sv');
    const body = page.getByLabel('Brevets text');
    await expect.poll(() => body.inputValue()).toContain('Meddelande om mottaget ärende');
    await body.fill('# Hej {{recipient}}\nVi har tagit emot ett ärende {{mottaget}}.');
    const templates = page.getByRole('region', { name: 'Brevmallar' });
    await templates.getByRole('button', { name: 'Spara' }).click();
    // The main process refuses the unknown field; the message comes in the user's language.
    await expect
      .poll(() => templates.getByRole('alert').textContent())
      .toContain('Brevets text: använd bara fälten i listan');
    await body.fill(
      '# Hej {{recipient}}\nVi har tagit emot ett ärende {{receivedDate}} och svarar senast {{startDue}}.',
    );
    await templates.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => templates.getByText(/^Ändrad /).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '24-settings-directory-templates-sv');
  });
});
