/** Dates and times as Finnish users read them (shared/readerDates.ts), and the inputs' own formats. */
import { formatDate } from '../../shared/readerDates';

export { formatDate, formatDateTime, formatTime } from '../../shared/readerDates';

/** A day without its year as Finnish readers write it in Finnish and Swedish alike (29.12.); 29 Dec in English. */
export function formatDayMonth(date: string, language: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  if (language !== 'en') return `${d}.${m}.`;
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** A datetime-local input's `YYYY-MM-DDTHH:mm` (Helsinki time) as the reader writes it: 3.12.2026 11.30. */
export function formatInputDateTime(value: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value;
  const time = value.slice(11, 16);
  return `${formatDate(value.slice(0, 10), language)} ${language === 'fi' ? time.replace(':', '.') : time}`;
}

/** `YYYY-MM-DDTHH:mm` in Helsinki for a datetime-local input's default (now). */
export function helsinkiNowForInput(now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Helsinki',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
