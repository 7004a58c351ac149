/**
 * Date-times as people and source systems write them (docs/formats.md): ISO 8601 with an offset, or
 * Europe/Helsinki wall-clock time (`2026-12-22 09:15`, `2026-12-22T09:15:00`). Dates alone are midnight.
 */
import { helsinkiWallTimeToInstant, isLocalDate } from './dates';

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant, or null when the text is not such a date-time (or names an impossible time). */
export function parseDateTime(text: string, { dateOnly = true }: { dateOnly?: boolean } = {}): Date | null {
  const value = text.trim();
  const offset = WITH_OFFSET.exec(value);
  if (offset) {
    if (!isLocalDate(offset[1]!) || Number(offset[2]) > 23 || Number(offset[3]) > 59) return null;
    const date = new Date(value.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const local = LOCAL.exec(value);
  if (!local || !isLocalDate(local[1]!)) return null;
  if (local[2] === undefined && !dateOnly) return null;
  const [h, m, s] = [Number(local[2] ?? 0), Number(local[3] ?? 0), Number(local[4] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return null;
  return helsinkiWallTimeToInstant(local[1]!, h, m, s);
}
