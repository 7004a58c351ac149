/**
 * Starts one of the main process's worker threads. The built app runs `<bundle>.js`, bundled next to the
 * main bundle (electron.vite.config.ts); run from source (tests, the e2e harness, the CLI) the worker
 * registers tsx first and imports the TypeScript module, so both run the same code.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(source: URL, bundle: string, options: WorkerOptions = {}): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${bundle}.js`, here), options);
  const entry = JSON.stringify(source.href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`, {
    ...options,
    eval: true,
  });
}
