/**
 * `import cases` (docs/formats.md): one row per child. By default one transaction: if any row is invalid nothing
 * is imported and every error is listed with its line; with skipInvalid the valid rows are imported. A row
 * whose external_id is already in the store is never duplicated: its later facts update the case when they
 * are new or changed (importUpdates.ts), and otherwise it is skipped.
 */
import { randomUUID } from 'node:crypto';
import { Refusal } from '../../../shared/errors';
import type { Actor } from '../../store/audit';
import type { Transactor } from '../../store/unitOfWork';
import { inSlices } from '../../store/chunks';
import { helsinkiDate } from '../../../shared/dates';
import { assessmentWorkerOn } from '../team/assessmentDuty';
import { yieldToEventLoop, type ImportProgress } from '../../app/jobProgress';
import type { CaseRow, Db, NewCase } from '../../store/schema';
import { buildCase, patchCase, type NewEvent } from './caseRecord';
import { municipalityRows } from '../org/queries';
import { casesByExternalIds, insertCaseRows, insertEvents, insertNotifications } from './recordQueries';
import { readCsvTable, widthError, type Rejected } from '../../app/csvTable';
import {
  HISTORY_COLUMNS,
  IMPORT_COLUMNS,
  REQUIRED_COLUMNS,
  validateImportRow,
  type ImportRow,
  type RowFacts,
} from './importRows';
import { factsRecordedInLuukku, planImportUpdate, type ImportConflict, type ImportUpdate } from './importUpdates';

export { IMPORT_COLUMNS } from './importRows';

export interface ImportResult {
  imported: number;
  /** Known cases whose later facts the file brought (new or changed). */
  updated: number;
  /** Known cases the file had nothing new for. */
  skipped: number;
  rejected: Rejected[];
  /** Facts recorded in Luukku that the file contradicts: listed, never overwritten. */
  conflicts: ImportConflict[];
}

const CHECK_SLICE = 2000;
const BATCH = 300;

type ValidRow = { line: number } & RowFacts;

export async function importCasesCsv(
  store: Transactor,
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
  const nothing = { imported: 0, updated: 0, skipped: 0, conflicts: [] };
  const table = readCsvTable(text, REQUIRED_COLUMNS);
  if ('fileError' in table) return { ...nothing, rejected: [table.fileError] };
  const { columns, rows: data } = table;
  const historyAt = HISTORY_COLUMNS.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  if (options.history === 'REFUSED' && data.some((r) => historyAt.some((i) => r.fields[i]?.trim())))
    throw new Refusal(
      `Only a social worker or a team lead may import the history columns (${HISTORY_COLUMNS.join(', ')}): they record an urgency assessment, a decision or its classification. Nothing was imported.`,
      'import history columns',
    );
  const importedBy = { userId: options.userId, name: options.actor.name, migration: options.history === 'MIGRATION' };

  const municipalities = await municipalityRows(store.db);
  const rejected: Rejected[] = [];
  const valid: ValidRow[] = [];
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
    const row = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as ImportRow;
    columns.forEach((c, i) => {
      if (c in row) row[c as keyof ImportRow] = record.fields[i]!;
    });
    const result = validateImportRow(row, municipalities, options.now);
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
    valid.push({ line: record.line, ...result });
  }
  if (rejected.length && !options.skipInvalid && !options.dryRun) return { ...nothing, rejected };

  return store.unitOfWork(async ({ trx, audit }) => {
    const known = await knownCases(trx, [...seenIds.keys()]);
    const fresh: ValidRow[] = [];
    const updates: (ImportUpdate & { id: string; row: CaseRow })[] = [];
    const conflicts: ImportConflict[] = [];
    let skipped = 0;
    for (const v of valid) {
      const found = v.facts.externalId ? known.get(v.facts.externalId) : undefined;
      if (!found) {
        fresh.push(v);
        continue;
      }
      const plan = planImportUpdate(found.row, factsRecordedInLuukku(found.events), v.facts.history, {
        line: v.line,
        now: options.now,
        importedBy,
      });
      if ('error' in plan) {
        rejected.push({ line: v.line, error: plan.error });
        continue;
      }
      conflicts.push(...plan.conflicts);
      if (Object.keys(plan.patch).length) updates.push({ ...plan, id: found.row.id, row: found.row });
      else skipped++;
    }
    const counts = { imported: fresh.length, updated: updates.length, skipped, rejected, conflicts };
    // A dry run answers "what would happen" with the same checks, and writes nothing.
    if (options.dryRun) return counts;
    // A row that only the store could refute (its case as stored) is refused like any invalid row.
    if (rejected.length && !options.skipInvalid) return { ...nothing, rejected };
    // A notification still undecided is a new one like any registered: it goes to the worker on assessment
    // duty today (issue 22 item 8), if anyone is.
    const assessor = await assessmentWorkerOn(trx, helsinkiDate(options.now));
    const created = await insertCases(trx, fresh, { ...importedBy, assessor }, options);
    for (const u of updates) {
      await patchCase(trx, u.row, u.patch, options.now);
      await insertEvents(trx, u.events);
    }
    const details = {
      imported: counts.imported,
      updated: counts.updated,
      skipped: counts.skipped,
      conflicts: conflicts.length,
      rejected: rejected.length,
      ...(importedBy.migration && { migration: true }),
    };
    // Every case the import created or updated is named, so each child's access-log report shows the import.
    const caseIds = [...created, ...updates.map((u) => u.id)];
    audit({ actor: options.actor, action: 'cases.import', caseIds, details });
    return counts;
  });
}

