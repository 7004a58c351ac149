import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';
import { errorText } from '../../renderer/src/errorText';
import { ruleBroken } from '../../main/areas/roster/rosterGenerate';
import { toPayload } from '../../main/ipc/dispatcher';
import { LuukkuError } from '../../shared/errors';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'fi', interpolation: { escapeValue: false } });

describe('refusals in the user’s language', () => {
  it('names the broken rule, the person, the duty and the date in Finnish and Swedish, not the English message', () => {
    const error = toPayload(
      ruleBroken({
        rule: 'IN_ASSESSMENT_WEEK',
        name: 'Veikko Laine',
        date: '2027-01-14',
        week: '2027-W02',
        duty: 'RECEPTION',
      }),
    );
    expect(error.message).toContain('IN_ASSESSMENT_WEEK'); // the CLI and the log keep the English
    expect(errorText(i18n.getFixedT('fi'), 'fi', error)).toBe(
      'Laadittu lista rikkoisi säännön: Veikko Laine on arviointiviikolla (vk 2). Mitään ei tallennettu. Lukitse tai siirrä kyseinen vuoro tai muuta poissaoloa ja laadi lista uudelleen.',
    );
    const sv = errorText(
      i18n.getFixedT('sv'),
      'sv',
      toPayload(ruleBroken({ rule: 'ABSENT', name: 'Aino', date: '2027-01-14' })),
    );
    expect(sv).toMatch(/^Den gjorda turlistan skulle bryta mot en regel: .*Aino.*14\.1\.2027/);
    expect(sv).not.toMatch(/generated|rule/);
  });

  it('keeps the code’s wording, and the message where a refusal has no wording of its own', () => {
    const fi = i18n.getFixedT('fi');
    expect(
      errorText(
        fi,
        'fi',
        toPayload(
          new LuukkuError('CONFLICT', 'This duty is locked. Unlock it before moving it.', undefined, 'dutyLocked'),
        ),
      ),
    ).toBe('Vuoro on lukittu. Avaa lukitus ennen siirtoa.');
    expect(errorText(fi, 'fi', toPayload(new LuukkuError('CONFLICT', 'Something new.', undefined, 'noSuchKey')))).toBe(
      'Something new.',
    );
    expect(errorText(fi, 'fi', { code: 'FORBIDDEN', message: 'x' })).toBe('Roolisi ei salli tätä toimintoa.');
  });
});

describe('the assessment’s refusals and bad input in the user’s language (issue 22)', () => {
  it('says why a disclosure was refused, and names the meeting form’s problems, in Finnish and Swedish', async () => {
    const { DisclosureRefused } = await import('../../main/areas/assessment/partners');
    const { localizeInvalidInput } = await import('../../renderer/src/validationText');
    const fi = i18n.getFixedT('fi');
    const sv = i18n.getFixedT('sv');
    const refused = toPayload(new DisclosureRefused('c1', 'CONSENT'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(errorText(fi, 'fi', refused)).toMatch(/^Asiakas ei ole antanut suostumusta/);
    expect(errorText(sv, 'sv', toPayload(new DisclosureRefused('c1', 'STATUTORY')))).toMatch(
      /^Partnern har ingen lagstadgad skyldighet/,
    );
    expect(localizeInvalidInput('Invalid input: startsAt: a held meeting cannot be in the future', fi)).toBe(
      'Aika: pidetty tapaaminen ei voi olla tulevaisuudessa',
    );
    expect(localizeInvalidInput('Invalid input: participants: say who took part', sv)).toBe(
      'Deltagare: ange vem som deltog',
    );
    // The meetings screen's range, checked by the main process (the date fields themselves set no bounds).
    expect(localizeInvalidInput('Invalid input: to: the range ends before it starts', fi)).not.toMatch(/range/);
  });
});
