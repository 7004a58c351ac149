/**
 * Solves a roster scenario with HiGHS (WebAssembly) and reads the assignments, the uncovered slots with
 * their reasons, and the soft goals that could not be met. The same function runs behind `roster solve`
 * and, in a worker thread, behind the app's roster generation.
 */
import loadHighs from 'highs';
import { LuukkuError } from '../../shared/errors';
import {
  ASSESSMENT_WEEK,
  scenarioErrors,
  scenarioSchema,
  type RosterResult,
  type Scenario,
  type Uncovered,
} from '../../shared/rosterScenario';
import { buildModel, type Preferred, type RosterModel } from './model';
import { lockProblems } from './locks';

/** Why a reception slot stays uncovered when no Swedish speaker can take it (docs/formats.md). */
export const NO_SWEDISH_SPEAKER_REASON = 'no Swedish speaker can take reception duty';

export interface SolveOptions {
  /** Stop at this relative optimality gap (default 1%, the goal). */
  gap?: number;
  timeLimitSeconds?: number;
  /** Called with the best gap found so far while the solver runs. */
  onProgress?: (progress: { gap: number; objective: number }) => void;
  /** Existing assignments to keep where the hard rules allow (repair). */
  prefer?: readonly Preferred[];
}

let highsPromise: ReturnType<typeof loadHighs> | undefined;

export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new LuukkuError('INVALID_INPUT', `Invalid scenario: ${scenarioErrors(parsed.error)}`);
  const problems = lockProblems(parsed.data);
  if (problems.length) throw new LuukkuError('INVALID_INPUT', `Invalid scenario: ${problems.join('; ')}`);
  return parsed.data;
}

export async function solveRoster(input: unknown, options: SolveOptions = {}): Promise<RosterResult> {
  const scenario = parseScenario(input);
  const started = performance.now();
  const model = buildModel(scenario, options.prefer);
  if (!model.daily.length && !model.uncoveredDaily.length && !model.uncoveredWeekly.length)
    return { assignments: [], uncovered: [], softViolations: [], stats: stats(0, true, 0, started, 'Empty') };
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  const solver = highs.createModel({ format: 'lp', data: model.lp });
  try {
    solver.options.set('output_flag', false);
    solver.options.set('mip_rel_gap', options.gap ?? 0.01);
    solver.options.set('time_limit', options.timeLimitSeconds ?? 120);
    const progress = options.onProgress;
    const run = solver.run(
      progress
        ? {
            [highs.constants.callbackType.mipImprovingSolution]: (event) => {
              progress({ gap: event.data.mip_gap ?? 1, objective: event.data.objective_function_value ?? 0 });
              return undefined;
            },
          }
        : undefined,
    );
    const status = statusName(highs.constants.modelStatus, run.modelStatus);
    if (status === 'Infeasible')
      throw new LuukkuError('INVALID_INPUT', 'Invalid scenario: the locks cannot all be kept together.');
    const values = solver.getSolution().colValue;
    const value = new Map<string, number>();
    for (let i = 0; i < values.length; i++) value.set(solver.getColName(i), Math.round(values[i]!));
    const gap = Number(solver.info.get('mip_gap'));
    const optimal = status === 'Optimal';
    return {
      ...readSolution(scenario, model, value),
      stats: stats(solver.getObjectiveValue(), optimal, Number.isFinite(gap) ? gap : 1, started, status),
    };
  } finally {
    solver.dispose();
  }
}

function stats(objective: number, optimal: boolean, gap: number, started: number, status: string) {
  const round = (n: number, k: number) => Math.round(n * 10 ** k) / 10 ** k;
  return {
    objective: round(objective, 4),
    optimal,
    gap: round(Math.max(0, gap), 6),
    seconds: round((performance.now() - started) / 1000, 3),
    status,
  };
}

function statusName(codes: Record<string, number>, code: number): string {
  const name = Object.entries(codes).find(([, v]) => v === code)?.[0] ?? 'unknown';
  return (
    ({ optimal: 'Optimal', infeasible: 'Infeasible', timeLimit: 'Time limit reached' } as Record<string, string>)[
      name
    ] ?? name
  );
}

function readSolution(s: Scenario, m: RosterModel, value: Map<string, number>): Omit<RosterResult, 'stats'> {
  const assignments: RosterResult['assignments'] = [];
  for (const v of m.daily)
    if (value.get(v.name) === 1)
      assignments.push({ date: m.days[v.day]!, duty: s.dutyTypes[v.duty]!.id, workerId: s.workers[v.worker]!.id });
  for (const v of m.weekly)
    if (value.get(v.name) === 1)
      assignments.push({ week: m.weeks[v.week]!.id, duty: ASSESSMENT_WEEK, workerId: s.workers[v.worker]!.id });
  assignments.sort((a, b) => {
    const ka = 'date' in a ? a.date : `${a.week}`;
    const kb = 'date' in b ? b.date : `${b.week}`;
    return ka < kb ? -1 : ka > kb ? 1 : a.duty < b.duty ? -1 : a.duty > b.duty ? 1 : a.workerId < b.workerId ? -1 : 1;
  });

  const uncovered: Uncovered[] = [];
  const swedishMissing = new Set(m.swedishSlack.filter((u) => value.get(u.name) === 1).map((u) => u.day));
  for (const u of m.uncoveredDaily) {
    const missing = value.get(u.name) ?? 0;
    if (!missing) continue;
    const eligible = m.daily.filter((v) => v.day === u.day && v.duty === u.duty).length;
    const duty = s.dutyTypes[u.duty]!;
    const reason =
      duty.id === 'RECEPTION' && swedishMissing.has(u.day)
        ? NO_SWEDISH_SPEAKER_REASON
        : eligible === 0
          ? duty.requires === 'SOCIAL_WORKER'
            ? 'no social worker is present'
            : 'nobody is present'
          : 'everyone present already has a duty that day or has reached their weekly maximum';
    uncovered.push({ date: m.days[u.day]!, duty: duty.id, missing, reason });
  }
  for (const u of m.uncoveredWeekly) {
    if (!value.get(u.name)) continue;
    const candidates = m.weekly.filter((v) => v.week === u.week).length;
    uncovered.push({
      week: m.weeks[u.week]!.id,
      duty: ASSESSMENT_WEEK,
      missing: 1,
      reason: candidates
        ? 'every social worker present all week is on the previous or next assessment week'
        : 'no social worker is present all working days of the week',
    });
  }
  uncovered.sort((a, b) => ('date' in a ? a.date : a.week).localeCompare('date' in b ? b.date : b.week));

  const softViolations: RosterResult['softViolations'] = [];
  const wish = new Set(s.workers.flatMap((w) => w.wishesOff.map((d) => `${w.id}|${d}`)));
  for (const a of assignments)
    if ('date' in a && wish.has(`${a.workerId}|${a.date}`))
      softViolations.push({ rule: 'wishOff', workerId: a.workerId, date: a.date });
  return { assignments, uncovered, softViolations };
}
