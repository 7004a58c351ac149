/** The assessment area's SQL: work pairs, meetings, partners, the summary, support started (issue 22 items 1-6). */
import { PAIR_ROLES } from '../../../shared/roles';
import type { Consent, MeetingStatus } from '../../../shared/caseTypes';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, Db, NewFeedback, NewMeeting, NewPartner, NewSummary, NewSupport } from '../../store/schema';
import type { CaseScopeFilter } from '../cases/scopeQueries';
import { inSlices, insertInChunks } from '../../store/chunks';
import type { LetterKind } from '../../../shared/contract/letters';

/** An expression builder over `cases as c`, for the subqueries that test a case. */
type CaseEb = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;

/** A meeting as the case and the calendar show it, from `meetings as mt` joined to `users as u` (who recorded it). */
export const MEETING_COLUMNS = [
  'mt.id',
  'mt.kind',
  'mt.starts_at',
  'mt.duration_minutes',
  'mt.status',
  'mt.participants',
  'mt.note',
  'u.display_name as recorded_by',
] as const;

/**
 * The held meetings of the assessment of `cases as c` (not its hand-over meeting), as a subquery to narrow (a home visit, the child met) and test with
 * EXISTS: the queue's "still missing" filter and the dashboard's rates count the same thing.
 */
export function heldMeetings(eb: CaseEb) {
  return eb
    .selectFrom('meetings as mt')
    .select('mt.id')
    .whereRef('mt.case_id', '=', 'c.id')
    .where('mt.status', '=', 'HELD')
    .where('mt.kind', '<>', 'HANDOVER');
}

/** Whether the family of `cases as c` was sent a letter of `kind` (the summary given, a notice sent): an EXISTS test. */
export function hasLetter(eb: CaseEb, kind: LetterKind) {
  return eb.exists(
    eb.selectFrom('letters as l').select('l.id').whereRef('l.case_id', '=', 'c.id').where('l.kind', '=', kind),
  );
}

/** 1 or 0 on both engines, for a condition selected as a column. */
function flag(eb: CaseEb, condition: Expression<SqlBool>) {
  return eb.case().when(condition).then(1).else(0).end();
}

/**
 * What the queue's export adds about each case's assessment (docs/formats.md v1.2): its outcome, the meetings
 * held (not the hand-over meeting), whether one was a home visit and one met the child, whether the family was
 * given the summary, and the day of the hand-over meeting; by case id, read in slices.
 */
