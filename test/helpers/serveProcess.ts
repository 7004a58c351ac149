/** A real `luukku serve` process (the county server as county IT runs it), for the tests and the bench. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** What it wrote to stderr so far: its log. */
  log(): string;
}

/** Starts `serve` with `args` and resolves once it prints its address; rejects if it exits before. */
export function startServeProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // One process (tsx's CLI would run the server in a child that a SIGKILL of the parent leaves running).
      ['--import', 'tsx', 'main/cli.ts', 'serve', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url, exited, log: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}
