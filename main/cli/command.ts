/** What every admin CLI command is: argv in, JSON on stdout, messages on stderr, an exit code out. */
import type { Actor } from '../store/audit';
export interface Io {
  out(json: unknown): void;
  line(text: string): void;
  info(text: string): void;
}

export type Command = (argv: string[], io: Io) => Promise<number>;

/** Who the audit log names for changes made from the command line. */
export const CLI_ACTOR: Actor = { id: 'cli', name: 'admin-cli', role: 'ADMIN' };

/** A CSV file's rows on stdout, one line each (the file's own CRLF line ends become the terminal's). */
export function printCsv(io: Io, csv: string): void {
  for (const line of csv.trimEnd().split('\r\n')) io.line(line);
}
