/**
 * Runs a roster solve in a worker thread (worker.ts) with progress and cancel. The built app starts the
 * bundled `solveWorker.js` next to the main bundle; run from source (tests, the e2e harness) the worker
 * registers tsx first, so both run the same module.
 */
import { Worker } from 'node:worker_threads';
import { LuukkuError, type ErrorCode } from '../../shared/errors';
import type { RosterResult } from '../../shared/rosterScenario';
import type { SolveMessage, SolveRequest } from './worker';

function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./solveWorker.js', here));
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`, {
    eval: true,
  });
}

export function solveInWorker(
  request: SolveRequest,
  options: { onProgress?: (gap: number) => void; signal?: AbortSignal } = {},
): Promise<RosterResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    const worker = startWorker();
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      action();
    };
    const abort = () => finish(() => reject(cancelled()));
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (message: SolveMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.gap);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else finish(() => reject(new LuukkuError(message.code as ErrorCode, message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The roster solver stopped unexpectedly (exit code ${code}).`))),
    );
    worker.postMessage(request);
  });
}

const cancelled = () => new LuukkuError('CANCELLED', 'Roster generation was cancelled. Nothing was changed.');
