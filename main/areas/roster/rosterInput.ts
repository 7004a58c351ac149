/**
 * The scheduler's input read from the store: the county's duty types and rules, the workers on the duty
 * roster with their absences, wishes and history, closure days, and the assignments to keep as locks.
 * Generation and repair both start here.
 */
import { addDays, isoWeek, isoWeekMonday, type LocalDate } from '../../../shared/dates';
import { ROSTERED_ROLES } from '../../../shared/contract/roster';
import { ASSESSMENT_WEEK, scenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/rosterScenario';
import { lockProblems } from '../../scheduler/locks';
import type { AssignmentRow } from './queries';
import type { Db } from '../../store/schema';
import { readRosterConfig, readSettings } from '../settings/queries';
import { findUser } from '../team/userQueries';
import { dutyCounts } from './editQueries';
import { scenarioRows } from '../staff/queries';

export const DEFAULT_MAX_DUTIES_PER_WEEK = 5;

export interface ScenarioOptions {
  /** Whole ISO weeks, from a Monday to a Sunday. */
  window: { from: LocalDate; to: LocalDate };
  daily: boolean;
  assessmentWeek: boolean;
  /** Existing assignments the solver must keep; those no roster could keep any more are left out. */
  locks: readonly AssignmentRow[];
  /** Days a worker is not available although present (a rotation avoids weeks with daily duties). */
  busy?: ReadonlyMap<string, readonly LocalDate[]>;
  /** Fairness counts each person's duties in the year before this date. */
  historyBefore?: LocalDate;
}

export async function buildScenario(db: Db, options: ScenarioOptions): Promise<Scenario> {
  const { from, to } = options.window;
  const config = await readRosterConfig(db);
  const [[staff, absences, wishes, closures], history] = await Promise.all([
    scenarioRows(db, from, to),
    options.historyBefore ? dutyHistory(db, options.historyBefore) : Promise.resolve(new Map<string, number>()),
  ]);
  const dutyTypes = options.daily ? config.dutyTypes : [];
  // With one dedicated assessment-week worker (issue 22 item 8) there is no rotation to roster, and that worker
  // has no other duties: the assessment work is theirs every week.
  const dedicated = await dedicatedAssessor(db);
  // Rotation weeks already in the roster stay as they are, and their workers keep no daily duty those weeks.
  const rotationWeeks = (staffId: string) =>
    dedicated.model
      ? options.locks.flatMap((a) => {
          if (a.duty !== ASSESSMENT_WEEK || a.staffId !== staffId || !a.week) return [];
          const monday = isoWeekMonday(a.week);
          const span = { from: monday < from ? from : monday, to: addDays(monday, 4) > to ? to : addDays(monday, 4) };
          return span.from <= span.to ? [span] : [];
        })
      : [];
  const input: ScenarioInput = {
    version: 1,
    period: { from, to },
    closureDays: closures.map((c) => c.date).filter((d) => d >= from && d <= to),
    dutyTypes: dutyTypes.map((d) => ({ id: d.id, perDay: d.perDay, requires: d.requires })),
    assessmentWeek: options.assessmentWeek && config.assessmentWeek && !dedicated.model,
    rules: {
      swedishOnReceptionDaily: config.swedishOnReceptionDaily,
      noConsecutiveAssessmentWeeks: config.noConsecutiveAssessmentWeeks,
    },
    workers: staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role as (typeof ROSTERED_ROLES)[number],
      fte: s.fte,
      languages: JSON.parse(s.languages) as string[],
      // (A daily duty of theirs locked by hand is kept: then the usual weekly maximum applies.)
      maxDutiesPerWeek:
        s.id === dedicated.staffId && !options.locks.some((a) => a.staffId === s.id && a.date)
          ? 0
          : (s.max_duties_per_week ?? DEFAULT_MAX_DUTIES_PER_WEEK),
      absences: [
        ...absences
          .filter((a) => a.staff_id === s.id)
          .map((a) => ({ from: a.from_date < from ? from : a.from_date, to: a.to_date > to ? to : a.to_date })),
        ...(options.busy?.get(s.id) ?? []).map((d) => ({ from: d, to: d })),
        ...rotationWeeks(s.id),
      ],
      wishesOff: wishes.filter((w) => w.staff_id === s.id).map((w) => w.date),
      history: Object.fromEntries(
        [...dutyTypes.map((d) => d.id), ASSESSMENT_WEEK].flatMap((duty) => {
          const n = history.get(`${s.id}|${duty}`);
          return n ? [[duty, n]] : [];
        }),
      ),
    })),
    locks: options.locks.flatMap((a) =>
      staff.some((s) => s.id === a.staffId) && (a.duty === ASSESSMENT_WEEK ? !dedicated.model : options.daily)
        ? [
            a.week
              ? { week: a.week, duty: a.duty, workerId: a.staffId }
              : { date: a.date!, duty: a.duty, workerId: a.staffId },
          ]
        : [],
    ),
  };
  const scenario = scenarioSchema.parse(input);
  const broken = new Set(lockProblems(scenario).map((p) => Number(/^locks\.(\d+)/.exec(p)![1])));
  if (broken.size) scenario.locks = scenario.locks.filter((_, i) => !broken.has(i));
  return scenario;
}

/** Duties per person and type in the 365 days before `before`: the fairness history. */
async function dutyHistory(db: Db, before: LocalDate): Promise<Map<string, number>> {
  const since = addDays(before, -365);
  return dutyCounts(db, { from: since, before }, { from: isoWeek(since), before: isoWeek(before) });
}

/** Whether the county has one dedicated assessment-week worker, and that worker's roster entry. */
async function dedicatedAssessor(db: Db): Promise<{ model: boolean; staffId: string | null }> {
  const settings = await readSettings(db);
  if (settings.assessmentModel !== 'DEDICATED') return { model: false, staffId: null };
  const user = settings.assessmentWorkerId ? await findUser(db, settings.assessmentWorkerId) : undefined;
  return { model: true, staffId: user?.staff_id ?? null };
}
