/**
 * Reads behind the case queue and the detail pane. The queue is filtered and sorted in SQL on indexed
 * columns, so it stays fast with hundreds of thousands of cases; only one page of rows leaves the store.
 */
import { dueSoonUntil } from '../../../shared/clock';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { WorkingDayCalendar } from '../../../shared/calendar';
import type { QueueQuery } from '../../../shared/contract/cases';
import type { CaseStatus } from '../../../shared/caseTypes';
import type { LocalDate } from '../../../shared/dates';
import type { CasePatch, Database, Db } from '../../store/schema';
import type { CaseScopeFilter } from './scopeQueries';
import { hasLetter, heldMeetings, meetingsOfCase, partnerRows, summaryRow, supportRows } from '../assessment/queries';
import { caseTextMatches, direction, engineOf, notIndexed, rowKey } from '../../store/engine';

type Optional = 'types' | 'areaId' | 'municipalityId' | 'due' | 'text' | 'gap';
export type ParsedQueueQuery = Required<Omit<QueueQuery, Optional>> & Pick<QueueQuery, Optional>;

type Eb = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;
/** The status column, indexed or not (statusColumn). */
type Status = RawBuilder<string>;

export const TOTAL_CAP = 10_000;
const SINGLE_STATUS_VIEWS = new Set<ParsedQueueQuery['view']>(['CLOSED', 'AWAITING_BIRTH']);
const OPEN: CaseStatus[] = ['AWAITING_BIRTH', 'NEW', 'TRIAGE', 'ASSESSMENT', 'HANDOVER'];
const UNDECIDED: CaseStatus[] = ['NEW', 'TRIAGE'];
const RUNNING: CaseStatus[] = ['NEW', 'TRIAGE', 'ASSESSMENT'];

/** The running deadline (an indexed generated column): starting the assessment until the decision, then completing it. */
const runningDue = sql.ref<string | null>('c.running_due');

/**
 * The status column as the filter should use it. With a text search on SQLite the matches are the small set
 * to start from, so the status index is switched off (engine.ts notIndexed): given the chance, SQLite walks
 * the 95% of cases that are closed and tests each against the matches. PostgreSQL instead ANDs the bitmaps
 * of the name index and the open cases' statuses, and so reads from the table only the few matches that are
 * open, not the thousands of closed cases a common surname has (5 ms against 13 ms a search on 200,000). Not
 * in a one-status view: there it would walk that status in the page's order hoping for matches soon, and
 * for a user whose scope holds no closed case it read all 190,000 of them (155 ms).
 */
function statusColumn(db: Db, q: ParsedQueueQuery): Status {
  return q.text && (engineOf(db) === 'sqlite' || SINGLE_STATUS_VIEWS.has(q.view))
    ? notIndexed<string>('c.status')
    : sql.ref<string>('c.status');
}

/** Past its running deadline: one range on the (status, running_due) index, never a scan of all cases. */
function overdue(eb: Eb, today: LocalDate, status: Status) {
  return eb.and([eb(status, 'in', RUNNING), eb('c.running_due', '<', today)]);
}

export interface QueueContext {
  today: LocalDate;
  calendar: WorkingDayCalendar;
  dueSoonWorkingDays: number;
  userId: string;
  /** The caller's case scope (main/areas/cases/caseAccess.ts); null or absent: every case. */
  scope?: CaseScopeFilter;
}

