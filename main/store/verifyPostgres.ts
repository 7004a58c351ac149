/**
 * Integrity of a PostgreSQL store (issue 19 item 5): the schema version, the audit log's hash chain and its
 * case index (the same checks as on SQLite, audit.ts), and PostgreSQL's own page and index check, pg_amcheck,
 * where its binary and the amcheck extension are there. It never repairs.
 */
import { verifyAuditChain } from './audit';
import type { AnchorKind } from './auditAnchor';
import { databaseAnchorProblem, isAnchored, type AnchorKey } from './databaseAnchor';
import { LATEST_VERSION } from './migrations';
import { countRows, type VerifyReport } from './verify';
import { postgresSchemaVersion, type PostgresStore } from './postgres';
import { postgresTool, runTool } from './postgresTools';

export interface DatabaseVerifyReport extends VerifyReport {
  /** What pg_amcheck said: "ok", its first finding, or why it did not run. */
  amcheck: string;
}

/** The anchor a database is checked against: the server's key, and where the anchor is (databaseAnchor.ts). */
export interface AnchorCheck {
  /** The key file for the live database, the backup file for a backup. */
  base: string;
  key: Buffer;
  kind: AnchorKind;
}

/** The check of the anchor at `base` (the key file for the live database, a backup file for a backup). */
export function anchorCheck(anchor: AnchorKey, kind: AnchorKind, base = anchor.path): AnchorCheck {
  return { base, key: anchor.key, kind };
}

/**
 * `anchor`: what the end of the log is checked against (without it, an anchored database is a finding);
 * `amcheck: false` skips PostgreSQL's page check (a scratch copy just written has nothing for it to find).
 */
export async function verifyDatabase(
  store: PostgresStore,
  options: { anchor?: AnchorCheck | undefined; amcheck?: boolean } = {},
): Promise<DatabaseVerifyReport> {
  const anchor = options.anchor;
  const problems: string[] = [];
  const version = await postgresSchemaVersion(store.db);
  if (version !== LATEST_VERSION) problems.push(`schema version ${version}, expected ${LATEST_VERSION}`);
  let auditEntries: number | null = null;
  if (version === LATEST_VERSION) {
    const chainProblem = (await verifyAuditChain(store.db)) ?? (await logEndProblem(store, anchor));
    if (chainProblem) problems.push(chainProblem);
    auditEntries = await countRows(store.db, 'audit_log');
  }
  const amcheck = options.amcheck === false ? { said: 'not run: a scratch copy' } : await runAmcheck(store.url);
  if (amcheck.problem) problems.push(amcheck.problem);
  return { ok: problems.length === 0, schemaVersion: version, auditEntries, problems, amcheck: amcheck.said };
}

/** Whether the log still reaches its anchor; an anchored database checked without the key is a finding too. */
async function logEndProblem(store: PostgresStore, anchor: AnchorCheck | undefined): Promise<string | null> {
  if (anchor) return databaseAnchorProblem(store.db, anchor.base, anchor.key, anchor.kind);
  return (await isAnchored(store.db))
    ? 'the database is anchored by a Luukku server, but no anchor key was given (--anchor-key FILE or LUUKKU_ANCHOR_KEY), so the end of the log cannot be confirmed'
    : null;
}

async function runAmcheck(url: string): Promise<{ said: string; problem?: string }> {
  if (!postgresTool('pg_amcheck')) return { said: 'not run: pg_amcheck is not installed' };
  const result = await runTool('pg_amcheck', (uri) => ['--heapallindexed', uri], url);
  if (result.status === 0) return { said: 'ok' };
  const output = result.output;
  // Without the amcheck extension (CREATE EXTENSION amcheck, by the owner or county IT) it cannot check.
  if (/amcheck/.test(output) && /(extension|not installed|does not exist)/.test(output))
    return { said: `not run: ${output.split('\n')[0]}` };
  const first = output.split('\n')[0] ?? `exit ${result.status}`;
  return { said: first, problem: `pg_amcheck found damage: ${first}` };
}
