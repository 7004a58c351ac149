/**
 * Dates and times as Finnish users read them, always in Europe/Helsinki: the renderer's screens and the
 * documents the main process makes for families (the access-log PDF) word them the same way.
 */
const LOCALE: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDate(date: string | null | undefined, language: string): string {
  if (!date) return '';
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(LOCALE[language] ?? 'fi-FI', { timeZone: 'UTC' });
}

export function formatDateTime(iso: string | Date | null | undefined, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(LOCALE[language] ?? 'fi-FI', {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The clock time of an instant in Helsinki (08.44 in Finnish, 08:44 in Swedish and English). */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(LOCALE[language] ?? 'fi-FI', {
    timeZone: 'Europe/Helsinki',
    hour: '2-digit',
    minute: '2-digit',
  });
}