function filtered(db: Db, q: ParsedQueueQuery, ctx: QueueContext, withStatus: boolean) {
  const status = statusColumn(db, q);
  let query = db.selectFrom('cases as c');
  if (ctx.scope) query = query.where(ctx.scope);
  if (q.types?.length) query = query.where('c.type', 'in', q.types);
  if (q.areaId) query = query.where('c.area_id', '=', q.areaId);
  if (q.municipalityId) query = query.where('c.municipality_id', '=', q.municipalityId);
  if (q.text) query = query.where(caseTextMatches(db, q.text));
  if (q.due === 'OVERDUE') query = query.where((eb) => overdue(eb, ctx.today, status));
  if (q.gap) {
    // A running assessment still without a held home visit, or without a held meeting the child took part in.
    const gap = q.gap;
    query = query.where(status, '=', 'ASSESSMENT').where((eb) => {
      const held = heldMeetings(eb);
      return eb.not(
        eb.exists(
          gap === 'NO_HOME_VISIT' ? held.where('mt.kind', '=', 'HOME_VISIT') : held.where('mt.child_met', '=', 1),
        ),
      );
    });
  }
  if (q.due === 'DUE_SOON') {
    const limit = dueSoonUntil(ctx.today, ctx.calendar, ctx.dueSoonWorkingDays);
    query = query.where(status, 'in', RUNNING).where(runningDue, '>=', ctx.today).where(runningDue, '<=', limit);
  }
  return withStatus ? query.where((eb) => inView(eb, q, ctx, status)) : query;
}

/** Whether a case belongs to the query's view (tab). */
function inView(eb: Eb, q: ParsedQueueQuery, ctx: QueueContext, status: Status) {
  switch (q.view) {
    case 'OPEN':
      return eb(status, 'in', OPEN);
    case 'MINE':
      return eb.and([
        eb(status, 'in', OPEN),
        eb.or([eb('c.assignee_user_id', '=', ctx.userId), eb('c.pair_user_id', '=', ctx.userId)]),
      ]);
    case 'ASSESSMENT_WEEK':
      return eb(status, 'in', UNDECIDED);
    case 'OVERDUE':
      return overdue(eb, ctx.today, status);
    case 'AWAITING_BIRTH':
      return eb(status, '=', 'AWAITING_BIRTH');
    case 'CLOSED':
      return eb(status, '=', 'CLOSED');
  }
}

/** What a queue row shows, selected from `cases as c` joined to `municipalities as m` and `users as u`. */
export const QUEUE_ROW_COLUMNS = [
  'c.id',
  'c.type',
  'c.status',
  'c.child_first_name',
  'c.child_last_name',
  'c.child_birth_date',
  'c.urgency_result',
  'm.name_fi as municipality',
  'c.received_at',
  'c.created_at',
  'c.pending_from',
  'c.start_due',
  'c.complete_due',
  'u.display_name as assignee',
] as const;

/** A sort term, its direction, and whether it may be NULL (engine.ts direction). */
type OrderTerm = [Expression<unknown>, 'asc' | 'desc', nullable?: 'nullable'];

/**
 * The page's order, as terms both the key query and the page's own rows sort by. Every order ends with the
 * row key (engine.ts rowKey), so it is total and pages never overlap or skip a case.
 */
function pageOrder(db: Db, q: ParsedQueueQuery, today: LocalDate): OrderTerm[] {
  return [...sortTerms(db, q, today), [rowKey(db, 'c'), q.descending ? 'desc' : 'asc']];
}

function sortTerms(db: Db, q: ParsedQueueQuery, today: LocalDate): OrderTerm[] {
  const dir = q.descending ? 'desc' : 'asc';
  const noDueLast = sql`coalesce(${runningDue}, '9999-12-31')`;
  switch (q.sort) {
    case 'priority':
      // The archive has no urgency: newest first, straight off the (status, received_at) index.
      if (q.view === 'CLOSED') return [[sql.ref('c.received_at'), q.descending ? 'asc' : 'desc']];
      // What the law makes urgent first (issue 21): urgency not yet assessed (LsL 26 § 2 mom: at once), then
      // assessed urgent and not yet decided, then overdue (the most late first), then by deadline; cases
      // waiting for a birth have no clock and come last. The id makes the order total, so pages never overlap.
      return [
        [
          sql`CASE
            WHEN c.status = 'NEW' THEN 0
            WHEN c.status = 'TRIAGE' AND c.urgency_result = 'URGENT' THEN 1
            WHEN c.status IN ('TRIAGE', 'ASSESSMENT') AND c.running_due < ${today} THEN 2
            WHEN c.status = 'AWAITING_BIRTH' THEN 4
            ELSE 3 END`,
          dir,
        ],
        [noDueLast, dir],
        [sql.ref('c.received_at'), dir],
      ];
    case 'receivedAt':
      return [[sql.ref('c.received_at'), dir]];
    case 'due':
      // One status (closed: nearly every case) sorts through the (status, running_due) index; the
      // smaller mixed views put cases without a deadline last.
      return SINGLE_STATUS_VIEWS.has(q.view)
        ? [[sql.ref('c.running_due'), dir, 'nullable']]
        : [
            [noDueLast, dir],
            [sql.ref('c.received_at'), dir],
          ];
    case 'childName':
      // The open views are small: filter them by status, then sort. Only the archive (closed) is worth
      // walking in name order, which notIndexed would otherwise keep SQLite from doing.
      return SINGLE_STATUS_VIEWS.has(q.view)
        ? [
            [sql.ref('c.child_last_name'), dir, 'nullable'],
            [sql.ref('c.child_first_name'), dir, 'nullable'],
          ]
        : [
            [notIndexed('c.child_last_name'), dir, 'nullable'],
            [notIndexed('c.child_first_name'), dir, 'nullable'],
          ];
    case 'municipality':
      return [
        [sql.ref('m.name_fi'), dir],
        [sql.ref('c.received_at'), dir],
      ];
  }
}

