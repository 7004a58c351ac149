/**
 * Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual number NNN, control
 * character. Control = (DDMMYYNNN as a number) mod 31 into "0123456789ABCDEFHJKLMNPRSTUVWXY".
 * Century signs per Decree 128/2010 as amended 2023: + (1800s), - Y X W V U (1900s), A B C D E F (2000s).
 */
import { formatLocalDate, isLocalDate, type LocalDate } from './dates';

const CONTROL = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};
const HETU_RE = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

export type HetuCheck =
  { ok: true; birthDate: LocalDate } | { ok: false; reason: 'FORMAT' | 'DATE' | 'FUTURE' | 'INDIVIDUAL' | 'CHECKSUM' };

/** `today` (Europe/Helsinki), when given, refuses a code whose birth date has not yet come: nobody has one. */
export function checkHetu(raw: string, today?: LocalDate): HetuCheck {
  const m = HETU_RE.exec(raw.trim().toUpperCase());
  if (!m) return { ok: false, reason: 'FORMAT' };
  const [, dd, mm, yy, sign, nnn, control] = m as unknown as [string, string, string, string, string, string, string];
  const century = CENTURY[sign];
  if (century === undefined) return { ok: false, reason: 'FORMAT' };
  const birthDate = formatLocalDate(century + Number(yy), Number(mm), Number(dd));
  if (!isLocalDate(birthDate)) return { ok: false, reason: 'DATE' };
  if (today && birthDate > today) return { ok: false, reason: 'FUTURE' };
  if (Number(nnn) < 2) return { ok: false, reason: 'INDIVIDUAL' };
  if (CONTROL[Number(`${dd}${mm}${yy}${nnn}`) % 31] !== control) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, birthDate };
}

/** A valid identity code for a birth date (demo data; individual numbers 900-999 are for test use). */
export function makeHetu(birthDate: LocalDate, individual: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const year = Number(y);
  const sign = year >= 2000 ? 'A' : year >= 1900 ? '-' : '+';
  const nnn = String(individual).padStart(3, '0');
  const base = `${d}${m}${y.slice(2)}`;
  return `${base}${sign}${nnn}${CONTROL[Number(`${base}${nnn}`) % 31]}`;
}
