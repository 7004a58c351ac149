/**
 * `import cases` (formats.md): one row per child. By default one transaction: if any row is invalid nothing
 * is imported and every error is listed with its line; with skipInvalid the valid rows are imported. A row
 * whose external_id is already in the store is skipped, not duplicated.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CASE_TYPES, CHANNELS, REPORTER_CATEGORIES, type CaseType } from '../../shared/caseTypes';
import { helsinkiDate } from '../../shared/dates';
import { Refusal } from '../../shared/errors';
import { appendAudit, type Actor } from '../store/audit';
import { yieldToEventLoop, type ImportProgress } from './jobProgress';
import type { Database } from '../store/schema';
import { buildCase, type CaseFacts, type NewEvent } from './caseRecord';
import { readCsvTable, widthError, type Rejected } from './csvTable';
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
] as const;
const REQUIRED = ['type', 'channel', 'received_at', 'reporter_category', 'municipality'] as const;
const MAX_TEXT = 10_000;

/** Columns that record a social worker's urgency assessment, decision or completed assessment. */
const HISTORY_COLUMNS = ['urgency_assessed_at', 'decision', 'decision_at', 'assessment_completed_at'] as const;

export interface ImportResult {
  imported: number;
  skipped: number;
  rejected: Rejected[];
}

type Row = Record<(typeof IMPORT_COLUMNS)[number], string>;

function validateRow(
  row: Row,
  municipalities: MunicipalityRef[],
  now: Date,
): { facts: Omit<CaseFacts, 'id'> } | { error: string } {
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
      history,
    },
  };
}

const CHECK_SLICE = 2000;

export async function importCasesCsv(
  db: Kysely<Database>,
  text: string,
  options: {
    skipInvalid: boolean;
    dryRun?: boolean;
    now: Date;
    actor: Actor;
    /** The importing user's id (null from the admin CLI, which has no account). */
    userId: string | null;
    /**
     * Who may bring in the history columns: a social worker or a team lead, whose facts they are (LsL 26 §
     * 2 and 4 mom), or the admin CLI migrating a county's earlier records (`migration`, said in the log).
     */
    history: 'ALLOWED' | 'MIGRATION' | 'REFUSED';
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportResult> {
  const table = readCsvTable(text, REQUIRED);
  if ('fileError' in table) return { imported: 0, skipped: 0, rejected: [table.fileError] };
  const { columns, rows: data } = table;
  const historyAt = HISTORY_COLUMNS.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  if (options.history === 'REFUSED' && data.some((r) => historyAt.some((i) => r.fields[i]?.trim())))
    throw new Refusal(
      `Only a social worker or a team lead may import the history columns (${HISTORY_COLUMNS.join(', ')}): they record an urgency assessment or a decision. Nothing was imported.`,
      'import history columns',
    );
  const importedBy = { userId: options.userId, name: options.actor.name, migration: options.history === 'MIGRATION' };

  const municipalities = await db
    .selectFrom('municipalities')
    .select(['id', 'area_id', 'name_fi', 'name_sv'])
    .execute();
  const rejected: ImportResult['rejected'] = [];
  const valid: { line: number; facts: Omit<CaseFacts, 'id'> }[] = [];
  const seenIds = new Map<string, number>();
  for (const [index, record] of data.entries()) {
    if (index % CHECK_SLICE === 0 && index > 0) {
      options.onProgress?.({ phase: 'CHECKING', done: index, total: data.length });
      // Let the app answer (progress, other calls) while a large file is checked.
      await yieldToEventLoop();
    }
    const wrongWidth = widthError(record, columns);
    if (wrongWidth) {
      rejected.push({ line: record.line, error: wrongWidth });
      continue;
    }
    const row = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Row;
    columns.forEach((c, i) => {
      if (c in row) row[c as keyof Row] = record.fields[i]!;
    });
    const result = validateRow(row, municipalities, options.now);
    if ('error' in result) {
      rejected.push({ line: record.line, error: result.error });
      continue;
    }
    const externalId = result.facts.externalId;
    if (externalId && seenIds.has(externalId)) {
      rejected.push({
        line: record.line,
        error: `external_id: "${externalId}" already appears on line ${seenIds.get(externalId)}`,
      });
      continue;
    }
    if (externalId) seenIds.set(externalId, record.line);
    valid.push({ line: record.line, facts: result.facts });
  }
  if (rejected.length && !options.skipInvalid && !options.dryRun) return { imported: 0, skipped: 0, rejected };

  return db.transaction().execute(async (trx) => {
    const existing = new Set<string>();
    const ids = [...seenIds.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const found = await trx
        .selectFrom('cases')
        .select('external_id')
        .where('external_id', 'in', ids.slice(i, i + 500))
        .execute();
      found.forEach((f) => existing.add(f.external_id!));
    }
    const fresh = valid.filter((v) => !v.facts.externalId || !existing.has(v.facts.externalId));
    const counts = { imported: fresh.length, skipped: valid.length - fresh.length, rejected };
    // A dry run answers "what would happen" with the same checks, and writes nothing.
    if (options.dryRun) return counts;
    const batch = 300;
    const created: string[] = [];
    for (let i = 0; i < fresh.length; i += batch) {
      const built = fresh
        .slice(i, i + batch)
        .map((v) => buildCase({ ...v.facts, id: randomUUID(), importedBy }, options.now));
      created.push(...built.map((b) => b.row.id));
      await trx
        .insertInto('cases')
        .values(built.map((b) => b.row))
        .execute();
      const events: NewEvent[] = built.flatMap((b) => b.events);
      for (let j = 0; j < events.length; j += batch)
        await trx
          .insertInto('case_events')
          .values(events.slice(j, j + batch))
          .execute();
      options.onProgress?.({ phase: 'WRITING', done: Math.min(i + batch, fresh.length), total: fresh.length });
      // Other calls wait for the transaction (one connection), but the app can still show this progress.
      await yieldToEventLoop();
    }
    const details = {
      imported: counts.imported,
      skipped: counts.skipped,
      rejected: rejected.length,
      ...(importedBy.migration && { migration: true }),
    };
    // Every case the import created is named, so each child's access-log report shows the import.
    await appendAudit(trx, { actor: options.actor, action: 'cases.import', caseIds: created, details }, options.now);
    return counts;
  });
}
