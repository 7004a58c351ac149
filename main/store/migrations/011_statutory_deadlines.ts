import type { Kysely } from 'kysely';
import { caseDeadlines } from '../../../shared/calendar';
import { appendAudit } from '../audit';

/**
 * Issue 18: county closure days used to lengthen the statutory deadlines of cases registered after they
 * were added. The law counts by its own calendar only, so every stored deadline is recomputed from the
 * pending date; each corrected case gets a DEADLINES_CORRECTED event with the old and new dates, and the
 * run is one audit-log entry naming the cases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('cases')
    .select(['id', 'pending_from', 'start_due', 'complete_due'])
    .where('pending_from', 'is not', null)
    .execute()) as { id: string; pending_from: string; start_due: string | null; complete_due: string | null }[];
  const now = new Date();
  const corrected: string[] = [];
  for (const row of rows) {
    const d = caseDeadlines(row.pending_from);
    if (d.startDue === row.start_due && d.completeDue === row.complete_due) continue;
    corrected.push(row.id);
    await db
      .updateTable('cases')
      .set({ start_due: d.startDue, complete_due: d.completeDue })
      .where('id', '=', row.id)
      .execute();
    await db
      .insertInto('case_events')
      .values({
        case_id: row.id,
        at: now.toISOString(),
        user_id: null,
        kind: 'DEADLINES_CORRECTED',
        data: JSON.stringify({
          reason: 'closure days do not move statutory deadlines',
          startDue: { from: row.start_due, to: d.startDue },
          completeDue: { from: row.complete_due, to: d.completeDue },
        }),
      })
      .execute();
  }
  if (rows.length === 0) return;
  await appendAudit(
    db,
    {
      actor: null,
      action: 'migration.statutoryDeadlines',
      purpose: 'statutory deadlines recomputed without closure days',
      caseIds: corrected,
      details: { checked: rows.length, corrected: corrected.length },
    },
    now,
  );
}
