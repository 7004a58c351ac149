/**
 * The crash harness (issue 7): a writer process is killed with SIGKILL at a random moment while it
 * registers, triages, imports and bulk-reassigns; sometimes the WAL then gets a garbage tail or the -shm file is
 * deleted. After every kill the store must pass the full integrity check (every page authenticated,
 * foreign keys, the audit chain), hold every acknowledged transaction, and hold no transaction in part.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { seededRandom } from '../../main/demo/random';
import { closeAll, kyselyFor, openSqlite } from '../../main/store/open';
import { verifyStoreFile } from '../../main/store/verify';
import type { Database } from '../../main/store/schema';
import { createCrashStore, POOL_PREFIX } from './store';

export interface CrashReport {
  kills: number;
  acknowledged: number;
  /** Acknowledged bulk reassignments of the pool. */
  reassignments: number;
  garbledWal: number;
  deletedShm: number;
  cases: number;
  failures: string[];
}

interface Round {
  acks: { kind: string; id: string }[];
  stderr: string;
  killed: boolean;
}

function runWriter(path: string, round: number, killAfterMs: number): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/crashWriter.ts', path, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: Round = { acks: [], stderr: '', killed: false };
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready')
          setTimeout(() => {
            result.killed = true;
            child.kill('SIGKILL');
          }, killAfterMs);
        const ack = /^ack (\w) (.+)$/.exec(line);
        // Only whole lines count: a line cut by the kill was never acknowledged.
        if (ack) result.acks.push({ kind: ack[1]!, id: ack[2]! });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on('exit', () => resolve(result));
  });
}

/** What must hold after a crash; each broken promise named. */
export async function checkAfterCrash(
  path: string,
  key: Buffer,
  acks: Round['acks'],
): Promise<{ problems: string[]; cases: number }> {
  const report = await verifyStoreFile(path, key);
  const problems = report.ok ? [] : report.problems.map((p) => `verify: ${p}`);
  const sqlite = openSqlite(path, key, 'existing');
  const db = kyselyFor(sqlite);
  try {
    const ids = (kind: string) => acks.filter((a) => a.kind === kind).map((a) => a.id);
    const has = async (kind: string, where: string) => {
      for (let i = 0; i < ids(kind).length; i += 500) {
        const chunk = ids(kind).slice(i, i + 500);
        const found = await sql<{
          id: string;
        }>`SELECT id FROM cases WHERE id IN (${sql.join(chunk)}) AND ${sql.raw(where)}`.execute(db);
        const missing = chunk.filter((id) => !found.rows.some((r) => r.id === id));
        if (missing.length) problems.push(`acknowledged ${kind} lost: ${missing.slice(0, 3).join(', ')}`);
      }
    };
    await has('R', '1 = 1');
    await has('U', 'urgency_result IS NOT NULL');
    await has('D', 'decision IS NOT NULL');
    const batches = await sql<{
      batch: string;
      n: number;
    }>`SELECT substr(external_id, 1, instr(external_id, '-') + instr(substr(external_id, instr(external_id, '-') + 1), '-') - 1) AS batch, count(*) AS n
      FROM cases WHERE external_id LIKE 'B%' GROUP BY batch`.execute(db);
    for (const b of batches.rows) if (b.n !== 50) problems.push(`import ${b.batch} is in part: ${b.n} of 50 cases`);
    for (const batch of ids('I'))
      if (!batches.rows.some((b) => b.batch === batch)) problems.push(`acknowledged import ${batch} lost`);
    const halves = await sql<{ what: string; n: number }>`
      SELECT 'urgency without its event or audit entry' AS what, count(*) AS n FROM cases c
        WHERE (c.urgency_result IS NOT NULL) <> EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'URGENCY_ASSESSED')
           OR (c.urgency_result IS NOT NULL) <> EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'cases.recordUrgency')
      UNION ALL
      SELECT 'decision without its event or audit entry', count(*) FROM cases c
        WHERE (c.decision IS NOT NULL) <> EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'DECIDED')
           OR (c.decision IS NOT NULL) <> EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'cases.recordDecision')
      UNION ALL
      SELECT 'registration without its audit entry', count(*) FROM cases c
        WHERE c.external_id IS NULL AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'cases.register')`.execute(
      db,
    );
    for (const h of halves.rows) if (h.n) problems.push(`${h.n} cases with ${h.what}`);
    problems.push(...(await poolProblems(db, ids('A'))));
    const cases = await sql<{ n: number }>`SELECT count(*) AS n FROM cases`.execute(db);
    return { problems, cases: cases.rows[0]!.n };
  } finally {
    await closeAll(db, sqlite);
  }
}

