import type { Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * Customer feedback on service need assessments (issue 22 item 7): anonymous answers, entered by staff from
 * the family's paper or message with the team's feedback code. An answer names its team and day, never a
 * case, a family or who entered it (the audit log has that), so no report can link it back to a family.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('assessment_feedback')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addColumn('helped', 'integer', (c) => c.notNull())
    .addColumn('heard', 'integer', (c) => c.notNull())
    .addColumn('clear', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_feedback_day')
    .on('assessment_feedback')
    .columns(['answered_on', 'team_id'])
    .execute();
}
