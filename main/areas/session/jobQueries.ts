/**
 * Long jobs seen from every server instance on one PostgreSQL database (migration 024, app/jobProgress.ts):
 * the running instance keeps its job's progress in `running_jobs` and reads back a cancel asked for on
 * another; a county-wide job (one roster generation per month) holds an advisory lock for as long as it runs,
 * which PostgreSQL lets go by itself if the instance dies. None of it is a unit of work: progress is no
 * client data and is never audited, and it must not wait for the job's own transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../store/schema';

/**
 * Writes the job's progress; answers whether a cancel was asked for meanwhile (from any instance). A job's
 * first write (`starting`) takes over a row its key may have left behind on an instance that died, cancel
 * and all: that cancel was for the dead job, not this one.
 */
export async function publishJob(
  db: Db,
  row: { job_key: string; user_id: string; progress: string; updated_at: string },
  starting = false,
): Promise<boolean> {
  const update = { progress: row.progress, updated_at: row.updated_at, ...(starting ? { cancel_requested: 0 } : {}) };
  const written = await db
    .insertInto('running_jobs')
    .values(row)
    .onConflict((oc) => oc.column('job_key').doUpdateSet(update))
    .returning('cancel_requested')
    .executeTakeFirst();
  return written?.cancel_requested === 1;
}

/** The job's progress as JSON, if it runs somewhere and reported since `since` (an ISO instant). */
export async function runningJob(db: Db, jobKey: string, since: string): Promise<string | null> {
  const row = await db
    .selectFrom('running_jobs')
    .select('progress')
    .where('job_key', '=', jobKey)
    .where('updated_at', '>=', since)
    .executeTakeFirst();
  return row?.progress ?? null;
}

/** Asks the instance running the job to stop it; false if no such job runs. */
export async function askJobToStop(db: Db, jobKey: string, since: string): Promise<boolean> {
  const asked = await db
    .updateTable('running_jobs')
    .set({ cancel_requested: 1 })
    .where('job_key', '=', jobKey)
    .where('updated_at', '>=', since)
    .executeTakeFirst();
  return Number(asked.numUpdatedRows) > 0;
}

/** Removes the rows of jobs that stopped reporting before `before` (their instance died): nobody reads them. */
export async function forgetDeadJobs(db: Db, before: string): Promise<void> {
  await db.deleteFrom('running_jobs').where('updated_at', '<', before).execute();
}

export async function endJob(db: Db, jobKey: string): Promise<void> {
  await db.deleteFrom('running_jobs').where('job_key', '=', jobKey).execute();
}

/**
 * Runs `work` while holding the county-wide lock named `name` (PostgreSQL only): a session-level advisory lock
 * on a connection kept for the job's length. Answers `held` without running it when another instance holds it.
 */
export async function whileHoldingCountyLock<T>(
  db: Db,
  name: string,
  work: () => Promise<T>,
): Promise<{ held: true } | { held: false; value: T }> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtextextended(${`luukku-job:${name}`}, 0)`;
    const got = await sql<{ got: boolean }>`SELECT pg_try_advisory_lock(${key}) AS got`.execute(conn);
    if (!got.rows[0]?.got) return { held: true };
    try {
      return { held: false, value: await work() };
    } finally {
      await sql`SELECT pg_advisory_unlock(${key})`.execute(conn).catch(() => undefined);
    }
  });
}
