/**
 * Roster solve figures for `npm run bench`: generated scenarios of 10, 20 and 40 workers over 13 and 26
 * weeks (issue 4's goal: 40 x 13 solved to optimality or a gap under 1% in under 5 s, 40 x 26 under 30 s).
 * The ratio is against the smallest scenario measured in the same run: how solve time scales.
 */
import { solveRoster } from '../../main/scheduler/solve';
import { addDays } from '../../shared/dates';
import type { ScenarioInput } from '../../shared/rosterScenario';
import { seededRandom } from '../../main/demo/random';

export function benchScenario(workers: number, weeks: number, seed = 11): ScenarioInput {
  const rng = seededRandom(seed);
  const from = '2027-01-04';
  return {
    version: 1,
    period: { from, to: addDays(from, weeks * 7 - 1) },
    closureDays: [],
    dutyTypes: [
      { id: 'RECEPTION', perDay: Math.max(2, Math.round(workers / 10)), requires: 'ANY' },
      { id: 'EMERGENCY', perDay: Math.max(1, Math.round(workers / 20)), requires: 'SOCIAL_WORKER' },
    ],
    assessmentWeek: true,
    rules: { swedishOnReceptionDaily: true, noConsecutiveAssessmentWeeks: true },
    workers: Array.from({ length: workers }, (_, i) => {
      const away = addDays(from, rng.int(0, weeks * 7 - 14));
      return {
        id: `w${i}`,
        name: `Worker ${i}`,
        role: i % 3 === 2 ? ('COUNSELLOR' as const) : ('SOCIAL_WORKER' as const),
        fte: rng.pick([0.6, 0.8, 1, 1, 1]),
        languages: i % 4 === 0 ? ['fi', 'sv'] : ['fi'],
        maxDutiesPerWeek: 2,
        absences: rng.chance(0.5) ? [{ from: away, to: addDays(away, rng.int(3, 13)) }] : [],
        wishesOff: [addDays(from, rng.int(0, weeks * 7 - 1))],
        history: { RECEPTION: rng.int(0, 20), EMERGENCY: rng.int(0, 8), ASSESSMENT_WEEK: rng.int(0, 3) },
      };
    }),
  };
}

export interface RosterFigure {
  workers: number;
  weeks: number;
  seconds: number;
  gap: number;
  optimal: boolean;
  assignments: number;
  uncovered: number;
  ratio: number;
  goal?: string;
  met?: boolean;
}

export async function benchRoster(): Promise<RosterFigure[]> {
  const figures: RosterFigure[] = [];
  for (const weeks of [13, 26])
    for (const workers of [10, 20, 40]) {
      const result = await solveRoster(benchScenario(workers, weeks), { timeLimitSeconds: 120 });
      const limit = workers === 40 ? (weeks === 13 ? 5 : 30) : undefined;
      figures.push({
        workers,
        weeks,
        seconds: result.stats.seconds,
        gap: result.stats.gap,
        optimal: result.stats.optimal,
        assignments: result.assignments.length,
        uncovered: result.uncovered.reduce((s, u) => s + u.missing, 0),
        ratio:
          Math.round((result.stats.seconds / Math.max(figures[0]?.seconds ?? result.stats.seconds, 0.001)) * 100) / 100,
        ...(limit
          ? { goal: `< ${limit} s, gap < 1%`, met: result.stats.seconds < limit && result.stats.gap <= 0.01 }
          : {}),
      });
    }
  return figures;
}

export function printRoster(figures: RosterFigure[]): void {
  console.log('\nroster solve (HiGHS, gap limit 1%)');
  console.log('workers weeks  seconds    gap  optimal  assigned uncovered  ratio  goal');
  for (const f of figures)
    console.log(
      String(f.workers).padStart(7),
      String(f.weeks).padStart(5),
      String(f.seconds).padStart(8),
      `${(f.gap * 100).toFixed(2)}%`.padStart(6),
      String(f.optimal).padStart(8),
      String(f.assignments).padStart(9),
      String(f.uncovered).padStart(9),
      String(f.ratio).padStart(6),
      ` ${f.goal ?? ''} ${f.met === undefined ? '' : f.met ? 'met' : 'NOT MET'}`,
    );
}
