/**
 * Retention per service task (703/2023 annex as tabulated by the National Archives; docs/domain.md "Access and
 * logging"): families-with-children service records are kept 30 years after the case closes, with the
 * letters sent in it; child welfare service records until 2 years after the client's death, so closing one
 * never makes it due; usage and disclosure logs 12 years. Luukku deletes nothing on its own: this report
 * tells a team lead what is due for archiving, and when, and which rule each case falls under.
 */
import { sql } from 'kysely';
import { addMonthsClamped, helsinkiDate, type LocalDate } from '../../../shared/dates';
import type { Retention } from '../../../shared/contract/team';
import type { Core } from '../../app/core';

export const RETENTION_RULES: Retention['rules'] = [
  { record: 'CASE', years: 30, after: 'closing' },
  { record: 'CHILD_WELFARE_CASE', years: 2, after: 'death' },
  { record: 'LETTER', years: 30, after: 'closing' },
  { record: 'ACCESS_LOG', years: 12, after: 'entry' },
];

const yearsBefore = (date: LocalDate, years: number) => addMonthsClamped(date, -12 * years);

/**
 * A child welfare service record: a child welfare notification (LSL25, LSL25C), a case classified as child
 * welfare, an urgent measure, or an assessment that ended in a child welfare client relationship. When in
 * doubt a record is kept the longer time: disposing of one too early cannot be undone.
 */
// coalesce: a NULL column must not make the whole test NULL, and NOT NULL would hide the case from both sides.
const childWelfare = sql<boolean>`(type IN ('LSL25', 'LSL25C') OR coalesce(concern, '') = 'CHILD_WELFARE'
  OR coalesce(decision, '') = 'URGENT' OR coalesce(assessment_outcome, '') = 'CHILD_WELFARE_CLIENT')`;

export async function retentionReport(core: Core, asOf: LocalDate = helsinkiDate(core.now())): Promise<Retention> {
  const db = core.db;
  const closedOn = sql<string>`coalesce(assessment_completed_date, decision_date)`;
  // A case closes on its decision or, with an assessment, on its completion (never before the decision),
  // so the decision-date index bounds the scan.
  const closedBy = (cutoff: LocalDate) =>
    db
      .selectFrom('cases')
      .where('status', '=', 'CLOSED')
      .where('decision_date', '<=', cutoff)
      .where(closedOn, '<=', cutoff)
      .where(sql<boolean>`NOT ${childWelfare}`);
  const dueCutoff = yearsBefore(asOf, 30);
  const soonCutoff = addMonthsClamped(dueCutoff, 12);
  const count = async (cutoff: LocalDate) =>
    Number(
      (
        await closedBy(cutoff)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sample = await closedBy(dueCutoff)
    .select(['id', closedOn.as('closedOn')])
    .orderBy(closedOn)
    .limit(20)
    .execute();
  const logCutoff = `${yearsBefore(asOf, 12)}T00:00:00.000Z`;
  const logs = await db
    .selectFrom('audit_log')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('oldest')])
    .where('at', '<', logCutoff)
    .executeTakeFirstOrThrow();
  const oldest = await db.selectFrom('audit_log').select('at').orderBy('seq').limit(1).executeTakeFirst();
  const casesDue = await count(dueCutoff);
  const kept = await db
    .selectFrom('cases')
    .where('status', '=', 'CLOSED')
    .where(childWelfare)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const due = sample.map((c) => ({
    id: c.id,
    closedOn: c.closedOn,
    dueOn: addMonthsClamped(c.closedOn, 12 * 30),
    record: 'CASE' as const,
  }));
  await core.audit({
    actor: core.actor(),
    action: 'retention.report',
    caseIds: due.map((c) => c.id),
    details: { asOf },
  });
  return {
    asOf,
    rules: RETENTION_RULES,
    casesDue,
    casesDueSoon: (await count(soonCutoff)) - casesDue,
    childWelfareKept: Number(kept.n),
    oldestCaseDue: due[0] ?? null,
    logEntriesDue: Number(logs.n),
    oldestLogEntry: oldest?.at ?? null,
    sample: due,
  };
}
