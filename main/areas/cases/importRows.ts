/**
 * One row of a case import (docs/formats.md, "Case import CSV"): its columns and the checks that turn it into the
 * facts of one case, every problem named with its column. Nothing here reads or writes the store.
 */
import {
  ASSESSMENT_OUTCOMES,
  CASE_TYPES,
  CHANNELS,
  CONCERNS,
  concernOf,
  isChildWelfareType,
  REPORTER_CATEGORIES,
  type AssessmentOutcome,
  type CaseType,
  type Concern,
} from '../../../shared/caseTypes';
import type { Guardian } from '../../../shared/contract/cases';
import { helsinkiDate } from '../../../shared/dates';
import type { CaseFacts } from './caseRecord';
import {
  caseHistory,
  checkText,
  childIdentity,
  FieldErrors,
  findMunicipality,
  localDate,
  oneOf,
  pastDateTime,
  type MunicipalityRef,
} from './caseValidation';

export const IMPORT_COLUMNS = [
  'external_id',
  'type',
  'channel',
  'received_at',
  'reporter_category',
  'municipality',
  'child_first_name',
  'child_last_name',
  'child_birth_date',
  'child_hetu',
  'expected_birth_date',
  'pending_from',
  'summary',
  'urgency_assessed_at',
  'decision',
  'decision_at',
  'assessment_completed_at',
  // Added in v1.1 (docs/formats.md: fields are added, never renamed): THL's population, the family, the reporter.
  'concern',
  'guardian_1_name',
  'guardian_1_phone',
  'guardian_2_name',
  'guardian_2_phone',
  'family_language',
  'reporter_contact',
  // Added in v1.2 (issue 22): how a completed assessment ended.
  'assessment_outcome',
] as const;
export const REQUIRED_COLUMNS = ['type', 'channel', 'received_at', 'reporter_category', 'municipality'] as const;

/** Columns that record a social worker's urgency assessment, decision, classification or completed assessment. */
export const HISTORY_COLUMNS = [
  'urgency_assessed_at',
  'decision',
  'decision_at',
  'assessment_completed_at',
  'concern',
  'assessment_outcome',
] as const;

const MAX_TEXT = 10_000;
/** The registration form's bounds (shared/contract/cases.ts guardianSchema, registerInputSchema). */
const MAX_GUARDIAN_NAME = 120;
const MAX_PHONE = 40;
const MAX_REPORTER_CONTACT = 300;
const FAMILY_LANGUAGES = ['fi', 'sv', 'other'] as const;

export type ImportRow = Record<(typeof IMPORT_COLUMNS)[number], string>;

/** What a row says the social worker recorded, as the import compares and stores it. */
export type ImportedHistory = ReturnType<typeof caseHistory> & {
  concern: Concern | null;
  assessmentOutcome: AssessmentOutcome | null;
};

export interface RowFacts {
  facts: Omit<CaseFacts, 'id' | 'history'> & { history: ImportedHistory };
  /** The notification's own facts, when the row brings any (guardians, the reporter's contact). */
  notification: { guardians: Guardian[]; reporterContact: string | null } | null;
}

function guardiansOf(errors: FieldErrors, row: ImportRow): Guardian[] {
  const language = row.family_language.trim();
  const known = !language || (FAMILY_LANGUAGES as readonly string[]).includes(language);
  if (!known) errors.add('family_language', `must be one of ${FAMILY_LANGUAGES.join(', ')}`);
  const guardians: Guardian[] = [];
  let unnamed = false;
  for (const n of [1, 2] as const) {
    const name = row[`guardian_${n}_name`].trim();
    const phone = row[`guardian_${n}_phone`].trim();
    if (name.length > MAX_GUARDIAN_NAME)
      errors.add(`guardian_${n}_name`, `longer than ${MAX_GUARDIAN_NAME} characters`);
    if (phone.length > MAX_PHONE) errors.add(`guardian_${n}_phone`, `longer than ${MAX_PHONE} characters`);
    if (phone && !name) {
      errors.add(`guardian_${n}_name`, `required when guardian_${n}_phone is given`);
      unnamed = true;
    }
    // The family's language is the one its letters are written in (the guardians' language in the app).
    if (name) guardians.push({ name, phone, language: (language || 'fi') as Guardian['language'] });
  }
  if (language && known && !guardians.length && !unnamed)
    errors.add('family_language', 'is the guardians’ language: give guardian_1_name as well');
  return guardians;
}

