/** `report thl`: the deadline-monitoring report (docs/formats.md) as JSON or CSV on stdout. */
import { LuukkuError } from '../../shared/errors';
import { thlReportCsv } from '../../shared/contract/reports';
import { readThlReport, reportBounds } from '../areas/reports/reports';
import { dateOption, parseArgs } from './args';
import { openChosenStore, STORE_OPTIONS } from './storeOption';
import { CLI_ACTOR, printCsv, type Command } from './command';
import { storeTransactor } from '../store/unitOfWork';

const USAGE =
  'Usage: report thl (--db FILE | --database URL) --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--population thl|all] [--format json|csv]';

export const report: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what !== 'thl') throw new LuukkuError('INVALID_INPUT', USAGE);
  const args = parseArgs(rest, { values: [...STORE_OPTIONS, 'from', 'to', 'as-of', 'format', 'population'] });
  const from = dateOption(args, 'from', { required: true });
  const to = dateOption(args, 'to', { required: true });
  const asOf = dateOption(args, 'as-of');
  if (to < from) throw new LuukkuError('INVALID_INPUT', `--to (${to}) is before --from (${from}).`);
  const format = args.options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new LuukkuError('INVALID_INPUT', `--format must be json or csv (got ${format}).`);
  const population = (args.options.get('population') ?? 'thl').toUpperCase();
  if (population !== 'THL' && population !== 'ALL')
    throw new LuukkuError('INVALID_INPUT', `--population must be thl or all (got ${population.toLowerCase()}).`);
  const store = await openChosenStore(args);
  try {
    const now = new Date();
    const result = await readThlReport(storeTransactor(store), reportBounds({ from, to, asOf, population }, now), {
      actor: CLI_ACTOR,
      details: { format },
    });
    if (format === 'json') io.out(result);
    else printCsv(io, thlReportCsv(result));
    return 0;
  } finally {
    await store.close();
  }
};
