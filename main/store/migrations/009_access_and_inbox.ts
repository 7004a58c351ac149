import { sql, type Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * Issue 5: which cases an audit-log entry touched when it touched more than one (a queue page, a bulk
 * reassignment), so that "who has seen this child's file" (703/2023 § 11) is one indexed lookup; and the
 * in-app inbox that tells workers a case was moved to them or away from them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  // The case ids are also in the hash-chained entry's details; this table is their index, checked by verify.
  if (ddl.engine === 'sqlite') {
    await sql`CREATE TABLE audit_cases (
    case_id TEXT NOT NULL,
    seq INTEGER NOT NULL REFERENCES audit_log(seq),
    PRIMARY KEY (case_id, seq)
  ) WITHOUT ROWID`.execute(db);
  } else {
    await db.schema
      .createTable('audit_cases')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull().references('audit_log.seq'))
      .addPrimaryKeyConstraint('audit_cases_pkey', ['case_id', 'seq'])
      .execute();
  }
  await ddl.appendOnly(db, 'audit_cases');
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('inbox_by_user').on('inbox').columns(['user_id', 'id']).execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
