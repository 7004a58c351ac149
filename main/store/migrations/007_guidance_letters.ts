import type { Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * What the triage decision needs beyond its reason: the regional team an assessment goes to, the county's
 * directory of services a family is guided to (and which ones each case was guided to), and the letters
 * to guardians with their county-edited templates. A letter is stored as the PDF that was disclosed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('assigned_team_id', 'text', (c) => c.references('teams.id'))
    .execute();
  await db.schema
    .createTable('guidance_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_guidance')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('guidance_services.id'))
    .addPrimaryKeyConstraint('case_guidance_pk', ['case_id', 'service_id'])
    .execute();
  await db.schema
    .createTable('letter_templates')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('letter_templates_pk', ['kind', 'language'])
    .execute();
  await db.schema
    .createTable('letters')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('pdf', ddl.blob, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('letters_case').on('letters').column('case_id').execute();
}
