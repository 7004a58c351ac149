import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../main/store/schema';
import { engineOf } from '../../main/store/engine';

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
 * a call means the call changed nothing but, at most, the log. Rows are compared as sorted JSON, on either engine.
 */
export async function storeDigest(db: Kysely<Database>): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await tableNames(db)) {
    if (['audit_log', 'audit_cases', 'meta'].includes(name)) continue;
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    hash.update(name);
    const json = rows.rows.map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)),
    );
    for (const line of json.sort()) hash.update(line);
  }
  return hash.digest('hex');
}

/** How many rows each table holds, as one line: cheaper than a digest where a count shows the change. */
export async function tableCounts(db: Kysely<Database>): Promise<string> {
  const counts: string[] = [];
  for (const name of await tableNames(db)) {
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    counts.push(`${name}=${row.rows[0]!.n}`);
  }
  return counts.join(' ');
}

/** Luukku's own tables, on either engine (not SQLite's or FTS5's internals, nor the schema version table). */
async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const tables =
    engineOf(db) === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'cases_name_fts%' ORDER BY name`.execute(db)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'luukku_schema'
    ORDER BY table_name`.execute(db);
  return tables.rows.map((t) => t.name);
}
