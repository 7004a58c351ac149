/**
 * Every screen as people work in it (issue 21 item 6 and its must-hold): at 1280 x 800 and 1024 x 768, in
 * Finnish and Swedish, no screen scrolls sideways, the queue's rows fit their grid, and no English text from
 * the English strings file shows in the Finnish or Swedish UI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, signInToDemo, useE2e } from './harness';
import { tr } from './texts';

const e2e = useE2e();

type Texts = { [key: string]: string | string[] | Texts };
const load = (language: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'shared', 'i18n', `${language}.json`), 'utf8')) as Texts;

/** Every text of a strings file by its dotted key. */
function flatten(node: Texts, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((v, i) => out.set(`${path}.${i}`, v));
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The English phrases that would give away an untranslated text: each English value's literal parts (around
 * its placeholders) of two words or more, where Finnish and Swedish say something else.
 */
function englishPhrases(): string[] {
  const [en, fi, sv] = ['en', 'fi', 'sv'].map((l) => flatten(load(l)));
  const phrases = new Set<string>();
  for (const [key, value] of en!) {
    if (value === fi!.get(key) || value === sv!.get(key)) continue;
    for (const part of value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/))
      if (part.trim().length >= 10 && /\p{L}+ \p{L}+/u.test(part)) phrases.add(part.trim());
  }
  return [...phrases];
}

async function fitsWithoutSidewaysScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    grids: [...document.querySelectorAll<HTMLElement>('[role="grid"]')].map((g) => g.scrollWidth - g.clientWidth),
    // What sticks out, to say in the failure: elements past the window's right edge that no scrolling or
    // clipping box holds.
    past: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((e) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return false;
        return true;
      })
      .slice(-5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').slice(0, 40)}" (${Math.round(e.getBoundingClientRect().right)} px)`,
      ),
  }));
  expect(overflow.page, `${where}: the page scrolls sideways (${overflow.past.join(', ')})`).toBeLessThanOrEqual(0);
  for (const grid of overflow.grids) expect(grid, `${where}: a grid's rows are wider than it`).toBeLessThanOrEqual(1);
}

describe('screens at 1024 x 768 and 1280 x 800', () => {
  it('no screen scrolls sideways, the queue rows fit, and no English shows, for a lead in Finnish and Swedish', async () => {
    const page = await signInToDemo(e2e, 200, 'LEAD');
    const english = englishPhrases();
    expect(english.length).toBeGreaterThan(200); // the scan has something to look for
    const views: [string, string][] = [
      ['Alt+1', 'nav.queue'],
      ['Alt+2', 'nav.calendar'],
      ['Alt+3', 'nav.assessmentWeeks'],
      ['Alt+4', 'nav.settings'],
      ['Alt+5', 'nav.advice'],
      ['Alt+6', 'nav.reports'],
      ['Alt+7', 'nav.team'],
      ['Alt+M', 'nav.meetings'],
      ['Alt+L', 'nav.sevenDays'],
      ['Alt+N', 'register.title'],
    ];
    for (const language of ['fi', 'sv'] as const) {
      await page.getByLabel(/^(Kieli|Språk|Language)$/).selectOption(language);
      for (const [width, height] of [
        [1280, 800],
        [1024, 768],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [keys, title] of views) {
          await page.keyboard.press(keys);
          const heading = tr(language, title);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
          // A view's tabs (the duty roster's, the team area's) are screens of their own.
          const found = await page.getByRole('tab').all();
          const tabs = found.length ? found : [null];
          for (const [n, tab] of tabs.entries()) {
            await tab?.click();
            const where = `${language} ${width}x${height} ${heading}${tab ? ` / ${await tab.textContent()}` : ''}`;
            // Let the view's data arrive before measuring it.
            await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
            await fitsWithoutSidewaysScroll(page, where);
            const text = await page.locator('body').innerText();
            expect(
              english.filter((phrase) => text.includes(phrase)),
              `${where}: English text in the ${language} UI`,
            ).toEqual([]);
            if (width === 1024) {
              expect(await seriousA11yViolations(page), where).toEqual([]);
              await screenshot(page, `90-${title.replace('.', '-')}${tab ? `-${n}` : ''}-${language}-1024`);
            }
          }
        }
      }
    }
  }, 240_000);
});
