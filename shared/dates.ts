/**
 * Calendar dates in Europe/Helsinki (docs/architecture.md: never the machine's time zone implicitly).
 * A LocalDate is an ISO `YYYY-MM-DD` string; arithmetic is done on UTC midnights so that no
 * daylight-saving shift can move a date.
 */
export type LocalDate = string;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HELSINKI = 'Europe/Helsinki';

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parseLocalDate(value: LocalDate): { year: number; month: number; day: number } {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first and last day of a month given as `YYYY-MM`. */
export function monthBounds(month: string): { from: LocalDate; to: LocalDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: formatLocalDate(y, m, 1), to: formatLocalDate(y, m, daysInMonth(y, m)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days since 1970-01-01 (a whole number). */
export function epochDay(date: LocalDate): number {
  return Math.round(toUtcMs(date) / 86_400_000);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / 86_400_000);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const wd = new Date(toUtcMs(date)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** ISO 8601 week label, e.g. `2027-W01`. */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const { year } = parseLocalDate(thursday);
  const week = Math.floor(daysBetween(formatLocalDate(year, 1, 1), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Same day number `months` later; if that month is shorter, its last day (Act 150/1930 § 3).
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The Europe/Helsinki calendar date of an instant: 23:50 on a Friday in Helsinki is that Friday. */
export function helsinkiDate(instant: Date): LocalDate {
  return fromUtcMs(instant.getTime() + helsinkiOffsetMinutes(instant) * 60_000);
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: HELSINKI,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const offsetCache = new Map<number, number>();

/**
 * Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer). The offset changes only on
 * the hour, so it is cached per UTC hour: Intl's formatToParts is slow on hot paths (queue, import, demo).
 */
export function helsinkiOffsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const probe = new Date(hour * 3_600_000);
  const parts = Object.fromEntries(offsetFormat.formatToParts(probe).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = Math.round((asUtc - probe.getTime()) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

/** The instant of a Helsinki wall-clock time (in the autumn overlap hour, the earlier one). */
export function helsinkiWallTimeToInstant(date: LocalDate, hour: number, minute: number, second = 0): Date {
  const { year, month, day } = parseLocalDate(date);
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = naive - 180 * 60_000;
  for (let i = 0; i < 2; i++) guess = naive - helsinkiOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Monday of an ISO week label (`2027-W01` -> 2027-01-04). */
export function isoWeekMonday(week: string): LocalDate {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new RangeError(`Not an ISO week (YYYY-Www): ${week}`);
  const jan4 = formatLocalDate(Number(m[1]), 1, 4);
  return addDays(jan4, (Number(m[2]) - 1) * 7 + 1 - isoWeekday(jan4));
}
