import type { Kysely } from 'kysely';

/** A finished service need assessment: its written summary (yhteenveto) and outcome (docs/domain.md). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('assessment_outcome', 'text').execute();
  await db.schema.alterTable('cases').addColumn('assessment_summary', 'text').execute();
}
