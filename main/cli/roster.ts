/** `roster solve`: solve a roster scenario (docs/formats.md) without a store; the result JSON on stdout. */
import { readFileSync, writeFileSync } from 'node:fs';
import { LuukkuError } from '../../shared/errors';
import { solveRoster } from '../scheduler/solve';
import { parseArgs, required } from './args';
import type { Command } from './command';

const USAGE = 'Usage: roster solve --scenario F.json [--out F.json]';

export const roster: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what !== 'solve') throw new LuukkuError('INVALID_INPUT', USAGE);
  const args = parseArgs(rest, { values: ['scenario', 'out'] });
  const file = required(args, 'scenario');
  let scenario: unknown;
  try {
    scenario = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LuukkuError(
      'INVALID_INPUT',
      error instanceof SyntaxError ? `${file} is not valid JSON: ${error.message}` : `Cannot read ${file}.`,
    );
  }
  io.info('roster: solving…');
  const result = await solveRoster(scenario, {
    onProgress: ({ gap }) =>
      Number.isFinite(gap) && io.info(`roster: better roster found, gap ${(gap * 100).toFixed(1)} %`),
  });
  const out = args.options.get('out');
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  io.info(
    `roster: ${result.assignments.length} assignments, ${result.uncovered.length} uncovered, ${result.stats.optimal ? 'optimal' : `gap ${(result.stats.gap * 100).toFixed(2)} %`} in ${result.stats.seconds} s`,
  );
  io.out(result);
  return 0;
};