/** The cases already in the store under these external ids, each with its history (oldest first). */
async function knownCases(trx: Db, externalIds: string[]) {
  const known = new Map<string, { row: CaseRow; events: { kind: string; data: string }[] }>();
  for (const ids of inSlices(externalIds)) {
    const { rows, events } = await casesByExternalIds(trx, ids);
    for (const row of rows) known.set(row.external_id!, { row, events: events.filter((e) => e.case_id === row.id) });
  }
  return known;
}

async function insertCases(
  trx: Db,
  fresh: ValidRow[],
  { assessor, ...importedBy }: { userId: string | null; name: string; migration: boolean; assessor: string | null },
  options: { now: Date; onProgress?: ((progress: ImportProgress) => void) | undefined },
): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < fresh.length; i += BATCH) {
    const slice = fresh.slice(i, i + BATCH);
    // A row with guardians or the reporter's contact brings its notification, as registration does.
    const notifications = slice.map((v) => (v.notification ? { id: randomUUID(), ...v.notification } : null));
    const withNotification = notifications.flatMap((n, j) => (n ? [{ n, v: slice[j]! }] : []));
    await insertNotifications(
      trx,
      withNotification.map(({ n, v }) => ({
        id: n.id,
        received_at: v.facts.receivedAt.toISOString(),
        channel: v.facts.channel,
        reporter_category: v.facts.reporterCategory,
        reporter_contact: n.reporterContact,
        guardians: JSON.stringify(n.guardians),
        created_by: importedBy.userId,
        created_at: options.now.toISOString(),
      })),
    );
    const built = slice.map((v, j) =>
      buildCase(
        {
          ...v.facts,
          notificationId: notifications[j]?.id ?? null,
          id: randomUUID(),
          importedBy,
          assigneeUserId: v.facts.history.decision ? null : assessor,
        },
        options.now,
      ),
    );
    created.push(...built.map((b) => b.row.id));
    await insertCaseRows(
      trx,
      built.map((b): NewCase => b.row),
    );
    await insertEvents(
      trx,
      built.flatMap((b): NewEvent[] => b.events),
    );
    options.onProgress?.({ phase: 'WRITING', done: Math.min(i + BATCH, fresh.length), total: fresh.length });
    // Other calls wait for the transaction (one connection), but the app can still show this progress.
    await yieldToEventLoop();
  }
  return created;
}
