/**
 * Integrity of a PostgreSQL store (issue 19 item 5): the schema version, the audit log's hash chain and its
 * case index (the same checks as on SQLite, audit.ts), and PostgreSQL's own page and index check, pg_amcheck,
 * where its binary and the amcheck extension are there. It never repairs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { verifyAuditChain } from './audit';
import { LATEST_VERSION } from './migrations';
import { countRows, type VerifyReport } from './verify';
import { postgresSchemaVersion, type PostgresStore } from './postgres';
import { postgresBinDir } from './postgresBin';

/** pg_amcheck with PostgreSQL's programs, or on PATH; null when neither has it. */
function amcheckBinary(): string | null {
  const dir = postgresBinDir('pg_amcheck');
  if (dir) return join(dir, 'pg_amcheck');
  const onPath = spawnSync('pg_amcheck', ['--version'], { encoding: 'utf8' });
  return onPath.status === 0 ? 'pg_amcheck' : null;
}

export interface DatabaseVerifyReport extends VerifyReport {
  /** What pg_amcheck said: "ok", its first finding, or why it did not run. */
  amcheck: string;
}

export async function verifyDatabase(store: PostgresStore): Promise<DatabaseVerifyReport> {
  const problems: string[] = [];
  const version = await postgresSchemaVersion(store.db);
  if (version !== LATEST_VERSION) problems.push(`schema version ${version}, expected ${LATEST_VERSION}`);
  let auditEntries: number | null = null;
  if (version === LATEST_VERSION) {
    const chainProblem = await verifyAuditChain(store.db);
    if (chainProblem) problems.push(chainProblem);
    auditEntries = await countRows(store.db, 'audit_log');
  }
  const amcheck = runAmcheck(store.url);
  if (amcheck.problem) problems.push(amcheck.problem);
  return { ok: problems.length === 0, schemaVersion: version, auditEntries, problems, amcheck: amcheck.said };
}

function runAmcheck(url: string): { said: string; problem?: string } {
  const binary = amcheckBinary();
  if (!binary) return { said: 'not run: pg_amcheck is not installed' };
  const result = spawnSync(binary, ['--heapallindexed', '--no-password', url], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status === 0) return { said: 'ok' };
  // Without the amcheck extension (CREATE EXTENSION amcheck, by the owner or county IT) it cannot check.
  if (/amcheck/.test(output) && /(extension|not installed|does not exist)/.test(output))
    return { said: `not run: ${output.split('\n')[0]}` };
  const first = output.split('\n')[0] ?? `exit ${result.status}`;
  return { said: first, problem: `pg_amcheck found damage: ${first}` };
}