/** One page of the queue with the tabs' counts. */
export async function queryQueue(db: Db, q: ParsedQueueQuery, ctx: QueueContext) {
  const [page, totals] = await Promise.all([queuePage(db, q, ctx).execute(), queueTotals(db, q, ctx)]);
  return { page, ...totals };
}

/**
 * The page's rows. On SQLite the page is found as row keys first, sorted on the few columns the order
 * needs, and only its own rows are then read whole and joined to their municipality and assignee: a search
 * that matches thousands of cases sorts thousands of small rows, not wide ones. PostgreSQL reads each row
 * whole on its way through the index anyway, and the second pass over the page's ids cost it more (a
 * millisecond per page on 200,000 cases) than it saved: there the page is one query.
 */
/** A query the page's order can be applied to (the key query, the page's rows). */
type Sortable<Query> = { orderBy(term: Expression<unknown>, modifiers: ReturnType<typeof direction>): Query };

function queuePage(db: Db, q: ParsedQueueQuery, ctx: QueueContext) {
  const order = pageOrder(db, q, ctx.today);
  const sorted = <Query extends Sortable<Query>>(query: Query): Query => {
    for (const [term, dir, nullable] of order) query = query.orderBy(term, direction(db, dir, !!nullable));
    return query;
  };
  // Every case has a municipality (a foreign key, not null): joined to find the page only when it is sorted by.
  const matching = filtered(db, q, ctx, true);
  if (engineOf(db) === 'postgres')
    return sorted(
      matching
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .leftJoin('users as u', 'u.id', 'c.assignee_user_id')
        .select(QUEUE_ROW_COLUMNS),
    )
      .limit(q.limit)
      .offset(q.offset);
  const found = sorted(
    (q.sort === 'municipality'
      ? matching.innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      : matching
    ).select(rowKey(db, 'c').as('r')),
  );
  return sorted(
    db
      .selectFrom(found.limit(q.limit).offset(q.offset).as('p'))
      .innerJoin('cases as c', (join) => join.on(sql<boolean>`${rowKey(db, 'c')} = p.r`))
      .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      .leftJoin('users as u', 'u.id', 'c.assignee_user_id')
      .select(QUEUE_ROW_COLUMNS),
  );
}

type QueueTotals = {
  total: number;
  totalCapped: boolean;
  counts: { status: CaseStatus; n: number }[];
  overdue: number;
};

/**
 * The view's total and the open cases per state and overdue, for the tabs. Totals stop counting at
 * TOTAL_CAP: "over 10 000 closed cases" is as useful as the exact number and does not scan the whole
 * archive. A text search instead counts everything in one pass over its matches, which it starts from
 * anyway: four passes over the thousands of cases a common surname matches cost more than the page itself.
 */
/** `count(*) AS n`, for the scalar counts below. */
const countAll = sql<number>`count(*)`.as('n');

