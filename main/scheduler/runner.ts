/**
 * Runs a roster solve in a worker thread (worker.ts, bundled as solveWorker.js) with progress and cancel.
 */
import { LuukkuError, type ErrorCode } from '../../shared/errors';
import type { RosterResult } from '../../shared/rosterScenario';
import { startWorker } from '../workerThreads';
import type { SolveMessage, SolveRequest } from './worker';

export function solveInWorker(
  request: SolveRequest,
  options: { onProgress?: (gap: number) => void; signal?: AbortSignal } = {},
): Promise<RosterResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(generationCancelled());
    const worker = startWorker(new URL('./worker.ts', import.meta.url), 'solveWorker');
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      action();
    };
    const abort = () => finish(() => reject(generationCancelled()));
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

/** What a roster generation cancelled by its user answers, whether the solve or the saving was under way. */
export const generationCancelled = () =>
  new LuukkuError('CANCELLED', 'Roster generation was cancelled. Nothing was changed.');
