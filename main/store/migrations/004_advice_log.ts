import type { Kysely } from 'kysely';
import type { Ddl } from './ddl';

/** Anonymous advice contacts for statistics (docs/domain.md: the advice line): no personal data at all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('advice_contacts')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('guided_to', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('advice_by_date').on('advice_contacts').columns(['date']).execute();
}
