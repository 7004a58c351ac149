/**
 * Integrity of a store: SQLite's full integrity check (with ChaCha20-Poly1305 every page is also
 * authenticated), foreign keys, the schema version, the audit-log hash chain and its anchor outside the
 * store (auditAnchor.ts). It never repairs.
 */
import type { Db } from './schema';
import { LuukkuError } from '../../shared/errors';
import { verifyAuditChain } from './audit';
import type { AnchorKind } from './auditAnchor';
import { logEndProblem } from './auditKeeper';
import type { HeadWitness } from './auditWitness';
import { LATEST_VERSION } from './migrations';
import { closeAll, kyselyFor, openSqlite, schemaVersion } from './open';

export interface VerifyReport {
  ok: boolean;
  schemaVersion: number | null;
  auditEntries: number | null;
  problems: string[];
}

/**
 * `kind`: whether `path` is the live store or a backup copy (each has its own kind of anchor); `witness`:
 * the last-seen head kept outside the store folder, if there is one (auditWitness.ts).
 */
export async function verifyStoreFile(
  path: string,
  key: Buffer,
  kind: AnchorKind = 'live',
  witness?: HeadWitness,
): Promise<VerifyReport> {
  const problems: string[] = [];
  let sqlite;
  try {
    sqlite = openSqlite(path, key, 'existing');
  } catch (error) {
    if (error instanceof LuukkuError)
      return { ok: false, schemaVersion: null, auditEntries: null, problems: [error.message] };
    throw error;
  }
  const db = kyselyFor(sqlite);
  let version: number | null = null;
  let auditEntries: number | null = null;
  try {
    version = schemaVersion(sqlite);
    if (version !== LATEST_VERSION) problems.push(`schema version ${version}, expected ${LATEST_VERSION}`);
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const bad = integrity
      .flatMap((r) => r.integrity_check.split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('***'));
    if (bad.length) problems.push(`integrity check failed (${bad.length} findings), first: ${bad[0]}`);
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`${fk.length} rows refer to missing rows (foreign keys)`);
    if (version === LATEST_VERSION && !bad.length) {
      const chainProblem = (await verifyAuditChain(db)) ?? logEndProblem(sqlite, path, key, { kind, witness });
      if (chainProblem) problems.push(chainProblem);
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      auditEntries = Number(row?.n ?? 0);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_')) throw error;
    problems.push(`the store is damaged: ${(error as Error).message} (${code})`);
  } finally {
    await closeAll(db, sqlite);
  }
  return { ok: problems.length === 0, schemaVersion: version, auditEntries, problems };
}

/** How many rows a table holds. */
export async function countRows(db: Db, table: 'cases' | 'audit_log'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n);
}