/**
 * The pool moves whole in each bulk reassignment: one assignee for all of it, as many REASSIGNED events
 * on every pool case as there are reassignment entries in the log, and every acknowledged move there.
 */
async function poolProblems(db: Kysely<Database>, acknowledged: string[]): Promise<string[]> {
  const problems: string[] = [];
  const pool = await sql<{ assignees: number; fewest: number; most: number }>`
    SELECT count(DISTINCT coalesce(assignee_user_id, '')) AS assignees, min(n) AS fewest, max(n) AS most FROM (
      SELECT c.assignee_user_id, (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'REASSIGNED') AS n
      FROM cases c WHERE c.external_id LIKE ${`${POOL_PREFIX}%`})`.execute(db);
  const { assignees, fewest, most } = pool.rows[0]!;
  if (assignees !== 1) problems.push(`bulk reassignment in part: the pool has ${assignees} different assignees`);
  const logged = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log WHERE action = 'cases.reassign'`.execute(
    db,
  );
  if (fewest !== most || most !== logged.rows[0]!.n)
    problems.push(
      `bulk reassignment in part: pool cases have ${fewest}-${most} REASSIGNED events for ${logged.rows[0]!.n} logged reassignments`,
    );
  for (const tag of acknowledged) {
    const found =
      await sql`SELECT 1 FROM case_events WHERE kind = 'REASSIGNED' AND data LIKE ${`%${tag}.%`} LIMIT 1`.execute(db);
    if (!found.rows.length) problems.push(`acknowledged reassignment ${tag} lost`);
  }
  return problems;
}

export async function crashRounds(
  dir: string,
  kills: number,
  options: { seed?: number; onRound?: (round: number, report: CrashReport) => void } = {},
): Promise<CrashReport> {
  const path = join(dir, 'crash.db');
  const key = await createCrashStore(path);
  const rng = seededRandom(options.seed ?? 1);
  const report: CrashReport = {
    kills: 0,
    acknowledged: 0,
    reassignments: 0,
    garbledWal: 0,
    deletedShm: 0,
    cases: 0,
    failures: [],
  };
  const acks: Round['acks'] = [];
  for (let round = 1; round <= kills; round++) {
    const result = await runWriter(path, round, rng.int(30, 600));
    if (!result.killed) {
      report.failures.push(`round ${round}: the writer stopped by itself: ${result.stderr.slice(0, 500)}`);
      break;
    }
    report.kills++;
    acks.push(...result.acks);
    const wal = `${path}-wal`;
    if (round % 3 === 1 && existsSync(wal) && statSync(wal).size > 0) {
      appendFileSync(wal, Buffer.from(Array.from({ length: 1500 }, () => rng.int(0, 255))));
      report.garbledWal++;
    }
    if (round % 4 === 2 && existsSync(`${path}-shm`)) {
      rmSync(`${path}-shm`);
      report.deletedShm++;
    }
    const { problems, cases } = await checkAfterCrash(path, key, acks);
    report.cases = cases;
    report.acknowledged = acks.length;
    report.reassignments = acks.filter((a) => a.kind === 'A').length;
    report.failures.push(...problems.map((p) => `round ${round}: ${p}`));
    options.onRound?.(round, report);
    if (problems.length) break;
  }
  return report;
}