async function queueTotals(db: Db, q: ParsedQueueQuery, ctx: QueueContext): Promise<QueueTotals> {
  const status = statusColumn(db, q);
  if (q.text) {
    const one = (eb: Eb, condition: Expression<SqlBool>) =>
      eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
    // Every figure counts open cases only, except the archive tab's total: other views count no closed match.
    const matches = filtered(db, q, ctx, false);
    const sums = await (q.view === 'CLOSED' ? matches : matches.where(status, 'in', OPEN))
      .select((eb) => [
        one(eb, inView(eb, q, ctx, status)).as('total'),
        one(eb, overdue(eb, ctx.today, status)).as('overdue'),
        ...OPEN.map((s) => one(eb, eb(status, '=', s)).as(s)),
      ])
      .executeTakeFirstOrThrow();
    const total = Number(sums.total ?? 0);
    return {
      total: Math.min(total, TOTAL_CAP),
      totalCapped: total > TOTAL_CAP,
      counts: OPEN.map((s) => ({ status: s, n: Number((sums as Record<string, unknown>)[s] ?? 0) })),
      overdue: Number(sums.overdue ?? 0),
    };
  }
  // One statement of scalar counts, each its own range on an index: one round trip to a database server
  // instead of three.
  const sums = await db
    .selectNoFrom([
      db
        .selectFrom(
          filtered(db, q, ctx, true)
            .select(sql`1`.as('one'))
            .limit(TOTAL_CAP + 1)
            .as('capped'),
        )
        .select(countAll)
        .as('total'),
      filtered(db, q, ctx, false)
        .where((eb) => overdue(eb, ctx.today, status))
        .select(countAll)
        .as('overdue'),
      ...OPEN.map((s) => filtered(db, q, ctx, false).where(status, '=', s).select(countAll).as(s)),
    ])
    .executeTakeFirstOrThrow();
  const n = Number(sums.total);
  return {
    total: Math.min(n, TOTAL_CAP),
    totalCapped: n > TOTAL_CAP,
    counts: OPEN.map((s) => ({ status: s, n: Number((sums as Record<string, unknown>)[s] ?? 0) })),
    overdue: Number(sums.overdue),
  };
}