/** THL's population (issue 18): LSL cases are child welfare by definition; for SHL cases the row may say. */
function concernOfRow(errors: FieldErrors, row: ImportRow, type: CaseType | null, decided: boolean): Concern | null {
  const raw = row.concern.trim();
  if (!raw) return type && decided ? concernOf(type, null) : null;
  const concern = oneOf<Concern>(errors, 'concern', raw, CONCERNS);
  if (!concern) return null;
  if (!decided) errors.add('concern', 'is recorded with the decision: give decision and decision_at as well');
  else if (type && isChildWelfareType(type) && concern !== 'CHILD_WELFARE')
    errors.add('concern', `${type} is a child welfare case by definition (CHILD_WELFARE)`);
  return concern;
}

/** How the completed assessment ended: only with its completion. */
function outcomeOfRow(errors: FieldErrors, row: ImportRow, completed: boolean): AssessmentOutcome | null {
  const raw = row.assessment_outcome.trim();
  if (!raw) return null;
  const outcome = oneOf<AssessmentOutcome>(errors, 'assessment_outcome', raw, ASSESSMENT_OUTCOMES);
  if (outcome && !completed)
    errors.add('assessment_outcome', 'is recorded with the completion: give assessment_completed_at as well');
  return outcome;
}

export function validateImportRow(
  row: ImportRow,
  municipalities: MunicipalityRef[],
  now: Date,
): RowFacts | { error: string } {
  const errors = new FieldErrors();
  for (const [column, value] of Object.entries(row)) {
    checkText(errors, column, value, MAX_TEXT);
  }
  if (errors.any) return { error: errors.list.join('; ') };
  const type = oneOf<CaseType>(errors, 'type', row.type, CASE_TYPES);
  const channel = oneOf(errors, 'channel', row.channel, CHANNELS);
  const reporterCategory = oneOf(errors, 'reporter_category', row.reporter_category, REPORTER_CATEGORIES);
  const receivedAt = pastDateTime(errors, 'received_at', row.received_at, now, true);
  const municipality = findMunicipality(errors, row.municipality, municipalities);
  const today = helsinkiDate(now);
  const child = childIdentity(
    errors,
    type,
    {
      firstName: row.child_first_name.trim(),
      lastName: row.child_last_name.trim(),
      birthDate: row.child_birth_date.trim(),
      hetu: row.child_hetu.trim(),
      expectedBirthDate: row.expected_birth_date.trim(),
    },
    today,
  );
  const pendingFrom = localDate(errors, 'pending_from', row.pending_from.trim());
  if (pendingFrom && pendingFrom > today) errors.add('pending_from', 'is in the future');
  const receivedDate = receivedAt ? helsinkiDate(receivedAt) : null;
  if (pendingFrom && receivedDate && type !== 'LSL25C' && pendingFrom < receivedDate) {
    errors.add('pending_from', 'is before the notification was received');
  }
  const history = caseHistory(
    errors,
    {
      urgencyAssessedAt: row.urgency_assessed_at.trim(),
      decision: row.decision.trim(),
      decisionAt: row.decision_at.trim(),
      assessmentCompletedAt: row.assessment_completed_at.trim(),
    },
    receivedDate,
    now,
  );
  const concern = concernOfRow(errors, row, type, !!history.decision);
  const assessmentOutcome = outcomeOfRow(errors, row, !!row.assessment_completed_at.trim());
  const guardians = guardiansOf(errors, row);
  const reporterContact = row.reporter_contact.trim();
  if (reporterContact.length > MAX_REPORTER_CONTACT)
    errors.add('reporter_contact', `longer than ${MAX_REPORTER_CONTACT} characters`);
  if (errors.any || !type || !channel || !reporterCategory || !receivedAt || !municipality)
    return { error: errors.list.join('; ') };
  return {
    facts: {
      externalId: row.external_id.trim() || null,
      notificationId: null,
      type,
      channel,
      receivedAt,
      reporterCategory,
      municipality,
      child,
      pendingFrom,
      summary: row.summary.trim() || null,
      history: { ...history, concern, assessmentOutcome },
    },
    notification: guardians.length || reporterContact ? { guardians, reporterContact: reporterContact || null } : null,
  };
}
