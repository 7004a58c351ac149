import type { Kysely } from 'kysely';

/**
 * The siblings of one notification (issue 21 items 4 and 13: the family's cases together): the detail pane
 * counts and lists the cases registered with the same notification, which without an index would read
 * every case.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_notification').on('cases').column('notification_id').execute();
}
