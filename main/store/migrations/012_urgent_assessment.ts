import type { Kysely } from 'kysely';
import { appendAudit } from '../audit';

/**
 * Issue 18: an URGENT decision used to close the case. An urgent child welfare measure starts a child
 * welfare client relationship (LsL 27 §) and the service need assessment still runs against its 3-month
 * deadline, so every URGENT case without a completed assessment is open again, in assessment, with an
 * ASSESSMENT_REOPENED event; the run is one audit-log entry naming the cases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('cases')
    .select('id')
    .where('decision', '=', 'URGENT')
    .where('assessment_completed_date', 'is', null)
    .where('status', '=', 'CLOSED')
    .execute()) as { id: string }[];
  if (rows.length === 0) return;
  const now = new Date().toISOString();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.updateTable('cases').set({ status: 'ASSESSMENT', updated_at: now }).where('id', 'in', chunk).execute();
    await db
      .insertInto('case_events')
      .values(
        chunk.map((case_id) => ({
          case_id,
          at: now,
          user_id: null,
          kind: 'ASSESSMENT_REOPENED',
          data: JSON.stringify({ reason: 'an urgent measure does not end the service need assessment' }),
        })),
      )
      .execute();
  }
  await appendAudit(
    db,
    {
      actor: null,
      action: 'migration.urgentAssessment',
      purpose: 'service need assessments of urgent cases kept running',
      caseIds: ids,
      details: { reopened: ids.length },
    },
    new Date(now),
  );
}
