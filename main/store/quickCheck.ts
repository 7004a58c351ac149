/** The quick check at start-up (issue 7), run in a worker thread: resolves to the problems found, none if intact. */
import { startWorker } from '../workerThreads';

export function quickCheckInWorker(path: string, key: Buffer): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = startWorker(new URL('./quickCheckWorker.ts', import.meta.url), 'quickCheckWorker', {
      workerData: { path, key: new Uint8Array(key) },
    });
    worker.once('message', (problems: string[]) => {
      resolve(problems);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve([error.message]));
  });
}
