/**
 * The deadline-monitoring report in SQL (docs/formats.md, `report thl`). Each figure is declared once, as the
 * set of cases it counts, so the figure and its drill-down list can never disagree.
 */
import { sql, type RawBuilder } from 'kysely';
import { THL_FIGURES, type ThlFigure } from '../../../shared/contract/reports';
import type { LocalDate } from '../../../shared/dates';
import { QUEUE_ROW_COLUMNS } from '../cases/queries';
import type { Db } from '../../store/schema';
import { always, countWhere } from '../../store/engine';

export interface ReportBounds {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  /** THL: what THL's deadline monitoring counts (child welfare and children in need of special support). */
  population?: 'THL' | 'ALL' | undefined;
}

/**
 * The three sets the figures are drawn from: the pending cohort (pending date in the period and known on
 * asOf), assessments completed in the period, and assessments open on asOf (started, or running after an
 * urgent measure: ASSESSMENT_DECISIONS).
 */
type Base = 'cohort' | 'other' | 'notCases' | 'completed' | 'open';

interface Definition {
  base: Base;
  when: RawBuilder<boolean>;
}

/**
 * A case is a case unless closed as a duplicate, in error or as another county's; it is in THL's population
 * unless the social worker classified it as neither child welfare nor a child in need of special support
 * (an SHL case not yet classified counts: leaving it out would flatter the figures).
 */
const isCase = sql<boolean>`c.closed_reason IS NULL`;
const inThlPopulation = sql<boolean>`(c.concern IS NULL OR c.concern <> 'OTHER')`;

function bases(b: ReportBounds): Record<Base, RawBuilder<boolean>> {
  const until = b.to < b.asOf ? b.to : b.asOf;
  const population = b.population === 'ALL' ? isCase : sql<boolean>`${isCase} AND ${inThlPopulation}`;
  const pending = sql<boolean>`c.pending_from >= ${b.from} AND c.pending_from <= ${until}`;
  return {
    cohort: sql<boolean>`${pending} AND ${population}`,
    other: sql<boolean>`${pending} AND ${isCase} AND NOT ${inThlPopulation}`,
    notCases: sql<boolean>`${pending} AND c.closed_reason IS NOT NULL AND c.closed_at <= ${`${b.asOf}T23:59:59.999Z`}`,
    completed: sql<boolean>`c.assessment_completed_date >= ${b.from} AND c.assessment_completed_date <= ${until} AND ${population}`,
    open: sql<boolean>`c.decision IN ('START_ASSESSMENT', 'URGENT') AND c.decision_date <= ${b.asOf} AND c.complete_due < ${b.asOf}
      AND (c.assessment_completed_date IS NULL OR c.assessment_completed_date > ${b.asOf}) AND ${population}`,
  };
}

function definitions(b: ReportBounds): Record<ThlFigure, Definition> {
  const decided = sql<boolean>`(c.decision_date IS NOT NULL AND c.decision_date <= ${b.asOf})`;
  const undecided = sql<boolean>`(c.decision_date IS NULL OR c.decision_date > ${b.asOf})`;
  const decidedAs = (decision: string): Definition => ({
    base: 'cohort',
    when: sql<boolean>`${decided} AND c.decision = ${decision}`,
  });
  return {
    'pending.total': { base: 'cohort', when: always },
    'pending.decidedWithin7': { base: 'cohort', when: sql<boolean>`${decided} AND c.decision_date <= c.start_due` },
    'pending.decidedLate': { base: 'cohort', when: sql<boolean>`${decided} AND c.decision_date > c.start_due` },
    'pending.undecidedOverdue': { base: 'cohort', when: sql<boolean>`${undecided} AND c.start_due < ${b.asOf}` },
    'pending.undecidedInTime': { base: 'cohort', when: sql<boolean>`${undecided} AND c.start_due >= ${b.asOf}` },
    'decisions.START_ASSESSMENT': decidedAs('START_ASSESSMENT'),
    'decisions.NO_ACTION': decidedAs('NO_ACTION'),
    'decisions.GUIDANCE': decidedAs('GUIDANCE'),
    'decisions.TRANSFER_EXISTING': decidedAs('TRANSFER_EXISTING'),
    'decisions.URGENT': decidedAs('URGENT'),
    'completed.total': { base: 'completed', when: always },
    'completed.within3Months': {
      base: 'completed',
      when: sql<boolean>`c.assessment_completed_date <= c.complete_due`,
    },
    'completed.late': { base: 'completed', when: sql<boolean>`c.assessment_completed_date > c.complete_due` },
    openOverdue: { base: 'open', when: always },
    'other.total': { base: 'other', when: always },
    'notCases.total': { base: 'notCases', when: always },
  };
}

