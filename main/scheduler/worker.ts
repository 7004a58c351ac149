/**
 * The roster solve in a worker thread: HiGHS runs synchronously for seconds, so the main process (and with
 * it the app's window) stays responsive while it works. One scenario per worker; terminating it cancels.
 */
import { parentPort } from 'node:worker_threads';
import { LuukkuError } from '../../shared/errors';
import type { Preferred } from './model';
import { solveRoster } from './solve';

export interface SolveRequest {
  scenario: unknown;
  prefer?: Preferred[];
  gap?: number;
}
export type SolveMessage =
  | { type: 'progress'; gap: number; objective: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof solveRoster>> }
  | { type: 'error'; code: string; message: string };

const port = parentPort!;
port.once('message', (request: SolveRequest) => {
  const post = (message: SolveMessage) => port.postMessage(message);
  solveRoster(request.scenario, {
    ...(request.gap === undefined ? {} : { gap: request.gap }),
    ...(request.prefer ? { prefer: request.prefer } : {}),
    onProgress: (p) => post({ type: 'progress', ...p }),
  }).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) =>
      post(
        error instanceof LuukkuError
          ? { type: 'error', code: error.code, message: error.message }
          : { type: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
      ),
  );
});
