import type { Kysely } from 'kysely';

/**
 * The end of an assessment (issue 22 items 4-6): the structured summary (yhteenveto) with the social worker's
 * conclusion on whether child welfare is needed; the support started while the assessment ran (child welfare
 * support starts the client relationship, LsL 27 §); and the hand-over to planned social work, whose meeting
 * is a meeting of kind HANDOVER. A case's hand-over state is PENDING from such a completion until the meeting
 * is held (HELD); cases completed before this step existed have none and stay closed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_summaries')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('child_view', 'text', (c) => c.notNull())
    .addColumn('support_need', 'text', (c) => c.notNull())
    .addColumn('services_agreed', 'text', (c) => c.notNull())
    .addColumn('child_welfare_needed', 'integer')
    .addColumn('concluded_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('assessment_supports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('service_id', 'text', (c) => c.references('guidance_services.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('started_date', 'text', (c) => c.notNull())
    .addColumn('child_welfare', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_supports_case').on('assessment_supports').column('case_id').execute();
  await db.schema.alterTable('cases').addColumn('handover_state', 'text').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('handover_to', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('cases').addColumn('handover_date', 'text').execute();
}
