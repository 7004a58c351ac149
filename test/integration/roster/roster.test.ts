import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { solveRoster } from '../../../main/scheduler/solve';
import { seededRandom } from '../../../main/demo/random';
import { addDays } from '../../../shared/dates';
import type { RosterResult, ScenarioInput } from '../../../shared/rosterScenario';
import { captureIo, luukku } from '../../helpers/cli';
import { hardRuleViolations } from '../../helpers/rosterRules';
import { tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A random but plausible scenario: absences, wishes, locks and history, sometimes more demand than people. */
function randomScenario(seed: number): ScenarioInput {
  const rng = seededRandom(seed);
  const from = addDays('2027-01-04', 7 * rng.int(0, 20));
  const to = addDays(from, 7 * rng.int(2, 6) - 1);
  const workers = Array.from({ length: rng.int(3, 12) }, (_, i) => {
    const absenceStart = addDays(from, rng.int(0, 30));
    return {
      id: `w${i}`,
      name: `Worker ${i}`,
      role: rng.chance(0.6) ? ('SOCIAL_WORKER' as const) : ('COUNSELLOR' as const),
      fte: rng.pick([0.5, 0.6, 0.8, 1]),
      languages: rng.chance(0.35) ? ['fi', 'sv'] : ['fi'],
      maxDutiesPerWeek: rng.int(1, 4),
      absences: rng.chance(0.4) ? [{ from: absenceStart, to: addDays(absenceStart, rng.int(0, 12)) }] : [],
      wishesOff: rng.chance(0.5) ? [addDays(from, rng.int(0, 20))] : [],
      history: { RECEPTION: rng.int(0, 10), EMERGENCY: rng.int(0, 4), ASSESSMENT_WEEK: rng.int(0, 2) },
    };
  });
  return {
    version: 1,
    period: { from, to },
    closureDays: rng.chance(0.5) ? [addDays(from, rng.int(0, 10))] : [],
    dutyTypes: [
      { id: 'RECEPTION', perDay: rng.int(1, 3), requires: 'ANY' },
      { id: 'EMERGENCY', perDay: rng.int(0, 1), requires: 'SOCIAL_WORKER' },
    ],
    assessmentWeek: rng.chance(0.8),
    rules: { swedishOnReceptionDaily: rng.chance(0.7), noConsecutiveAssessmentWeeks: rng.chance(0.7) },
    workers,
    locks: [],
  };
}

describe('roster solve (docs/formats.md)', () => {
  it('never breaks a hard rule: random scenarios, every slot assigned legally or listed as uncovered', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const scenario = randomScenario(seed);
      const result = await solveRoster(scenario);
      expect(hardRuleViolations(scenario, result), `seed ${seed}`).toEqual([]);
      expect(result.stats.gap, `seed ${seed}`).toBeLessThanOrEqual(0.01);
      // The checker itself sees a duty moved onto a non-working day.
      const first = result.assignments.find((a) => 'date' in a);
      if (first && 'date' in first) {
        const tampered = { ...result, assignments: [...result.assignments, { ...first, date: '2027-12-25' }] };
        expect(hardRuleViolations(scenario, tampered).length, `seed ${seed}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps locks, honours wishes when it can, and reports why a slot stays empty', async () => {
    const scenario = JSON.parse(readFileSync('test/fixtures/roster_example.json', 'utf8')) as ScenarioInput;
    const result = await solveRoster(scenario);
    expect(hardRuleViolations(scenario, result)).toEqual([]);
    expect(result.assignments).toContainEqual({ date: '2027-01-05', duty: 'RECEPTION', workerId: 'w1' });
    expect(result.assignments.some((a) => 'date' in a && a.date === '2027-02-15')).toBe(false); // closure day
    expect(result.assignments.some((a) => 'date' in a && a.date >= '2027-01-18' && a.date <= '2027-01-29')).toBe(false);
    // One worker cannot staff three slots a day: the rest is uncovered with a reason, never filled illegally.
    expect(result.uncovered.find((u) => 'week' in u && u.week === '2027-W03')).toMatchObject({
      duty: 'ASSESSMENT_WEEK',
      missing: 1,
      reason: 'no social worker is present all working days of the week',
    });
    expect(result.softViolations).toEqual([]);
    expect(result.stats.optimal).toBe(true);
  });

  it('is fair: with equal availability, counts of each duty differ by at most one', async () => {
    const workers = Array.from({ length: 8 }, (_, i) => ({
      id: `w${i}`,
      role: 'SOCIAL_WORKER' as const,
      fte: 1,
      languages: i % 2 ? ['fi', 'sv'] : ['fi'],
      maxDutiesPerWeek: 3,
    }));
    const scenario: ScenarioInput = {
      version: 1,
      period: { from: '2027-03-01', to: '2027-04-30' },
      dutyTypes: [
        { id: 'RECEPTION', perDay: 2, requires: 'ANY' },
        { id: 'EMERGENCY', perDay: 1, requires: 'SOCIAL_WORKER' },
      ],
      assessmentWeek: true,
      rules: { swedishOnReceptionDaily: true, noConsecutiveAssessmentWeeks: true },
      workers,
    };
    const result = await solveRoster(scenario);
    expect(hardRuleViolations(scenario, result)).toEqual([]);
    expect(result.uncovered).toEqual([]);
    for (const duty of ['RECEPTION', 'EMERGENCY', 'ASSESSMENT_WEEK']) {
      const counts = workers.map(
        (w) => result.assignments.filter((a) => a.duty === duty && a.workerId === w.id).length,
      );
      expect(Math.max(...counts) - Math.min(...counts), duty).toBeLessThanOrEqual(1);
    }
  });

  it('refuses bad scenarios naming the field, writing nothing', async () => {
    const good = JSON.parse(readFileSync('test/fixtures/roster_example.json', 'utf8')) as ScenarioInput;
    const w = good.workers[0]!;
    const cases: [unknown, RegExp][] = [
      [
        { ...good, locks: [{ date: '2027-01-05', duty: 'NIGHT', workerId: 'w1' }] },
        /locks\.0\.duty: unknown duty type NIGHT/,
      ],
      [{ ...good, workers: [w, { ...w, name: 'Toinen' }] }, /workers\.1\.id: worker id w1 appears twice/],
      [{ ...good, period: { from: '2027-03-28', to: '2027-01-04' } }, /period\.to: ends before it starts/],
      [{ ...good, workers: [{ ...w, fte: 1.2 }] }, /workers\.0\.fte: must be at most 1/],
      [{ ...good, workers: [{ ...w, fte: 0 }] }, /workers\.0\.fte: must be above 0/],
      [{ ...good, workers: [{ ...w, history: { NIGHT: 2 } }] }, /workers\.0\.history\.NIGHT: unknown duty type NIGHT/],
      [
        { ...good, locks: [{ date: '2027-01-20', duty: 'RECEPTION', workerId: 'w1' }] },
        /locks\.0\.workerId: w1 is absent on 2027-01-20/,
      ],
    ];
    for (const [scenario, message] of cases) {
      const file = join(dir, 'bad.json');
      const out = join(dir, 'out.json');
      writeFileSync(file, JSON.stringify(scenario));
      const io = captureIo();
      expect(await runCli(['roster', 'solve', '--scenario', file, '--out', out], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(message);
      expect(io.stdout).toEqual([]);
    }
    const io = captureIo();
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    expect(await runCli(['roster', 'solve', '--scenario', join(dir, 'broken.json')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/is not valid JSON/);
  });

  it('runs as the real command line and writes --out', () => {
    const out = join(dir, 'roster.json');
    const run = luukku(['roster', 'solve', '--scenario', 'test/fixtures/roster_example.json', '--out', out], {});
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as RosterResult;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(printed);
    expect(Object.keys(printed)).toEqual(['assignments', 'uncovered', 'softViolations', 'stats']);
  });
});
