import type { Kysely } from 'kysely';

/**
 * Issue 18: the facts THL's deadline monitoring and the supervisory agencies ask for.
 * - urgency_recorded_at: when the urgency assessment was typed in (urgency_assessed_at is the real time the
 *   social worker gives); decision_at already is the typing time, decision_date the real date.
 * - concern: whether the case concerns child welfare or a child in need of special support (SHL 3 § 5), or
 *   neither; LSL25 and LSL25C are child welfare by definition.
 * - start_/complete_overrun_reason and _note: why a deadline was missed (a fixed code plus free text).
 * - closed_reason (DUPLICATE, REGISTERED_IN_ERROR, OTHER_COUNTY), closed_at, closed_by, closed_note: a case
 *   closed as not a case, never counted as a decision.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    'urgency_recorded_at',
    'concern',
    'start_overrun_reason',
    'start_overrun_note',
    'complete_overrun_reason',
    'complete_overrun_note',
    'closed_reason',
    'closed_at',
    'closed_by',
    'closed_note',
  ])
    await db.schema.alterTable('cases').addColumn(column, 'text').execute();
  await db.updateTable('cases').set({ concern: 'CHILD_WELFARE' }).where('type', 'in', ['LSL25', 'LSL25C']).execute();
}
