/**
 * Finnish working-day calendar and the statutory deadlines of a case (docs/domain.md, "The statutory clock").
 *
 * - Start due: the 7th working day after the day the case became pending (LsL 26 § 5 mom; SHL 36 § 3 mom).
 *   The pending day is day 0 (Act 150/1930 § 2).
 * - Completion due: pending date + 3 calendar months, clamped to the month's last day (Act 150/1930 § 3),
 *   moved to the next working day if it is not one (§ 5).
 * - The law counts by the statutory calendar: weekends and public holidays. A county's own closure days
 *   never move a statutory deadline; they only shape the roster and the "office open" hints.
 */
import {
  addDays,
  addMonthsClamped,
  epochDay,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
  type LocalDate,
} from './dates';

export const START_DUE_WORKING_DAYS = 7;
export const COMPLETION_MONTHS = 3;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

export type HolidayName =
  | 'NEW_YEAR'
  | 'EPIPHANY'
  | 'GOOD_FRIDAY'
  | 'EASTER_MONDAY'
  | 'MAY_DAY'
  | 'ASCENSION'
  | 'MIDSUMMER_EVE'
  | 'INDEPENDENCE_DAY'
  | 'CHRISTMAS_EVE'
  | 'CHRISTMAS_DAY'
  | 'ST_STEPHENS_DAY';

const holidayCache = new Map<number, Map<LocalDate, HolidayName>>();

/** Weekday holidays that are never working days (docs/domain.md). Weekend holidays need no listing. */
export function finnishHolidays(year: number): Map<LocalDate, HolidayName> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  // Midsummer Eve: the Friday between 19 and 25 June.
  const june19 = formatLocalDate(year, 6, 19);
  const midsummerEve = addDays(june19, (5 - isoWeekday(june19) + 7) % 7);
  const entries: [LocalDate, HolidayName][] = [
    [formatLocalDate(year, 1, 1), 'NEW_YEAR'],
    [formatLocalDate(year, 1, 6), 'EPIPHANY'],
    [addDays(easter, -2), 'GOOD_FRIDAY'],
    [addDays(easter, 1), 'EASTER_MONDAY'],
    [formatLocalDate(year, 5, 1), 'MAY_DAY'],
    [addDays(easter, 39), 'ASCENSION'],
    [midsummerEve, 'MIDSUMMER_EVE'],
    [formatLocalDate(year, 12, 6), 'INDEPENDENCE_DAY'],
    [formatLocalDate(year, 12, 24), 'CHRISTMAS_EVE'],
    [formatLocalDate(year, 12, 25), 'CHRISTMAS_DAY'],
    [formatLocalDate(year, 12, 26), 'ST_STEPHENS_DAY'],
  ];
  const map = new Map(entries);
  holidayCache.set(year, map);
  return map;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** The n-th working day after `date` (n >= 1); `date` itself is day 0. */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** The date itself if it is a working day, else the next working day. */
  nextWorkingDayFrom(date: LocalDate): LocalDate;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The working days from `from` to `to`, both included, in order. */
  workingDays(from: LocalDate, to: LocalDate): LocalDate[];
}

/** A calendar of Finnish working days, plus the county's own closure days from settings. */
export function workingDayCalendar(closureDays: Iterable<LocalDate> = []): WorkingDayCalendar {
  const closures = new Set(closureDays);
  const known = new Map<LocalDate, boolean>();
  const isWorkingDay = (date: LocalDate): boolean => {
    let working = known.get(date);
    if (working === undefined) {
      working = isoWeekday(date) < 6 && !closures.has(date) && !finnishHolidays(parseLocalDate(date).year).has(date);
      known.set(date, working);
    }
    return working;
  };
  const nextWorkingDayFrom = (date: LocalDate): LocalDate => {
    let d = date;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive whole number');
    let d = date;
    for (let counted = 0; counted < n;) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) counted++;
    }
    return d;
  };
  // Arithmetic, not a day-by-day walk: weekdays in (lo, hi] by formula, less the weekday holidays and
  // closure days in that range. The queue computes this for every row it shows.
  const workingDaysBetween = (from: LocalDate, to: LocalDate): number => {
    if (to === from) return 0;
    const sign = to > from ? 1 : -1;
    const [lo, hi] = sign > 0 ? [from, to] : [to, from];
    let count = weekdaysUpTo(epochDay(hi)) - weekdaysUpTo(epochDay(lo));
    const inRange = (d: LocalDate) => d > lo && d <= hi && isoWeekday(d) < 6;
    const firstYear = parseLocalDate(lo).year;
    const lastYear = parseLocalDate(hi).year;
    const holidays = new Set<LocalDate>();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const day of finnishHolidays(year).keys()) if (inRange(day)) holidays.add(day);
    }
    for (const day of closures) if (inRange(day)) holidays.add(day);
    count -= holidays.size;
    return sign * count;
  };
  const workingDays = (from: LocalDate, to: LocalDate): LocalDate[] => {
    const days: LocalDate[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
    return days;
  };
  return { isWorkingDay, addWorkingDays, nextWorkingDayFrom, workingDaysBetween, workingDays };
}

/** Weekdays (Mon-Fri) from a fixed Monday (1970-01-05, epoch day 4) up to and including epoch day n. */
function weekdaysUpTo(n: number): number {
  const r = n - 4;
  const weeks = Math.floor(r / 7);
  const rest = r - weeks * 7; // 0 = Monday ... 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

export interface Deadlines {
  pendingFrom: LocalDate;
  startDue: LocalDate;
  completeDue: LocalDate;
}

/** The law's calendar (weekends and the public holidays of docs/domain.md), with no county closure days. */
export const STATUTORY_CALENDAR: WorkingDayCalendar = workingDayCalendar();

/** A case's statutory deadlines: always on the statutory calendar, whatever days the county closes. */
export function caseDeadlines(pendingFrom: LocalDate): Deadlines {
  return {
    pendingFrom,
    startDue: STATUTORY_CALENDAR.addWorkingDays(pendingFrom, START_DUE_WORKING_DAYS),
    completeDue: STATUTORY_CALENDAR.nextWorkingDayFrom(addMonthsClamped(pendingFrom, COMPLETION_MONTHS)),
  };
}
