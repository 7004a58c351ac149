import type { Kysely } from 'kysely';

/**
 * Indexes for the deadline-monitoring report (`report thl`): assessments completed in a period, and
 * started assessments by their completion deadline (open and overdue on the as-of date).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_completed').on('cases').column('assessment_completed_date').execute();
  await db.schema.createIndex('cases_decision_due').on('cases').columns(['decision', 'complete_due']).execute();
}
