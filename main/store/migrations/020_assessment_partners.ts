import type { Kysely } from 'kysely';

/**
 * The partners of an assessment (issue 22 item 3): services from the county's directory or named
 * professionals invited into the assessment, each with whether they take part under a statutory duty and the
 * client's consent to share information with them (given, refused, withdrawn, with its date). Every change of
 * consent and every disclosure is a case event and an audit entry; this table holds each partner's state now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('service_id', 'text', (c) => c.references('guidance_services.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('statutory', 'integer', (c) => c.notNull())
    .addColumn('consent', 'text')
    .addColumn('consent_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_partners_case').on('assessment_partners').column('case_id').execute();
}
