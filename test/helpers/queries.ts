import type { Kysely } from 'kysely';
import type { Database } from '../../main/store/schema';

/** How many rows a table holds: to show that a refused or invalid call changed nothing. */
export async function countRows(
  db: Kysely<Database>,
  table:
    'cases' | 'audit_log' | 'letters' | 'case_guidance' | 'duty_assignments' | 'roster_changes' | 'staff' | 'absences',
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
