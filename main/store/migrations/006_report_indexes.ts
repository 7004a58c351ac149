import type { Kysely } from 'kysely';

/**
 * Indexes for the reports: assessments completed in a period and started assessments by their completion
 * deadline (`report thl`), and inflow by day and decisions by date (the dashboard).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_completed').on('cases').column('assessment_completed_date').execute();
  await db.schema.createIndex('cases_received_date').on('cases').column('received_date').execute();
  await db.schema.createIndex('cases_decided').on('cases').column('decision_date').execute();
  await db.schema.createIndex('cases_decision_due').on('cases').columns(['decision', 'complete_due']).execute();
}
