/**
 * The roster as iCalendar (RFC 5545) for a person or the whole team, to subscribe to in Outlook or a phone
 * calendar. Duties are all-day events (the county's duty hours are not modelled yet); the assessment week
 * runs Monday to Friday. Only names of staff and duty types: no client data.
 */
import { addDays, isoWeek, type LocalDate } from '../../../shared/dates';
import type { Language } from '../../../shared/schemas';
import type { Context } from '../../app/context';
import { dayOf, listAssignments } from './queries';
import { readSettings } from '../settings/queries';
import { mainText } from '../../text';

/** RFC 5545 § 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
export const icsText = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** RFC 5545 § 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch) > limit) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (date: LocalDate) => date.replace(/-/g, '');

export async function rosterIcs(
  core: Context,
  input: { from: LocalDate; to: LocalDate; staffId?: string | undefined; language: Language },
): Promise<{ fileName: string; ics: string; events: number }> {
  const t = mainText(input.language);
  const county = (await readSettings(core.db)).countyName;
  const assignments = (
    await listAssignments(core.db, input.from, input.to, { from: isoWeek(input.from), to: isoWeek(input.to) })
  ).filter((a) => !input.staffId || a.staffId === input.staffId);
  const stamp = core.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Luukku//Duty roster//FI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${t('nav.calendar')} · ${county}`)}`,
  ];
  for (const a of assignments) {
    const start = dayOf(a);
    const end = addDays(start, a.date ? 1 : 5);
    lines.push(
      'BEGIN:VEVENT',
      `UID:luukku-duty-${a.id}@luukku`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${icsText(input.staffId ? t(`duties.${a.duty}`) : `${t(`duties.${a.duty}`)}: ${a.staffName}`)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  const who = input.staffId ? `-${input.staffId}` : '-team';
  return {
    fileName: `luukku-roster${who}-${input.from}-${input.to}.ics`,
    ics: lines.map(foldLine).join('\r\n') + '\r\n',
    events: assignments.length,
  };
}
