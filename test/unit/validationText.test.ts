import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';
import { localizeFieldErrors, localizeInvalidInput } from '../../renderer/src/validationText';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'fi', interpolation: { escapeValue: false } });

describe('validation messages in the user’s language', () => {
  it('translates known fields and problems, keeps values and unknown wording as they came', () => {
    const fi = i18n.getFixedT('fi');
    expect(
      localizeInvalidInput(
        'Invalid input: receivedAt: is in the future; children.1.child_first_name: required; municipality: "Hki" is not a municipality of this county',
        fi,
      ),
    ).toBe(
      'Saapunut: päivä on tulevaisuudessa; Lapset › 2 › Etunimi: pakollinen tieto; Kunta: "Hki" ei ole tämän hyvinvointialueen kunta',
    );
    expect(
      localizeInvalidInput(
        'Invalid input: serviceIds: choose the services the family was guided to',
        i18n.getFixedT('sv'),
      ),
    ).toBe('Tjänster: välj tjänsterna som familjen hänvisades till');
    expect(localizeInvalidInput('Invalid input: oddField: something new', fi)).toBe('oddField: something new');
    expect(localizeInvalidInput('The case is already decided.', fi)).toBe('The case is already decided.');
  });

  it('leaves an import file’s column names as they are in the file', () => {
    expect(
      localizeFieldErrors('child_hetu: the identity code’s check character is wrong', i18n.getFixedT('sv'), {
        fieldNames: false,
      }),
    ).toBe('child_hetu: personbeteckningens kontrolltecken är fel');
  });
});
