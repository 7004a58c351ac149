/**
 * How far a user's long-running job has got (a CSV import, a roster generation, a bulk reassignment), for the
 * app's progress bars, and how to cancel it. A job belongs to its user, not to the connection that started it:
 * the county server takes every request up on a Core of its own, so the poll that asks for progress is never
 * the call that runs the job. One job of each kind per user at a time.
 *
 * In memory in the process that runs it: polling never touches the store, so it never waits for the job's
 * transaction. On PostgreSQL, where several server instances share the county, the running instance also
 * keeps the progress in the store every PUBLISH_MS (areas/session/jobQueries.ts), so that a poll or a cancel
 * reaching another instance finds it; and a county-wide job (one roster generation per month) holds an
 * advisory lock for as long as it runs.
 */
import { LuukkuError } from '../../shared/errors';
import type { GenerateProgress } from '../../shared/contract/roster';
import type { Core } from './core';
import type { County } from './county';
import {
  askJobToStop,
  endJob,
  forgetDeadJobs,
  publishJob,
  runningJob,
  whileHoldingCountyLock,
} from '../areas/session/jobQueries';

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

/** How often the running instance writes its progress on PostgreSQL; a row older than STALE_MS is a dead job's. */
const PUBLISH_MS = 1000;
const STALE_MS = 10_000;

const running = new WeakMap<County, Map<string, Running<Job>>>();
/** County-wide jobs under way in this process, by name (the advisory lock covers other instances). */
const underwayHere = new WeakMap<County, Set<string>>();

function jobsOf(county: County): Map<string, Running<Job>> {
  let jobs = running.get(county);
  if (!jobs) running.set(county, (jobs = new Map()));
  return jobs;
}

const keyOf = (core: Core, job: Job) => `${job}:${core.actor()?.id ?? ''}`;
const onPostgres = (core: Core) => core.county.engine === 'postgres';
const freshSince = (core: Core) => new Date(core.now().getTime() - STALE_MS).toISOString();

export async function jobProgress<K extends Job>(core: Core, job: K): Promise<Jobs[K] | null> {
  const here = jobsOf(core.county).get(keyOf(core, job));
  if (here) return here.progress as Jobs[K];
  if (!onPostgres(core)) return null;
  const elsewhere = await runningJob(core.db, keyOf(core, job), freshSince(core));
  return elsewhere ? (JSON.parse(elsewhere) as Jobs[K]) : null;
}

/** Asks the user's running job of this kind to stop, on whichever instance it runs; false if none runs. */
export async function cancelJob(core: Core, job: Job): Promise<boolean> {
  const here = jobsOf(core.county).get(keyOf(core, job));
  if (here) {
    here.controller.abort();
    return true;
  }
  return onPostgres(core) && askJobToStop(core.db, keyOf(core, job), freshSince(core));
}

/** A job of which only one may run in the county at a time, and what to say to a second. */
export interface CountyWide {
  name: string;
  refusal: () => LuukkuError;
}

/**
 * Runs a job with its progress visible to `jobProgress` until it ends, however it ends. With `countyWide`,
 * refused while the same job runs anywhere in the county.
 */
export async function trackJob<K extends Job, T>(
  core: Core,
  job: K,
  initial: Jobs[K],
  work: (report: (progress: Jobs[K]) => void, signal: AbortSignal) => Promise<T>,
  countyWide?: CountyWide,
): Promise<T> {
  if (!countyWide) return runJob(core, job, initial, work);
  let names = underwayHere.get(core.county);
  if (!names) underwayHere.set(core.county, (names = new Set()));
  if (names.has(countyWide.name)) throw countyWide.refusal();
  names.add(countyWide.name);
  try {
    if (!onPostgres(core)) return await runJob(core, job, initial, work);
    const outcome = await whileHoldingCountyLock(core.db, countyWide.name, () => runJob(core, job, initial, work));
    if (outcome.held) throw countyWide.refusal();
    return outcome.value;
  } finally {
    names.delete(countyWide.name);
  }
}

async function runJob<K extends Job, T>(
  core: Core,
  job: K,
  initial: Jobs[K],
  work: (report: (progress: Jobs[K]) => void, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const jobs = jobsOf(core.county);
  const key = keyOf(core, job);
  if (jobs.has(key)) throw new LuukkuError('CONFLICT', 'This is already running. Wait for it to finish.');
  const entry: Running<K> = { progress: initial, controller: new AbortController() };
  jobs.set(key, entry as Running<Job>);
  const publisher = onPostgres(core) ? publishing(core, key, entry) : null;
  try {
    return await work((progress) => (entry.progress = progress), entry.controller.signal);
  } finally {
    jobs.delete(key);
    await publisher?.stop();
  }
}

/**
 * Keeps the job's progress in the store for the other instances, now and every PUBLISH_MS, and stops the job
 * when a cancel was asked for there. A write that fails (the database restarting) is tried again next time:
 * the job itself goes on. First the rows of jobs whose instance died are cleared away.
 */
function publishing(core: Core, key: string, entry: Running<Job>): { stop(): Promise<void> } {
  const userId = core.actor()!.id;
  let last: Promise<unknown> = forgetDeadJobs(core.db, freshSince(core)).catch(() => undefined);
  let starting = true;
  const publish = () => {
    const first = starting;
    starting = false;
    last = last
      .then(() =>
        publishJob(
          core.db,
          {
            job_key: key,
            user_id: userId,
            progress: JSON.stringify(entry.progress),
            updated_at: core.now().toISOString(),
          },
          first,
        ),
      )
      .then((cancel) => cancel && entry.controller.abort())
      .catch(() => {
        // Not written (the database restarting): the next write still takes over a dead job's row.
        starting ||= first;
      });
  };
  publish();
  const timer = setInterval(publish, PUBLISH_MS);
  return {
    async stop() {
      clearInterval(timer);
      await last;
      await endJob(core.db, key).catch(() => undefined);
    },
  };
}
