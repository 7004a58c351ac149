/**
 * Running PostgreSQL's own programs (pg_dump, pg_restore, pg_amcheck) against a database URL: the binary
 * from PostgreSQL's install (postgresBin.ts) or PATH, and the password in the environment rather than on
 * the command line, where every user of the machine could read it in the process list.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { LuukkuError } from '../../shared/errors';
import { postgresBinDir } from './postgresBin';

/** The program's path, or null when neither PostgreSQL's install nor PATH has it. */
export function postgresTool(program: string): string | null {
  const dir = postgresBinDir(program);
  if (dir) return join(dir, program);
  const onPath = spawnSync(program, ['--version'], { encoding: 'utf8' });
  return onPath.status === 0 ? program : null;
}

/** The URL without its password, and an environment that carries the password instead. */
export function connectionFor(url: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { uri: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function binaryOf(program: string): string {
  const binary = postgresTool(program);
  if (!binary)
    throw new LuukkuError(
      'WRONG_STATE',
      `${program} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client).`,
    );
  return binary;
}

/** A PostgreSQL program with its input and output as streams (a dump that never touches the disk in plaintext). */
export function spawnTool(
  program: string,
  args: (uri: string) => string[],
  url: string,
): { child: ChildProcessByStdio<Writable, Readable, Readable>; done: Promise<ToolResult> } {
  const { uri, env } = connectionFor(url);
  const child = spawn(binaryOf(program), ['--no-password', ...args(uri)], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors = (errors + chunk).slice(-4000)));
  child.stdin.on('error', () => {}); // a program that exits early closes its input: its status says why
  const done = new Promise<ToolResult>((resolve) => {
    child.on('error', (error) => resolve({ status: 1, output: error.message }));
    child.on('close', (code) => resolve({ status: code ?? 1, output: errors.trim() }));
  });
  return { child, done };
}

export interface ToolResult {
  status: number;
  output: string;
}

/**
 * Runs a PostgreSQL program to the end (without blocking the process meanwhile), its output and errors
 * together. `args` gets the URL without its password, to place as the program wants it.
 */
export async function runTool(program: string, args: (uri: string) => string[], url: string): Promise<ToolResult> {
  const { child, done } = spawnTool(program, args, url);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stdin.end();
  const timeout = setTimeout(() => child.kill(), 6 * 60 * 60 * 1000).unref();
  const result = await done;
  clearTimeout(timeout);
  return { status: result.status, output: `${stdout}${result.output}`.trim() };
}
