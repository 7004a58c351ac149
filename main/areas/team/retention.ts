/**
 * Retention per service task (703/2023 annex as tabulated by the National Archives; docs/domain.md "Access and
 * logging"): families-with-children service records are kept 30 years after the case closes, with the
 * letters sent in it; child welfare service records until 2 years after the client's death, so closing one
 * never makes it due; usage and disclosure logs 12 years. Luukku deletes nothing on its own: this report
 * tells a team lead what is due for archiving, and when, and which rule each case falls under.
 */
import { addMonthsClamped, helsinkiDate, type LocalDate } from '../../../shared/dates';
import type { Retention } from '../../../shared/contract/team';
import type { Context } from '../../app/context';
import { closedChildWelfareCases, countClosedBy, earliestClosedBy, logEntriesBefore } from './retentionQueries';

export const RETENTION_RULES: Retention['rules'] = [
  { record: 'CASE', years: 30, after: 'closing' },
  { record: 'CHILD_WELFARE_CASE', years: 2, after: 'death' },
  { record: 'LETTER', years: 30, after: 'closing' },
  { record: 'ACCESS_LOG', years: 12, after: 'entry' },
];

const yearsBefore = (date: LocalDate, years: number) => addMonthsClamped(date, -12 * years);

export async function retentionReport(core: Context, asOf: LocalDate = helsinkiDate(core.now())): Promise<Retention> {
  const db = core.db;
  const dueCutoff = yearsBefore(asOf, 30);
  const soonCutoff = addMonthsClamped(dueCutoff, 12);
  const [sample, logs, casesDue, dueBySoon, kept] = await Promise.all([
    earliestClosedBy(db, dueCutoff, 20),
    logEntriesBefore(db, `${yearsBefore(asOf, 12)}T00:00:00.000Z`),
    countClosedBy(db, dueCutoff),
    countClosedBy(db, soonCutoff),
    closedChildWelfareCases(db),
  ]);
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
    casesDueSoon: dueBySoon - casesDue,
    childWelfareKept: kept,
    oldestCaseDue: due[0] ?? null,
    logEntriesDue: logs.due,
    oldestLogEntry: logs.oldest,
    sample: due,
  };
}
