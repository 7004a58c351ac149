/**
 * Field-level checks for case facts, shared by the CSV import and the registration form: each problem is
 * reported with the field's name, and nothing is written while any remains.
 */
import { DECISIONS, runsAssessment, type CaseType, type Decision } from '../../../shared/caseTypes';
import { helsinkiDate, isLocalDate, type LocalDate } from '../../../shared/dates';
import { parseDateTime } from '../../../shared/datetime';
import { checkHetu } from '../../../shared/hetu';
import { invalidInput, type LuukkuError } from '../../../shared/errors';

export interface MunicipalityRef {
  id: string;
  area_id: string;
  name_fi: string;
  name_sv: string;
}

export class FieldErrors {
  readonly list: string[] = [];
  add(field: string, message: string): void {
    this.list.push(`${field}: ${message}`);
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  /** The refusal naming every problem found (or `fallback` when none was listed). */
  error(fallback = 'invalid'): LuukkuError {
    return invalidInput(this.list.join('; ') || fallback);
  }
  throwIfAny(): void {
    if (this.any) throw this.error();
  }
}

const HETU_REASONS = {
  FORMAT: 'not a Finnish personal identity code (DDMMYYCNNNX)',
  DATE: 'the identity code has an impossible birth date',
  FUTURE: 'the identity code gives a birth date in the future',
  INDIVIDUAL: 'the identity code has an invalid individual number',
  CHECKSUM: 'the identity code’s check character is wrong',
} as const;

/** Free text from a file: bounded length and no control characters (line breaks inside quotes are fine). */
export function checkText(errors: FieldErrors, field: string, value: string, max: number): void {
  if (value.length > max) errors.add(field, `longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex -- control characters have no place in a record
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) errors.add(field, 'contains control characters');
}

export function oneOf<T extends string>(
  errors: FieldErrors,
  field: string,
  value: string,
  allowed: readonly T[],
): T | null {
  if (!value) {
    errors.add(field, 'required');
    return null;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    errors.add(field, `unknown value "${value.slice(0, 40)}" (expected one of ${allowed.join(', ')})`);
    return null;
  }
  return value as T;
}

export function pastDateTime(
  errors: FieldErrors,
  field: string,
  value: string,
  now: Date,
  required: boolean,
): Date | null {
  if (!value) {
    if (required) errors.add(field, 'required');
    return null;
  }
  const date = parseDateTime(value);
  if (!date) {
    errors.add(field, `not a date-time (e.g. 2026-12-22T09:15:00+02:00 or 2026-12-22 09:15): "${value.slice(0, 40)}"`);
    return null;
  }
  if (date.getTime() > now.getTime() + 5 * 60_000) {
    errors.add(field, 'is in the future');
    return null;
  }
  return date;
}

export function localDate(errors: FieldErrors, field: string, value: string): LocalDate | null {
  if (!value) return null;
  if (!isLocalDate(value)) {
    errors.add(field, `not a calendar date YYYY-MM-DD: "${value.slice(0, 40)}"`);
    return null;
  }
  return value;
}

export function findMunicipality(
  errors: FieldErrors,
  value: string,
  municipalities: MunicipalityRef[],
): MunicipalityRef | null {
  if (!value) {
    errors.add('municipality', 'required');
    return null;
  }
  const wanted = value.trim().toLocaleLowerCase('fi');
  const found = municipalities.find((m) =>
    [m.id, m.name_fi, m.name_sv].some((n) => n.toLocaleLowerCase('fi') === wanted),
  );
  if (!found) errors.add('municipality', `"${value.slice(0, 40)}" is not a municipality of this county`);
  return found ?? null;
}

/** The child's identity: names (not before birth for LSL25C), birth date, identity code agreeing with it. */
export function childIdentity(
  errors: FieldErrors,
  type: CaseType | null,
  raw: { firstName: string; lastName: string; birthDate: string; hetu: string; expectedBirthDate: string },
  today: LocalDate,
) {
  const unborn = type === 'LSL25C';
  if (!unborn) {
    if (!raw.firstName) errors.add('child_first_name', 'required');
    if (!raw.lastName) errors.add('child_last_name', 'required');
  }
  let birthDate = localDate(errors, 'child_birth_date', raw.birthDate);
  if (birthDate && birthDate > today) {
    errors.add('child_birth_date', 'is in the future');
    birthDate = null;
  }
  let hetu: string | null = null;
  if (raw.hetu) {
    const check = checkHetu(raw.hetu, today);
    if (!check.ok) errors.add('child_hetu', HETU_REASONS[check.reason]);
    else if (birthDate && birthDate !== check.birthDate)
      errors.add('child_hetu', `gives birth date ${check.birthDate}, not ${birthDate}`);
    else {
      hetu = raw.hetu.trim().toUpperCase();
      birthDate = check.birthDate;
    }
  }
  const expectedBirthDate = localDate(errors, 'expected_birth_date', raw.expectedBirthDate);
  if (expectedBirthDate && !unborn) errors.add('expected_birth_date', 'only for an anticipatory notification (LSL25C)');
  return {
    firstName: raw.firstName || null,
    lastName: raw.lastName || null,
    birthDate,
    hetu,
    expectedBirthDate,
  };
}

export interface HistoryRaw {
  urgencyAssessedAt: string;
  decision: string;
  decisionAt: string;
  assessmentCompletedAt: string;
}

/** Earlier events of a migrated case; deadlines are still computed by Luukku (docs/formats.md). */
export function caseHistory(errors: FieldErrors, raw: HistoryRaw, receivedDate: LocalDate | null, now: Date) {
  const urgencyAssessedAt = pastDateTime(errors, 'urgency_assessed_at', raw.urgencyAssessedAt, now, false);
  const decision = raw.decision ? oneOf<Decision>(errors, 'decision', raw.decision, DECISIONS) : null;
  const decisionAt =
    raw.decision || raw.decisionAt ? pastDateTime(errors, 'decision_at', raw.decisionAt, now, !!raw.decision) : null;
  if (decisionAt && !raw.decision) errors.add('decision', 'required when decision_at is given');
  const decisionDate = decisionAt ? helsinkiDate(decisionAt) : null;
  if (decisionDate && receivedDate && decisionDate < receivedDate)
    errors.add('decision_at', 'is before the notification was received');
  let assessmentCompletedDate = localDate(errors, 'assessment_completed_at', raw.assessmentCompletedAt);
  if (assessmentCompletedDate) {
    if (!runsAssessment(decision))
      errors.add('assessment_completed_at', 'only with decision START_ASSESSMENT or URGENT');
    else if (decisionDate && assessmentCompletedDate < decisionDate)
      errors.add('assessment_completed_at', 'is before the decision');
    else if (assessmentCompletedDate > helsinkiDate(now)) errors.add('assessment_completed_at', 'is in the future');
    if (errors.any) assessmentCompletedDate = null;
  }
  return { urgencyAssessedAt, decision, decisionAt, decisionDate, assessmentCompletedDate };
}
