import type { Kysely } from 'kysely';

/**
 * Customer feedback imported from a survey tool (issue 22 item 7): each answer keeps the tool's response id,
 * unique, so that importing the same export again never counts an answer twice. Typed-in answers have none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessment_feedback').addColumn('response_id', 'text').execute();
  await db.schema
    .createIndex('assessment_feedback_response')
    .on('assessment_feedback')
    .column('response_id')
    .unique()
    .execute();
}