export async function assessmentFactRows(db: Db, caseIds: readonly string[]) {
  const rows = [];
  for (const ids of inSlices(caseIds))
    rows.push(
      ...(await db
        .selectFrom('cases as c')
        .where('c.id', 'in', ids)
        .select((eb) => [
          'c.id',
          'c.decision',
          'c.assessment_outcome',
          'c.handover_date',
          heldMeetings(eb)
            .clearSelect()
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('meetings_held'),
          flag(eb, eb.exists(heldMeetings(eb).where('mt.kind', '=', 'HOME_VISIT'))).as('home_visit'),
          flag(eb, eb.exists(heldMeetings(eb).where('mt.child_met', '=', 1))).as('child_met'),
          flag(eb, hasLetter(eb, 'SUMMARY')).as('summary_delivered'),
        ])
        .execute()),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

export type AssessmentFactRow = Awaited<ReturnType<typeof assessmentFactRows>> extends Map<string, infer R> ? R : never;

/** A case's meetings, planned, held and cancelled, by time. */
export async function meetingsOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('meetings as mt')
    .leftJoin('users as u', 'u.id', 'mt.updated_by')
    .select(MEETING_COLUMNS)
    .where('mt.case_id', '=', caseId)
    .orderBy('mt.starts_at')
    .orderBy('mt.id')
    .execute();
}

/** The active accounts that may work as a pair, with their roster entry's team. */
export async function pairCandidateRows(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .select(['u.id', 'u.display_name as name', 'u.role', 's.team_id as teamId'])
    .where('u.active', '=', 1)
    .where('u.role', 'in', PAIR_ROLES)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export async function meetingRow(db: Db, id: string) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeeting(db: Db, row: NewMeeting): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function insertMeetings(db: Db, rows: NewMeeting[]): Promise<void> {
  await insertInChunks(db, 'meetings', rows, 200);
}

/**
 * What decides the rows of a meetings import: the cases named (by id or external id), the workers named (by
 * username) and the meetings those cases already have, keyed by case, kind and start.
 */
export async function meetingImportContext(
  db: Db,
  refs: { caseIds: string[]; externalIds: string[]; usernames: string[] },
) {
  const caseColumns = ['id', 'external_id', 'decision', 'received_at'] as const;
  const cases = [];
  for (const ids of inSlices(refs.caseIds))
    cases.push(...(await db.selectFrom('cases').select(caseColumns).where('id', 'in', ids).execute()));
  for (const ids of inSlices(refs.externalIds))
    cases.push(...(await db.selectFrom('cases').select(caseColumns).where('external_id', 'in', ids).execute()));
  const users = [];
  for (const names of inSlices(refs.usernames))
    users.push(
      ...(await db
        .selectFrom('users')
        .select(['id', 'username', 'role', 'active'])
        .where('username', 'in', names)
        .execute()),
    );
  const meetings = [];
  for (const ids of inSlices(cases.map((c) => c.id)))
    meetings.push(
      ...(await db
        .selectFrom('meetings')
        .select(['id', 'case_id', 'kind', 'starts_at', 'status'])
        .where('case_id', 'in', ids)
        .execute()),
    );
  return {
    byId: new Map(cases.map((c) => [c.id, c])),
    byExternalId: new Map(cases.filter((c) => c.external_id).map((c) => [c.external_id!, c])),
    users: new Map(users.map((u) => [u.username, u])),
    meetings: new Map(meetings.map((m) => [`${m.case_id}|${m.kind}|${m.starts_at}`, m])),
  };
}

export async function updateMeeting(
  db: Db,
  id: string,
  patch: Omit<NewMeeting, 'id' | 'case_id' | 'created_by' | 'created_at'>,
): Promise<void> {
  await db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

export async function setMeetingStatus(
  db: Db,
  id: string,
  change: { status: MeetingStatus; updated_by: string; updated_at: string },
): Promise<void> {
  await db.updateTable('meetings').set(change).where('id', '=', id).execute();
}

/**
 * The planned and held meetings between two instants of the cases `userId` is responsible for, works on as
 * the pair or receives in a hand-over (its hand-over meeting), within the caller's case scope, by time.
 */
export async function meetingsOfWorker(
  db: Db,
  userId: string,
  range: { from: string; to: string },
  scope: CaseScopeFilter,
) {
  let query = db
    .selectFrom('meetings as mt')
    .innerJoin('cases as c', 'c.id', 'mt.case_id')
    .leftJoin('users as u', 'u.id', 'mt.updated_by')
    .select([...MEETING_COLUMNS, 'mt.case_id', 'c.child_first_name', 'c.child_last_name'])
    .where('mt.starts_at', '>=', range.from)
    .where('mt.starts_at', '<', range.to)
    .where('mt.status', '<>', 'CANCELLED')
    .where((eb) =>
      eb.or([
        eb('c.assignee_user_id', '=', userId),
        eb('c.pair_user_id', '=', userId),
        eb('c.handover_to', '=', userId),
      ]),
    )
    .orderBy('mt.starts_at')
    .orderBy('mt.id');
  if (scope) query = query.where(scope);
  return query.execute();
}

export async function partnerRows(db: Db, caseId: string) {
  return db
    .selectFrom('assessment_partners')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function partnerRow(db: Db, id: string) {
  return db.selectFrom('assessment_partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPartner(db: Db, row: NewPartner): Promise<void> {
  await db.insertInto('assessment_partners').values(row).execute();
}

export async function setPartnerConsent(
  db: Db,
  id: string,
  consent: { consent: Consent; consent_date: string; updated_at: string },
): Promise<void> {
  await db.updateTable('assessment_partners').set(consent).where('id', '=', id).execute();
}

/** The case's summary (yhteenveto) with who concluded on child welfare, or undefined before one is written. */
export async function summaryRow(db: Db, caseId: string) {
  return db
    .selectFrom('assessment_summaries as s')
    .leftJoin('users as cu', 'cu.id', 's.concluded_by')
    .leftJoin('users as uu', 'uu.id', 's.updated_by')
    .selectAll('s')
    .select(['cu.display_name as concluded_by_name', 'uu.display_name as updated_by_name'])
    .where('s.case_id', '=', caseId)
    .executeTakeFirst();
}

/** Writes the case's summary: the first one, or over the one before (the history keeps each save). */
export async function saveSummaryRow(db: Db, row: NewSummary): Promise<void> {
  const { case_id: _caseId, ...fields } = row;
  await db
    .insertInto('assessment_summaries')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet(fields))
    .execute();
}

export async function supportRows(db: Db, caseId: string) {
  return db
    .selectFrom('assessment_supports')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('started_date')
    .orderBy('id')
    .execute();
}

export async function insertSupport(db: Db, row: NewSupport): Promise<void> {
  await db.insertInto('assessment_supports').values(row).execute();
}

/** The case's hand-over meeting, planned or held (one per case), if any. */
export async function handoverMeetingRow(db: Db, caseId: string) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', 'HANDOVER')
    .where('status', '<>', 'CANCELLED')
    .executeTakeFirst();
}

/** An anonymous feedback answer: its team and day only. */
export async function insertFeedback(db: Db, row: NewFeedback): Promise<void> {
  await db.insertInto('assessment_feedback').values(row).execute();
}

export async function insertFeedbackRows(db: Db, rows: NewFeedback[]): Promise<void> {
  await insertInChunks(db, 'assessment_feedback', rows);
}

/** Which of a survey tool's response ids were imported already. */
export async function knownResponseIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const slice of inSlices(ids))
    for (const r of await db
      .selectFrom('assessment_feedback')
      .select('response_id')
      .where('response_id', 'in', slice)
      .execute())
      known.add(r.response_id!);
  return known;
}
