import { describe, expect, it } from 'vitest';
import { caseDeadlines, easterSunday, workingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeek, isoWeekday } from '../../shared/dates';

/** Weekday holidays typed in from the official Finnish calendars, independent of the algorithm. */
const HOLIDAYS_BY_YEAR: Record<number, string[]> = {
  2025: ['01-01', '01-06', '04-18', '04-21', '05-01', '05-29', '06-20', '12-06', '12-24', '12-25', '12-26'],
  2026: ['01-01', '01-06', '04-03', '04-06', '05-01', '05-14', '06-19', '12-06', '12-24', '12-25', '12-26'],
  2027: ['01-01', '01-06', '03-26', '03-29', '05-01', '05-06', '06-25', '12-06', '12-24', '12-25', '12-26'],
  2028: ['01-01', '01-06', '04-14', '04-17', '05-01', '05-25', '06-23', '12-06', '12-24', '12-25', '12-26'],
  2029: ['01-01', '01-06', '03-30', '04-02', '05-01', '05-10', '06-22', '12-06', '12-24', '12-25', '12-26'],
  2030: ['01-01', '01-06', '04-19', '04-22', '05-01', '05-30', '06-21', '12-06', '12-24', '12-25', '12-26'],
  2031: ['01-01', '01-06', '04-11', '04-14', '05-01', '05-22', '06-20', '12-06', '12-24', '12-25', '12-26'],
};
const HOLIDAYS = new Set(Object.entries(HOLIDAYS_BY_YEAR).flatMap(([y, days]) => days.map((d) => `${y}-${d}`)));

function oracleIsWorkingDay(date: string): boolean {
  const wd = new Date(`${date}T12:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !HOLIDAYS.has(date);
}

function oracleStartDue(pending: string): string {
  let d = pending;
  for (let n = 0; n < 7;) {
    d = addDays(d, 1);
    if (oracleIsWorkingDay(d)) n++;
  }
  return d;
}

function oracleCompleteDue(pending: string): string {
  const [y, m, day] = pending.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + 3, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  let d = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, last)))
    .toISOString()
    .slice(0, 10);
  while (!oracleIsWorkingDay(d)) d = addDays(d, 1);
  return d;
}

describe('Finnish working-day calendar', () => {
  const calendar = workingDayCalendar();

  it('knows Easter Sunday', () => {
    expect([2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('treats holidays and weekends as non-working and New Year’s Eve as working', () => {
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true); // Thursday, New Year's Eve
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false);
    expect(calendar.isWorkingDay('2027-06-25')).toBe(false); // Midsummer Eve
    expect(calendar.isWorkingDay('2027-05-06')).toBe(false); // Ascension
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-30')).toBe(true);
  });

  it('gives the examples of docs/domain.md', () => {
    expect(caseDeadlines('2026-12-22')).toEqual({
      pendingFrom: '2026-12-22',
      startDue: '2027-01-05',
      completeDue: '2027-03-22',
    });
    expect(caseDeadlines('2026-11-30').completeDue).toBe('2027-03-01');
  });

  it('clamps to the month end and then moves to a working day', () => {
    expect(caseDeadlines('2027-11-30').completeDue).toBe('2028-02-29'); // leap year, Tuesday
    expect(caseDeadlines('2026-05-31').completeDue).toBe('2026-08-31');
    expect(caseDeadlines('2027-09-25').completeDue).toBe('2027-12-27'); // 25.12 holiday, 26.12 Sunday
  });

  it('agrees with an independent oracle for every pending date 2025-2030', () => {
    let mismatches = 0;
    for (let d = '2025-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      const got = caseDeadlines(d);
      if (got.startDue !== oracleStartDue(d) || got.completeDue !== oracleCompleteDue(d)) {
        mismatches++;
        if (mismatches < 5)
          expect({ d, ...got }).toEqual({
            d,
            pendingFrom: d,
            startDue: oracleStartDue(d),
            completeDue: oracleCompleteDue(d),
          });
      }
    }
    expect(mismatches).toBe(0);
  });

  it('counts working days between any two dates like a day-by-day walk of the oracle', () => {
    const walk = (a: string, b: string) => {
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (oracleIsWorkingDay(d)) n++;
      return sign * n;
    };
    const starts = ['2025-01-01', '2025-04-17', '2025-12-24', '2026-06-19', '2027-03-28', '2028-02-28', '2029-12-31'];
    for (const a of starts) {
      for (let k = -400; k <= 400; k += 13) {
        const b = addDays(a, k);
        if (b < '2025-01-01' || b > '2030-12-31') continue;
        expect(calendar.workingDaysBetween(a, b), `${a} -> ${b}`).toBe(walk(a, b));
      }
    }
  });

  it('skips the county’s own closure days in the roster’s calendar, never in a statutory deadline', () => {
    const withClosure = workingDayCalendar(['2027-01-04']);
    expect(withClosure.addWorkingDays('2026-12-22', 7)).toBe('2027-01-07');
    expect(caseDeadlines('2026-12-22').startDue).toBe('2027-01-05');
    expect(withClosure.workingDaysBetween('2026-12-31', '2027-01-08')).toBe(3);
    expect(calendar.workingDaysBetween('2027-01-08', '2026-12-31')).toBe(-4);
    // The list of working days the roster uses: Christmas, weekends, Epiphany and the closure day left out.
    expect(withClosure.workingDays('2026-12-21', '2027-01-08')).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
    ]);
  });
});

describe('dates', () => {
  it('computes ISO weeks and weekdays', () => {
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeekday('2026-11-23')).toBe(1);
  });
});

describe('ISO week Mondays', () => {
  it('round-trips with isoWeek across year boundaries', async () => {
    const { isoWeekMonday } = await import('../../shared/dates');
    expect(isoWeekMonday('2027-W01')).toBe('2027-01-04');
    expect(isoWeekMonday('2026-W53')).toBe('2026-12-28');
    for (let d = '2025-01-01'; d <= '2030-12-31'; d = addDays(d, 7)) {
      expect(isoWeek(isoWeekMonday(isoWeek(d)))).toBe(isoWeek(d));
      expect(isoWeekday(isoWeekMonday(isoWeek(d)))).toBe(1);
    }
  });
});
