/** `report thl`: the deadline-monitoring report (formats.md) as JSON or CSV on stdout. */
import { LuukkuError } from '../../shared/errors';
import { isLocalDate } from '../../shared/dates';
import { appendAudit } from '../store/audit';
import { thlReportCsv } from '../../shared/reportContract';
import { reportBounds, thlReport } from '../services/reports';
import { openWithPassphrase } from '../services/storeFiles';
import { parseArgs, passphraseFromEnv, required } from './args';
import { CLI_ACTOR, type Command } from './command';

const USAGE = 'Usage: report thl --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--format json|csv]';

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isLocalDate(value))
    throw new LuukkuError('INVALID_INPUT', `--${name} must be a calendar date YYYY-MM-DD (got ${value}).`);
  return value;
}

export const report: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what !== 'thl') throw new LuukkuError('INVALID_INPUT', USAGE);
  const args = parseArgs(rest, { values: ['db', 'from', 'to', 'as-of', 'format'] });
  const from = dateOption('from', required(args, 'from'))!;
  const to = dateOption('to', required(args, 'to'))!;
  const asOf = dateOption('as-of', args.options.get('as-of'));
  if (to < from) throw new LuukkuError('INVALID_INPUT', `--to (${to}) is before --from (${from}).`);
  const format = args.options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new LuukkuError('INVALID_INPUT', `--format must be json or csv (got ${format}).`);
  const { store } = await openWithPassphrase(required(args, 'db'), passphraseFromEnv());
  try {
    const now = new Date();
    const bounds = reportBounds({ from, to, asOf }, now);
    const result = await thlReport(store.db, bounds);
    await appendAudit(
      store.db,
      { actor: CLI_ACTOR, action: 'reports.thl', purpose: 'deadline monitoring', details: { ...bounds, format } },
      now,
    );
    if (format === 'json') io.out(result);
    else
      thlReportCsv(result)
        .trimEnd()
        .split('\r\n')
        .forEach((line) => io.line(line));
    return 0;
  } finally {
    await store.close();
  }
};
