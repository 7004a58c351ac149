/**
 * `access-log`: the client's access-log report for the child of one case (703/2023 § 11), as JSON or CSV
 * on stdout. Reading it is logged like any other use of the child's data.
 */
import { LuukkuError } from '../../shared/errors';
import { LANGUAGES, type Language } from '../../shared/schemas';
import { childAccessLog } from '../areas/team/accessLog';
import { parseArgs, required } from './args';
import { openChosenStore, STORE_OPTIONS } from './storeOption';
import { CLI_ACTOR, printCsv, type Command } from './command';
import { storeTransactor } from '../store/unitOfWork';

export const accessLog: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'case', 'format', 'language'] });
  const caseId = required(args, 'case');
  const format = args.options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new LuukkuError('INVALID_INPUT', `--format must be json or csv (got ${format}).`);
  const language = (args.options.get('language') ?? 'fi') as Language;
  if (!LANGUAGES.includes(language))
    throw new LuukkuError('INVALID_INPUT', `--language must be one of ${LANGUAGES.join(', ')}.`);
  const store = await openChosenStore(args);
  try {
    const {
      csv,
      fileName: _file,
      ...report
    } = await childAccessLog(storeTransactor(store), { caseId, language }, { actor: CLI_ACTOR, now: new Date() });
    if (format === 'json') io.out(report);
    else printCsv(io, csv);
    return 0;
  } finally {
    await store.close();
  }
};
