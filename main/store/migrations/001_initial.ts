import { sql, type Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * The initial schema: county structure, staff and availability, users, cases with their events,
 * the duty roster, and the append-only, hash-chained audit log (Asiakastietolaki 703/2023 § 10).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('municipalities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_fi', 'text', (c) => c.notNull().unique())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id'))
    .addColumn('majority_language', 'text', (c) => c.notNull().defaultTo('fi'))
    .execute();
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('areas.id'))
    .execute();
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('fte', ddl.real, (c) => c.notNull().check(sql`fte > 0 AND fte <= 1`))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('["fi"]'))
    .addColumn('area_id', 'text', (c) => c.references('areas.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('max_duties_per_week', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('absences')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('absence_range', sql`from_date <= to_date`)
    .execute();
  await db.schema.createIndex('absences_by_staff').on('absences').columns(['staff_id', 'from_date']).execute();
  await db.schema
    .createTable('closure_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporter_category', 'text', (c) => c.notNull())
    .addColumn('reporter_contact', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('notification_id', 'text', (c) => c.references('notifications.id'))
    .addColumn('linked_case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('reporter_category', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id'))
    .addColumn('child_first_name', 'text')
    .addColumn('child_last_name', 'text')
    .addColumn('child_birth_date', 'text')
    .addColumn('child_hetu', 'text')
    .addColumn('expected_birth_date', 'text')
    .addColumn('pending_from', 'text')
    .addColumn('start_due', 'text')
    .addColumn('complete_due', 'text')
    .addColumn('summary', 'text')
    .addColumn('urgency_assessed_at', 'text')
    .addColumn('urgency_assessed_by', 'text', (c) => c.references('users.id'))
    .addColumn('urgency_result', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_at', 'text')
    .addColumn('decision_by', 'text', (c) => c.references('users.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('assessment_completed_date', 'text')
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The queue is read by status and deadline; reports by pending date; duplicate detection by identity.
  await db.schema.createIndex('cases_queue').on('cases').columns(['status', 'start_due']).execute();
  await db.schema.createIndex('cases_pending').on('cases').columns(['pending_from']).execute();
  await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_user_id', 'status']).execute();
  await db.schema.createIndex('cases_hetu').on('cases').columns(['child_hetu']).execute();
  await db.schema
    .createIndex('cases_child')
    .on('cases')
    .columns(['child_last_name', 'child_first_name', 'child_birth_date'])
    .execute();
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('case_events_by_case').on('case_events').columns(['case_id', 'id']).execute();
  await db.schema
    .createTable('roster_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('DRAFT'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createTable('duty_assignments')
    .addColumn('id', 'integer', ddl.autoId)
    .addColumn('period_id', 'text', (c) => c.references('roster_periods.id'))
    .addColumn('date', 'text')
    .addColumn('week', 'text')
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('duty_date_or_week', sql`(date IS NULL) <> (week IS NULL)`)
    .execute();
  await db.schema.createIndex('duty_by_date').on('duty_assignments').columns(['date', 'duty']).execute();
  await db.schema.createIndex('duty_by_staff').on('duty_assignments').columns(['staff_id', 'date']).execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('case_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_by_case').on('audit_log').columns(['case_id', 'seq']).execute();
  // Append-only: the application never updates or deletes log rows (§ 10, kept 12 years).
  await ddl.appendOnly(db, 'audit_log');
}
