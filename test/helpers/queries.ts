import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../main/store/schema';

/** How many rows a table holds: to show that a refused or invalid call changed nothing. */
export async function countRows(
  db: Kysely<Database>,
  table:
    | 'cases'
    | 'case_events'
    | 'audit_log'
    | 'letters'
    | 'case_guidance'
    | 'duty_assignments'
    | 'roster_changes'
    | 'staff'
    | 'absences'
    | 'sign_in_failures',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n);
}

/** The audit log's newest entry. */
export function lastAuditEntry(db: Kysely<Database>) {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

/**
 * A digest of every row of every table but the audit log (and its head in `meta`): equal before and after
 * a call means the call changed nothing but, at most, the log.
 */
export async function storeDigest(db: Kysely<Database>): Promise<string> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'cases_name_fts%'
      AND name NOT IN ('audit_log', 'audit_cases', 'meta') ORDER BY name`.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)} ORDER BY rowid`
      .execute(db)
      .catch(() => sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db));
    hash.update(name);
    for (const row of rows.rows)
      hash.update(
        JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)),
      );
  }
  return hash.digest('hex');
}
