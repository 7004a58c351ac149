/**
 * iCalendar (RFC 5545) files for the calendars Luukku exports: the duty roster and a worker's planned
 * meetings. Each caller decides what its events say; a file that leaves Luukku carries no client data.
 */

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

/** An event's span: whole days (DATE values, end exclusive) or instants (UTC DATE-TIME values). */
export type IcsSpan = { days: { from: string; toExclusive: string } } | { instants: { start: Date; end: Date } };

export interface IcsEvent {
  uid: string;
  span: IcsSpan;
  summary: string;
  description?: string;
}

const icsDate = (date: string) => date.replace(/-/g, '');
const icsInstant = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/** The calendar as text: CRLF lines, folded, with `now` as every event's stamp. */
export function icsCalendar(product: string, name: string, events: readonly IcsEvent[], now: Date): string {
  const stamp = icsInstant(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Luukku//${product}//FI`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
  ];
  for (const e of events) {
    const span =
      'days' in e.span
        ? [`DTSTART;VALUE=DATE:${icsDate(e.span.days.from)}`, `DTEND;VALUE=DATE:${icsDate(e.span.days.toExclusive)}`]
        : [`DTSTART:${icsInstant(e.span.instants.start)}`, `DTEND:${icsInstant(e.span.instants.end)}`];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      ...span,
      `SUMMARY:${icsText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
