/** Running the admin CLI from tests: as a real process, or in-process with captured output. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../main/cli/command';
import { IMPORT_COLUMNS } from '../../main/areas/cases/importCases';
import { toCsv } from '../../shared/csv';
import { runCli } from '../../main/cli/run';
import { PASSPHRASE, tempDir } from './stores';

/** The real command line, as a county admin runs it (npm script, tsx, no build step). */
export function luukku(args: string[], env: Record<string, string | undefined> = { LUUKKU_PASSPHRASE: PASSPHRASE }) {
  const result = spawnSync('npm', ['run', '--silent', 'luukku', '--', ...args], {
    env: { ...process.env, LUUKKU_PASSPHRASE: undefined, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** In-process output: JSON results and lines on stdout, messages on stderr. */
export function captureIo(): Io & { stdout: string[]; stderr: string[]; json: unknown[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const json: unknown[] = [];
  return {
    stdout,
    stderr,
    json,
    out: (value) => {
      json.push(value);
      stdout.push(JSON.stringify(value));
    },
    line: (t) => stdout.push(t),
    info: (t) => stderr.push(t),
  };
}

export type ImportRow = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

/** An import CSV (docs/formats.md) with every column, from rows that name only what they need. */
export function importCsv(rows: ImportRow[]): string {
  return toCsv([IMPORT_COLUMNS, ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? ''))]);
}

/**
 * `luukku import WHAT` of a CSV written from `rows` under `header`, in-process on the store `storeArgs` names:
 * the exit code, the JSON result and the messages.
 */
export async function importRows<T>(storeArgs: string[], what: string, header: string[], rows: string[][]) {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, `${what}.csv`);
    writeFileSync(file, toCsv([header, ...rows]));
    const io = captureIo();
    const code = await runCli(['import', what, ...storeArgs, '--file', file], io);
    if (!io.json.length) throw new Error(io.stderr.join('\n'));
    return { code, result: io.json[0] as T, stderr: io.stderr.join('\n') };
  } finally {
    cleanup();
  }
}
