/** The retention report's SQL (main/areas/team/retention.ts has the rules): counts and a sample, no names. */
import { sql } from 'kysely';
import type { LocalDate } from '../../../shared/dates';
import type { Db } from '../../store/schema';

/**
 * A child welfare service record: a child welfare notification (LSL25, LSL25C), a case classified as child
 * welfare, an urgent measure, or an assessment that ended in a child welfare client relationship. When in
 * doubt a record is kept the longer time: disposing of one too early cannot be undone.
 */
// coalesce: a NULL column must not make the whole test NULL, and NOT NULL would hide the case from both sides.
const childWelfare = sql<boolean>`(type IN ('LSL25', 'LSL25C') OR coalesce(concern, '') = 'CHILD_WELFARE'
  OR coalesce(decision, '') = 'URGENT' OR coalesce(assessment_outcome, '') = 'CHILD_WELFARE_CLIENT')`;
const closedOn = sql<string>`coalesce(handover_date, assessment_completed_date, decision_date)`;

/** Closed cases other than child welfare that closed on or before `cutoff`. */
function closedBy(db: Db, cutoff: LocalDate) {
  // A case closes on its decision or, with an assessment, on its completion (never before the decision),
  // so the decision-date index bounds the scan.
  return db
    .selectFrom('cases')
    .where('status', '=', 'CLOSED')
    .where('decision_date', '<=', cutoff)
    .where(closedOn, '<=', cutoff)
    .where(sql<boolean>`NOT ${childWelfare}`);
}

export async function countClosedBy(db: Db, cutoff: LocalDate): Promise<number> {
  const row = await closedBy(db, cutoff)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The `limit` cases that closed first, on or before `cutoff`. */
export async function earliestClosedBy(db: Db, cutoff: LocalDate, limit: number) {
  return closedBy(db, cutoff)
    .select(['id', closedOn.as('closedOn')])
    .orderBy(closedOn)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function closedChildWelfareCases(db: Db): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .where('status', '=', 'CLOSED')
    .where(childWelfare)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Log entries written before `before` (an ISO instant), and the oldest entry of the log. */
export async function logEntriesBefore(db: Db, before: string) {
  const [due, oldest] = await Promise.all([
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '<', before)
      .executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').select('at').orderBy('seq').limit(1).executeTakeFirst(),
  ]);
  return { due: Number(due.n), oldest: oldest?.at ?? null };
}
