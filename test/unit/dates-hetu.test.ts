import { describe, expect, it } from 'vitest';
import { helsinkiDate, helsinkiWallTimeToInstant, isLocalDate } from '../../shared/dates';
import { checkHetu, makeHetu } from '../../shared/hetu';
import { passphraseStrength } from '../../shared/strength';

describe('Europe/Helsinki dates', () => {
  it('dates a Friday 23:50 notification on that Friday, in winter and summer', () => {
    expect(helsinkiDate(new Date('2026-03-06T21:50:00Z'))).toBe('2026-03-06'); // 23:50 EET
    expect(helsinkiDate(new Date('2026-06-05T20:50:00Z'))).toBe('2026-06-05'); // 23:50 EEST
    expect(helsinkiDate(new Date('2026-06-05T21:05:00Z'))).toBe('2026-06-06');
  });

  it('converts wall-clock time to an instant across DST', () => {
    expect(helsinkiWallTimeToInstant('2026-12-22', 9, 15).toISOString()).toBe('2026-12-22T07:15:00.000Z');
    expect(helsinkiWallTimeToInstant('2026-07-01', 9, 15).toISOString()).toBe('2026-07-01T06:15:00.000Z');
  });

  it('rejects impossible calendar dates', () => {
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-13-01')).toBe(false);
  });
});

describe('henkilötunnus', () => {
  it('accepts a valid code and derives the birth date', () => {
    expect(checkHetu('131052-308T')).toEqual({ ok: true, birthDate: '1952-10-13' });
    expect(checkHetu('010594Y9032')).toEqual({ ok: true, birthDate: '1994-05-01' });
    expect(checkHetu('020502E902X')).toEqual({ ok: true, birthDate: '2002-05-02' });
  });

  it('names what is wrong with an invalid code', () => {
    expect(checkHetu('131052-308U')).toEqual({ ok: false, reason: 'CHECKSUM' });
    expect(checkHetu('311152-308T')).toEqual({ ok: false, reason: 'DATE' });
    expect(checkHetu('13105230 8T')).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it('makes codes that check', () => {
    for (const date of ['2014-05-09', '1999-12-31', '2026-01-01']) {
      expect(checkHetu(makeHetu(date, 901))).toEqual({ ok: true, birthDate: date });
    }
  });
});

describe('recovery passphrase strength', () => {
  it('rates short or common passphrases weak and long mixed ones strong', () => {
    expect(passphraseStrength('short')).toBe(0);
    expect(passphraseStrength('salasana1234')).toBeLessThan(2);
    expect(passphraseStrength('kuusi kettua juoksee Porvoossa 7')).toBe(4);
  });
});
