import { LuukkuError } from '../../shared/errors';
import { storageError } from '../store/storageErrors';
import type { Io } from './command';
import { commands, USAGE } from './commands';

export const processIo: Io = {
  out: (json) => process.stdout.write(`${JSON.stringify(json)}\n`),
  line: (text) => process.stdout.write(`${text}\n`),
  info: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 success, 1 user error (one clear line, nothing written), 2 internal error (docs/formats.md). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.info(USAGE);
    return name ? 0 : 1;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.info(`Unknown command "${name}".\n${USAGE}`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (caught) {
    const error = storageError(caught) ?? caught;
    if (error instanceof LuukkuError) {
      io.info(`luukku ${name}: ${error.message}`);
      return 1;
    }
    io.info(`luukku ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
