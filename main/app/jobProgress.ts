/**
 * How far a Core's long-running job has got (a CSV import, a roster generation, a bulk reassignment), for the app's progress
 * bars, and how to cancel it. Kept in memory only: polling never touches the store, so it never waits for
 * the job's transaction to release the connection. One job of each kind at a time.
 */
import { LuukkuError } from '../../shared/errors';
import type { GenerateProgress } from '../../shared/contract/roster';
import type { Core } from './core';

export interface ImportProgress {
  phase: 'CHECKING' | 'WRITING';
  done: number;
  total: number;
}

/** Items done of a known total: a bulk reassignment. */
export type CountProgress = Pick<ImportProgress, 'done' | 'total'>;

/**
 * Lets the event loop run between slices of a long job, so that progress polls (which never touch the
 * store) are answered while the job's transaction is still open.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Jobs {
  import: ImportProgress;
  reassign: CountProgress;
  roster: NonNullable<GenerateProgress>;
}
type Job = keyof Jobs;

interface Running<K extends Job> {
  progress: Jobs[K];
  controller: AbortController;
}

const running = new WeakMap<Core, Map<Job, Running<Job>>>();

function jobsOf(core: Core): Map<Job, Running<Job>> {
  let jobs = running.get(core);
  if (!jobs) running.set(core, (jobs = new Map()));
  return jobs;
}

export function jobProgress<K extends Job>(core: Core, job: K): Jobs[K] | null {
  return (jobsOf(core).get(job)?.progress as Jobs[K] | undefined) ?? null;
}

/** Asks the running job of this kind to stop; false if none runs. */
export function cancelJob(core: Core, job: Job): boolean {
  const entry = jobsOf(core).get(job);
  entry?.controller.abort();
  return Boolean(entry);
}

/** Runs a job with its progress visible to `jobProgress` until it ends, however it ends. */
export async function trackJob<K extends Job, T>(
  core: Core,
  job: K,
  initial: Jobs[K],
  work: (report: (progress: Jobs[K]) => void, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const jobs = jobsOf(core);
  if (jobs.has(job)) throw new LuukkuError('CONFLICT', 'This is already running. Wait for it to finish.');
  const entry: Running<K> = { progress: initial, controller: new AbortController() };
  jobs.set(job, entry as Running<Job>);
  try {
    return await work((progress) => (entry.progress = progress), entry.controller.signal);
  } finally {
    jobs.delete(job);
  }
}