export async function readCase(db: Db, id: string) {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_user_id')
    .leftJoin('users as ub', 'ub.id', 'c.urgency_assessed_by')
    .leftJoin('users as db', 'db.id', 'c.decision_by')
    .leftJoin('notifications as n', 'n.id', 'c.notification_id')
    .leftJoin('teams as t', 't.id', 'c.assigned_team_id')
    .leftJoin('cases as lc', 'lc.id', 'c.linked_case_id')
    .leftJoin('users as pu', 'pu.id', 'c.pair_user_id')
    .leftJoin('users as hu', 'hu.id', 'c.handover_to')
    .selectAll('c')
    .select([
      't.name as assigned_team',
      'pu.display_name as pair',
      'hu.display_name as handover_to_name',
      'lc.assignee_user_id as linked_assignee_user_id',
      'n.reporter_contact',
      'n.guardians',
      'm.name_fi as municipality',
      'a.display_name as assignee',
      'ub.display_name as urgency_by_name',
      'db.display_name as decision_by_name',
      (eb) =>
        eb
          .selectFrom('cases as s')
          .select((s) => s.fn.countAll<number>().as('n'))
          .whereRef('s.notification_id', '=', 'c.notification_id')
          .where('s.id', '<>', id)
          .as('sibling_count'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const events = await db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.at', 'e.kind', 'e.data', 'u.display_name as user'])
    .where('e.case_id', '=', id)
    .orderBy('e.id')
    .execute();
  const guidedTo = await db
    .selectFrom('case_guidance as g')
    .innerJoin('guidance_services as s', 's.id', 'g.service_id')
    .select(['s.id', 's.name'])
    .where('g.case_id', '=', id)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  const letters = await db
    .selectFrom('letters as l')
    .leftJoin('users as u', 'u.id', 'l.created_by')
    .select(['l.id', 'l.kind', 'l.language', 'l.recipient', 'l.created_at as createdAt', 'u.display_name as createdBy'])
    .where('l.case_id', '=', id)
    .orderBy('l.id')
    .execute();
  return {
    row,
    events,
    guidedTo,
    letters,
    meetings: await meetingsOfCase(db, id),
    partners: await partnerRows(db, id),
    summary: (await summaryRow(db, id)) ?? null,
    supports: await supportRows(db, id),
  };
}

export async function findExistingCases(
  db: Db,
  by: { hetu?: string; firstName?: string; lastName?: string; birthDate?: string },
) {
  // Two children may share a name and a birth date: where the identity code is known, a case recorded
  // with another code is another child's and never matches (the access-log report names one child only).
  const hetu = by.hetu?.toUpperCase();
  const byHetu = hetu
    ? await db
        .selectFrom('cases')
        .selectAll()
        .where('child_hetu', '=', hetu)
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .limit(20)
        .execute()
    : [];
  const byName =
    by.firstName && by.lastName && by.birthDate
      ? await db
          .selectFrom('cases')
          .selectAll()
          .where('child_last_name', '=', by.lastName)
          .where('child_first_name', '=', by.firstName)
          .where('child_birth_date', '=', by.birthDate)
          .$if(!!hetu, (q) => q.where((eb) => eb.or([eb('child_hetu', 'is', null), eb('child_hetu', '=', hetu!)])))
          .orderBy('received_at', 'desc')
          .orderBy('id')
          .limit(20)
          .execute()
      : [];
  const seen = new Set(byHetu.map((r) => r.id));
  return [
    ...byHetu.map((r) => ({ row: r, matchedBy: 'HETU' as const })),
    ...byName.filter((r) => !seen.has(r.id)).map((r) => ({ row: r, matchedBy: 'NAME_AND_BIRTH_DATE' as const })),
  ];
}

export async function updateCase(db: Db, id: string, patch: CasePatch): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

/** Open cases whose running deadline is on or before `limit` (the due digest). */
export async function openCasesDueBy(db: Db, limit: LocalDate) {
  return db
    .selectFrom('cases as c')
    .select(['c.id', sql<string>`c.running_due`.as('due')])
    .where('c.status', 'in', ['NEW', 'TRIAGE', 'ASSESSMENT'])
    .where('c.running_due', '<=', limit)
    .execute();
}

/** Anticipatory notifications whose expected birth date has come. */
export async function birthsExpectedBy(db: Db, today: LocalDate): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('status', '=', 'AWAITING_BIRTH')
    .where('expected_birth_date', '<=', today)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The other cases of a case's notification (its siblings), as queue rows, youngest last. The caller keeps
 * those in its viewer's scope.
 */
export async function siblingRows(db: Db, id: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_user_id')
    .select(QUEUE_ROW_COLUMNS)
    .where('c.notification_id', '=', (eb) =>
      eb.selectFrom('cases as me').select('me.notification_id').where('me.id', '=', id),
    )
    .where('c.id', '<>', id)
    .orderBy(sql`coalesce(c.child_birth_date, '9999-12-31')`)
    .orderBy('c.id')
    .execute();
}

/**
 * The undecided notifications assigned to `userId`, by their 7-day deadline (the assessment-week worker's
 * list, issue 22 item 8), as queue rows with what has been done of the steps the law and THL require: a
 * contact with the family, the notice to the guardians and, to a child of 12 or more, the child's own.
 */
export async function sevenDayRows(db: Db, userId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_user_id')
    .select(QUEUE_ROW_COLUMNS)
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('case_events as e')
            .select('e.id')
            .whereRef('e.case_id', '=', 'c.id')
            .where('e.kind', '=', 'CONTACT'),
        )
        .as('contacted'),
      hasLetter(eb, 'RECEIPT_NOTICE').as('guardian_informed'),
      hasLetter(eb, 'CHILD_NOTICE').as('child_informed'),
    ])
    .where('c.assignee_user_id', '=', userId)
    .where('c.status', 'in', ['NEW', 'TRIAGE'])
    .orderBy('c.start_due')
    .orderBy('c.id')
    .limit(500)
    .execute();
}
