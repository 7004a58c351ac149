/**
 * Reads behind the workload board and the assignee suggestions: open cases per assignee, area and team
 * with their overdue and due-soon counts, and the weekly flow of recent weeks. Only open cases are grouped
 * (an index range on status); the closed archive is touched only for the weeks the trend shows.
 */
import { sql } from 'kysely';
import type { CaseStatus } from '../../../shared/caseTypes';
import type { LocalDate } from '../../../shared/dates';
import type { Db } from '../../store/schema';
import { countWhere } from '../../store/engine';

const OPEN: CaseStatus[] = ['AWAITING_BIRTH', 'NEW', 'TRIAGE', 'ASSESSMENT', 'HANDOVER'];
const RUNNING = ['NEW', 'TRIAGE', 'ASSESSMENT'];

/** Open cases grouped by assignee, area, team and status, with how many are overdue or due soon. */
export async function openLoad(db: Db, today: LocalDate, dueSoonUntil: LocalDate) {
  const running = sql<boolean>`c.status IN (${sql.join(RUNNING)})`;
  const rows = await db
    .selectFrom('cases as c')
    .select([
      'c.assignee_user_id as userId',
      'c.area_id as areaId',
      'c.assigned_team_id as teamId',
      'c.status',
      (eb) => eb.fn.countAll<number>().as('open'),
      countWhere(sql<boolean>`${running} AND c.running_due < ${today}`).as('overdue'),
      countWhere(sql<boolean>`${running} AND c.running_due >= ${today} AND c.running_due <= ${dueSoonUntil}`).as(
        'dueSoon',
      ),
    ])
    .where('c.status', 'in', OPEN)
    .groupBy(['c.assignee_user_id', 'c.area_id', 'c.assigned_team_id', 'c.status'])
    .execute();
  return rows.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) }));
}
export type LoadRow = Awaited<ReturnType<typeof openLoad>>[number];

/**
 * For the trend: cases still open (with their receipt date), and cases closed since `since` with their
 * receipt and closing dates. A closed case closed on its assessment's completion or, without one, its decision.
 */
export async function caseFlow(db: Db, since: LocalDate) {
  const open = await db.selectFrom('cases').select('received_date as received').where('status', 'in', OPEN).execute();
  const closedOn = sql<string>`coalesce(assessment_completed_date, decision_date)`;
  const closed = await db
    .selectFrom('cases')
    .select(['received_date as received', closedOn.as('closedOn')])
    .where('status', '=', 'CLOSED')
    .where((eb) => eb.or([eb('decision_date', '>=', since), eb('assessment_completed_date', '>=', since)]))
    .execute();
  const received = await db
    .selectFrom('cases')
    .select('received_date as received')
    .where('received_date', '>=', since)
    .execute();
  return { open, closed: closed.filter((c) => c.closedOn >= since), received };
}

/** Whose assessment week `week` is (ISO week), by user account: the worker of undecided notifications. */
export async function assessmentWeekUser(db: Db, week: string): Promise<string | null> {
  const row = await db
    .selectFrom('duty_assignments as d')
    .innerJoin('users as u', 'u.staff_id', 'd.staff_id')
    .select('u.id')
    .where('d.week', '=', week)
    .where('d.duty', '=', 'ASSESSMENT_WEEK')
    .where('u.active', '=', 1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The children of each worker's open cases (LsL 13 b §'s measure: children, not cases): a child is their
 * identity code, or without one the case. With `caseIds`, the children of those cases too, as `moving`.
 */
export async function childrenOfOpenCases(db: Db, caseIds: readonly string[] = []) {
  const child = sql<string>`coalesce(c.child_hetu, c.id)`;
  const rows = await db
    .selectFrom('cases as c')
    .select(['c.assignee_user_id as userId', child.as('child')])
    .where('c.status', 'in', OPEN)
    .where('c.assignee_user_id', 'is not', null)
    .execute();
  const moving = caseIds.length
    ? await db.selectFrom('cases as c').select(child.as('child')).where('c.id', 'in', caseIds).execute()
    : [];
  return { rows, moving: moving.map((r) => r.child) };
}
