/**
 * The dashboard's figures (issue 6): inflow, decisions, on-time rates, open cases by age and advice
 * contacts, each one grouped query over an indexed date column; the service folds days into weeks.
 */
import { sql } from 'kysely';
import type { LocalDate } from '../../../shared/dates';
import type { Db } from '../../store/schema';
import { countWhere, daysBetween } from '../../store/engine';
import { hasLetter, heldMeetings } from '../assessment/queries';

export interface DashboardRange {
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
}

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export function inflowByDay(db: Db, r: DashboardRange) {
  return db
    .selectFrom('cases')
    .where('received_date', '>=', r.from)
    .where('received_date', '<=', r.to)
    .select(['received_date as date', 'type', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['received_date', 'type', 'channel'])
    .execute();
}

export function decisionsByMonth(db: Db, r: DashboardRange) {
  return db
    .selectFrom('cases')
    .where('decision_date', '>=', r.from)
    .where('decision_date', '<=', r.to)
    .select([month('decision_date').as('month'), 'decision', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([month('decision_date'), 'decision'])
    .execute();
}

/**
 * Share to assessment by the month cases became pending, from a year before `from` (for the comparison with
 * the same months a year earlier): the same definition and population as the THL report
 * (main/areas/reports/queries.ts, assessmentShareCounts).
 */
export function assessmentShareByMonth(db: Db, r: DashboardRange) {
  const started = sql<boolean>`(decision IN ('START_ASSESSMENT', 'URGENT') AND decision_date <= ${r.today})`;
  return db
    .selectFrom('cases')
    .where('pending_from', '>=', `${String(Number(r.from.slice(0, 4)) - 1)}${r.from.slice(4, 7)}-01`)
    .where('pending_from', '<=', r.to)
    .where('pending_from', '<=', r.today)
    .where(sql<boolean>`closed_reason IS NULL AND (concern IS NULL OR concern <> 'OTHER')`)
    .select([
      month('pending_from').as('month'),
      (eb) => eb.fn.countAll<number>().as('pending'),
      countWhere(started).as('started'),
      countWhere(sql<boolean>`type = 'LSL25'`).as('cwPending'),
      countWhere(sql<boolean>`type = 'LSL25' AND ${started}`).as('cwStarted'),
    ])
    .groupBy(month('pending_from'))
    .execute();
}

/** Start deadlines by the month the case became pending: due (reached or decided) and met. */
export function startDeadlines(db: Db, r: DashboardRange) {
  return db
    .selectFrom('cases')
    .where('pending_from', '>=', r.from)
    .where('pending_from', '<=', r.to)
    .where(sql<boolean>`(decision_date IS NOT NULL OR start_due < ${r.today})`)
    .select([
      month('pending_from').as('month'),
      'area_id',
      (eb) => eb.fn.countAll<number>().as('due'),
      countWhere(sql<boolean>`decision_date IS NOT NULL AND decision_date <= start_due`).as('met'),
    ])
    .groupBy([month('pending_from'), 'area_id'])
    .execute();
}

/** Completed assessments by the month of completion: all and those within 3 months. */
export function completions(db: Db, r: DashboardRange) {
  return db
    .selectFrom('cases')
    .where('assessment_completed_date', '>=', r.from)
    .where('assessment_completed_date', '<=', r.to)
    .select([
      month('assessment_completed_date').as('month'),
      'area_id',
      (eb) => eb.fn.countAll<number>().as('due'),
      countWhere(sql<boolean>`assessment_completed_date <= complete_due`).as('met'),
    ])
    .groupBy([month('assessment_completed_date'), 'area_id'])
    .execute();
}

/**
 * The work of the assessments completed in the range, by area (issue 22 item 10): how many, their held
 * meetings (not the hand-over meeting), how many had a home visit and met the child, how many families were
 * given the summary, and the hand-overs to planned social work held, with the days from completion to them.
 */
export async function assessmentWork(db: Db, r: DashboardRange) {
  const [cases, meetings] = await Promise.all([
    db
      .selectFrom('cases as c')
      .where('c.assessment_completed_date', '>=', r.from)
      .where('c.assessment_completed_date', '<=', r.to)
      .select([
        'c.area_id',
        (eb) => eb.fn.countAll<number>().as('completed'),
        (eb) => countWhere(eb.exists(heldMeetings(eb).where('mt.kind', '=', 'HOME_VISIT'))).as('homeVisit'),
        (eb) => countWhere(eb.exists(heldMeetings(eb).where('mt.child_met', '=', 1))).as('childMet'),
        (eb) => countWhere(hasLetter(eb, 'SUMMARY')).as('summaryDelivered'),
        countWhere(sql<boolean>`c.handover_date IS NOT NULL`).as('handedOver'),
        sql<number>`coalesce(sum(${daysBetween(db, sql.ref('c.assessment_completed_date'), sql.ref('c.handover_date'))}), 0)`.as(
          'handoverDays',
        ),
      ])
      .groupBy('c.area_id')
      .execute(),
    db
      .selectFrom('meetings as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .where('c.assessment_completed_date', '>=', r.from)
      .where('c.assessment_completed_date', '<=', r.to)
      .where('m.status', '=', 'HELD')
      .where('m.kind', '<>', 'HANDOVER')
      .select(['c.area_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.area_id')
      .execute(),
  ]);
  return cases.map((row) => ({ ...row, meetings: Number(meetings.find((m) => m.area_id === row.area_id)?.n ?? 0) }));
}

/** The anonymous customer feedback answered in the range, by team: how many answers and each score's sum. */
export function feedbackByTeam(db: Db, r: DashboardRange) {
  return db
    .selectFrom('assessment_feedback')
    .where('answered_on', '>=', r.from)
    .where('answered_on', '<=', r.to)
    .select([
      'team_id',
      (eb) => eb.fn.countAll<number>().as('answers'),
      (eb) => eb.fn.sum<number>('helped').as('helped'),
      (eb) => eb.fn.sum<number>('heard').as('heard'),
      (eb) => eb.fn.sum<number>('clear').as('clear'),
    ])
    .groupBy('team_id')
    .execute();
}

/** Open cases with a running clock, by days since they became pending. */
export function openByAge(db: Db, r: DashboardRange) {
  const age = daysBetween(db, sql.ref('pending_from'), sql.val(r.today));
  return db
    .selectFrom('cases')
    .where('status', 'in', ['NEW', 'TRIAGE', 'ASSESSMENT'])
    .select([
      sql<string>`CASE WHEN ${age} <= 7 THEN '0-7' WHEN ${age} <= 30 THEN '8-30' WHEN ${age} <= 90 THEN '31-90'
        WHEN ${age} <= 180 THEN '91-180' ELSE '181+' END`.as('bucket'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('bucket')
    .execute();
}

export function adviceContacts(db: Db, r: DashboardRange) {
  return db
    .selectFrom('advice_contacts')
    .where('date', '>=', r.from)
    .where('date', '<=', r.to)
    .select(['topic', 'language', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['topic', 'language'])
    .execute();
}

export async function areaNames(db: Db) {
  return db.selectFrom('areas').select(['id', 'name_fi', 'name_sv']).orderBy('name_fi').execute();
}
