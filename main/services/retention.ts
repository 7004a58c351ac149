/**
 * Retention (domain.md, "Access and logging"): families-with-children records are kept 30 years after the
 * case closes, with the letters sent in it; usage and disclosure logs 12 years. Luukku deletes nothing on
 * its own: this report tells a team lead what is due for archiving, and when.
 */
import { sql } from 'kysely';
import { addMonthsClamped, helsinkiDate, type LocalDate } from '../../shared/dates';
import type { Retention } from '../../shared/teamContract';
import type { Core } from '../app/core';

export const RETENTION_RULES: Retention['rules'] = [
  { record: 'CASE', years: 30, after: 'closing' },
  { record: 'LETTER', years: 30, after: 'closing' },
  { record: 'ACCESS_LOG', years: 12, after: 'entry' },
];

const yearsBefore = (date: LocalDate, years: number) => addMonthsClamped(date, -12 * years);

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
      .where(closedOn, '<=', cutoff);
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
  const due = sample.map((c) => ({ id: c.id, closedOn: c.closedOn, dueOn: addMonthsClamped(c.closedOn, 12 * 30) }));
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
    oldestCaseDue: due[0] ?? null,
    logEntriesDue: Number(logs.n),
    oldestLogEntry: oldest?.at ?? null,
    sample: due,
  };
}
