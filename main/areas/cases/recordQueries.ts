/** The SQL that writes a case's record: its events, and the cases a lead moves between workers. */
import type { Insertable } from 'kysely';
import type { Db, LettersTable, NewCase, NotificationsTable } from '../../store/schema';
import type { NewEvent } from './caseRecord';
import { insertInChunks } from '../../store/chunks';

/** Rows per insert: well under SQLite's limit of bound variables. */
const BATCH = 300;

export async function insertEvents(db: Db, events: readonly NewEvent[]): Promise<void> {
  await insertInChunks(db, 'case_events', [...events], BATCH);
}

export async function insertCaseRows(db: Db, rows: readonly NewCase[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('cases')
      .values([...rows])
      .execute();
}

export async function insertNotifications(db: Db, rows: readonly Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('notifications')
      .values([...rows])
      .execute();
}

/** The cases of these source-system ids that are already here, with their events in order. */
export async function casesByExternalIds(db: Db, externalIds: readonly string[]) {
  const rows = await db.selectFrom('cases').selectAll().where('external_id', 'in', externalIds).execute();
  const events = rows.length
    ? await db
        .selectFrom('case_events')
        .select(['case_id', 'kind', 'data'])
        .where(
          'case_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return { rows, events };
}

/** Stores a letter as disclosed; its id. */
export async function insertLetter(db: Db, letter: Insertable<LettersTable>): Promise<number> {
  const { id } = await db.insertInto('letters').values(letter).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findLetter(db: Db, id: number) {
  return db
    .selectFrom('letters')
    .select(['case_id', 'kind', 'created_at', 'pdf'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function letterTemplateRows(db: Db) {
  return db.selectFrom('letter_templates').selectAll().execute();
}

export async function saveTemplateRow(
  db: Db,
  t: { kind: LettersTable['kind']; language: LettersTable['language']; body: string; at: string; by: string },
): Promise<void> {
  await db
    .insertInto('letter_templates')
    .values({ kind: t.kind, language: t.language, body: t.body, updated_at: t.at, updated_by: t.by })
    .onConflict((oc) =>
      oc.columns(['kind', 'language']).doUpdateSet({ body: t.body, updated_at: t.at, updated_by: t.by }),
    )
    .execute();
}

/** Adds the services a GUIDANCE decision named. */
export async function insertCaseGuidance(db: Db, caseId: string, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length)
    await db
      .insertInto('case_guidance')
      .values(serviceIds.map((service_id) => ({ case_id: caseId, service_id })))
      .execute();
}

const MOVE_COLUMNS = ['id', 'status', 'assignee_user_id', 'assigned_team_id'] as const;

/** A worker's open cases, by id: what "move all of this worker's cases" moves. */
export async function openCasesOf(db: Db, userId: string) {
  return db
    .selectFrom('cases')
    .select(MOVE_COLUMNS)
    .where('assignee_user_id', '=', userId)
    .where('status', '!=', 'CLOSED')
    .orderBy('id')
    .execute();
}

/** The cases of `ids` that exist, by id, with what a move needs. */
export async function casesToMoveByIds(db: Db, ids: readonly string[]) {
  return db.selectFrom('cases').select(MOVE_COLUMNS).where('id', 'in', ids).orderBy('id').execute();
}

/** A case's row as stored. */
export async function caseRow(db: Db, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many of the cases (those of `caseIds`, or a worker's open ones) are in each area. */
export async function casesPerArea(db: Db, which: { caseIds: readonly string[] } | { assigneeId: string }) {
  let cases = db
    .selectFrom('cases')
    .select([
      'area_id as areaId',
      (eb) => eb.fn.countAll<number>().as('n'),
      // Not yet decided (urgency or decision still to come): the week's assessment worker's work.
      (eb) =>
        eb.fn.sum<number>(eb.case().when('status', 'in', ['NEW', 'TRIAGE']).then(1).else(0).end()).as('undecided'),
    ])
    .groupBy('area_id');
  cases =
    'caseIds' in which
      ? cases.where('id', 'in', which.caseIds)
      : cases.where('assignee_user_id', '=', which.assigneeId).where('status', '!=', 'CLOSED');
  return cases.execute();
}