/**
 * Why deadlines were missed, per reason code (NONE: no reason recorded): the decisions of the cohort that
 * were late or are overdue, and the assessments completed late or open past their deadline.
 */
export async function overrunReasonCounts(db: Db, b: ReportBounds) {
  const defs = definitions(b);
  const where = bases(b);
  const grouped = async (base: Base, when: RawBuilder<boolean>, column: 'start' | 'complete') => {
    const reason =
      column === 'start'
        ? sql<string>`coalesce(c.start_overrun_reason, 'NONE')`
        : sql<string>`coalesce(c.complete_overrun_reason, 'NONE')`;
    const rows = await db
      .selectFrom('cases as c')
      .where(where[base])
      .where(when)
      .select([reason.as('reason'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('reason')
      .execute();
    return rows.map((r) => ({ reason: r.reason, n: Number(r.n) }));
  };
  const late = sql<boolean>`(${defs['pending.decidedLate'].when} OR ${defs['pending.undecidedOverdue'].when})`;
  return {
    start: await grouped('cohort', late, 'start'),
    complete: [
      ...(await grouped('completed', defs['completed.late'].when, 'complete')),
      ...(await grouped('open', always, 'complete')),
    ],
  };
}

/**
 * Share to assessment (issue 18): assessments started (START_ASSESSMENT, or URGENT, whose assessment still
 * runs) among the cases that became pending in the period, as known on asOf; the same for the child
 * welfare notifications (LSL25) alone.
 */
export async function assessmentShareCounts(db: Db, b: ReportBounds) {
  const started = sql<boolean>`c.decision IN ('START_ASSESSMENT', 'URGENT') AND c.decision_date <= ${b.asOf}`;
  const row = await db
    .selectFrom('cases as c')
    .where(bases(b).cohort)
    .select([
      (eb) => eb.fn.countAll<number>().as('pending'),
      countWhere(started).as('started'),
      countWhere(sql<boolean>`c.type = 'LSL25'`).as('cwPending'),
      countWhere(sql<boolean>`c.type = 'LSL25' AND ${started}`).as('cwStarted'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    started: Number(row.started),
    cwPending: Number(row.cwPending),
    cwStarted: Number(row.cwStarted),
  };
}

/** Every figure's count: one aggregate query per base set, each on its own index. */
export async function countFigures(db: Db, b: ReportBounds): Promise<Record<ThlFigure, number>> {
  const defs = definitions(b);
  const where = bases(b);
  const result = {} as Record<ThlFigure, number>;
  for (const base of Object.keys(where) as Base[]) {
    const figures = THL_FIGURES.filter((f) => defs[f].base === base);
    const row = await db
      .selectFrom('cases as c')
      .where(where[base])
      .select(figures.map((f, i) => countWhere(defs[f].when).as(`f${i}`)))
      .executeTakeFirstOrThrow();
    const values = row as Record<string, number>;
    figures.forEach((f, i) => (result[f] = Number(values[`f${i}`])));
  }
  return result;
}

/** The cases behind one figure, oldest pending date first, a page at a time. */
export async function figureCases(db: Db, b: ReportBounds, figure: ThlFigure, page: { offset: number; limit: number }) {
  const def = definitions(b)[figure];
  const matching = db.selectFrom('cases as c').where(bases(b)[def.base]).where(def.when);
  const [rows, total] = await Promise.all([
    matching
      .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      .leftJoin('users as u', 'u.id', 'c.assignee_user_id')
      .select(QUEUE_ROW_COLUMNS)
      .select([
        'c.decision',
        'c.decision_date',
        'c.assessment_completed_date',
        'c.start_overrun_reason',
        'c.start_overrun_note',
        'c.complete_overrun_reason',
        'c.complete_overrun_note',
      ])
      .orderBy('c.pending_from')
      .orderBy('c.received_at')
      .orderBy('c.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
