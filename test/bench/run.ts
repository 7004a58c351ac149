/**
 * `npm run bench`: figures, not assertions. For each store size it builds an encrypted demo store and a
 * plaintext baseline from the same seed, then times what users wait for, as p50/p95 milliseconds with the
 * encrypted/plaintext ratio, measured in the same run. Prints a table and writes bench-results/bench.json.
 *   npm run bench -- --cases 20000,200000
 *   npm run bench -- --roster-only
 *   npm run bench -- --engine postgres --cases 200000   (a third column: the same store on PostgreSQL, in a
 *                                                       throwaway cluster with durable settings, and its ratio
 *                                                       to the encrypted SQLite store)
 *   npm run bench -- --server [--cases 200000] [--seconds 60] [--users 40]   (the county server under the team's
 *                                                       load: server.ts)
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCase } from '../../main/areas/cases/caseRecord';
import { storeTransactor } from '../../main/store/unitOfWork';
import type { PostgresStore } from '../../main/store/postgres';
import { startCluster, type Cluster } from '../helpers/postgresCluster';
import { queryQueue, type ParsedQueueQuery } from '../../main/areas/cases/queries';
import { thlReport } from '../../main/areas/reports/reports';
import { workingDayCalendar } from '../../shared/calendar';
import { measureImport, type ImportFigure } from './importThroughput';
import { benchRoster, printRoster } from './roster';
import { benchServer } from './server';
import {
  BENCH_TODAY,
  buildEncrypted,
  buildPlain,
  buildPostgres,
  openEncrypted,
  openPlain,
  type BenchStore,
} from './stores';

const args = process.argv.slice(2);
const sizes = (
  args[args.indexOf('--cases') + 1] && args.includes('--cases') ? args[args.indexOf('--cases') + 1]! : '20000,200000'
)
  .split(',')
  .map(Number);
const onPostgres = args.includes('--engine') && args[args.indexOf('--engine') + 1] === 'postgres';
/** Runs per figure: a p95 over 100 is the sixth-slowest, not the second-slowest of 40. */
const RUNS = 100;
const IMPORT_ROWS = 20_000;
const calendar = workingDayCalendar();

interface Figure {
  name: string;
  unit: 'ms';
  encrypted: { p50: number; p95: number };
  plain: { p50: number; p95: number };
  ratio: number;
  /** With --engine postgres: the same figure on PostgreSQL, its p95 over the encrypted store's, and its own goal. */
  postgres?: { p50: number; p95: number; ratio: number; goal?: string; met?: boolean };
  goal?: string;
  met?: boolean;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number }> {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

/**
 * The same figure on several stores, their runs interleaved (one run of each in turn), so that a noisy moment
 * of a shared machine falls on every store alike instead of on whichever was being measured then: the
 * ratios compare like with like. Undefined entries (no PostgreSQL in this run) are skipped.
 */
async function timeTogether(
  runs: ((() => Promise<unknown>) | undefined)[],
  count = RUNS,
): Promise<({ p50: number; p95: number } | undefined)[]> {
  const samples = runs.map(() => [] as number[]);
  for (const run of runs) await run?.(); // warm-up
  for (let i = 0; i < count; i++) {
    for (const [k, run] of runs.entries()) {
      if (!run) continue;
      const start = performance.now();
      await run();
      samples[k]!.push(performance.now() - start);
    }
  }
  return runs.map((run, k) =>
    run ? { p50: round(percentile(samples[k]!, 50)), p95: round(percentile(samples[k]!, 95)) } : undefined,
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

const ctx = { today: BENCH_TODAY, calendar, dueSoonWorkingDays: 2, userId: 'u-s003' };
const query = (q: Partial<ParsedQueueQuery>): ParsedQueueQuery => ({
  view: 'OPEN',
  sort: 'priority',
  descending: false,
  offset: 0,
  limit: 200,
  ...q,
});

const QUERIES: { name: string; q: ParsedQueueQuery }[] = [
  { name: 'queue: assessment week, first page', q: query({ view: 'ASSESSMENT_WEEK' }) },
  { name: 'queue: open cases, first page', q: query({ view: 'OPEN' }) },
  { name: 'queue: closed cases (the archive tab), first page', q: query({ view: 'CLOSED' }) },
  {
    name: 'queue: open, Porvoo + LSL25, sorted by name',
    q: query({ municipalityId: 'porvoo', types: ['LSL25'], sort: 'childName' }),
  },
  { name: 'queue: closed, sorted by due date', q: query({ view: 'CLOSED', sort: 'due', descending: true }) },
  { name: 'search: full name in closed cases', q: query({ view: 'CLOSED', text: 'Aino Virtanen' }) },
  { name: 'search: typed name starts in open cases', q: query({ view: 'OPEN', text: 'ain virt' }) },
  { name: 'search: most common surname alone, all closed', q: query({ view: 'CLOSED', text: 'Virtanen' }) },
];

async function registerOne(store: BenchStore | PostgresStore): Promise<void> {
  const now = new Date();
  const { row, events } = buildCase(
    {
      id: randomUUID(),
      externalId: null,
      notificationId: null,
      type: 'LSL25',
      channel: 'PHONE',
      receivedAt: now,
      reporterCategory: 'SCHOOL',
      municipality: { id: 'porvoo', area_id: 'central' },
      child: { firstName: 'Bench', lastName: 'Mark', birthDate: '2015-01-01', hetu: null, expectedBirthDate: null },
      pendingFrom: null,
      summary: 'bench',
    },
    now,
  );
  // The app's unit of work: SQLite's BEGIN IMMEDIATE or PostgreSQL's write lock, the audit entry before COMMIT.
  await storeTransactor(store).unitOfWork(async (uow) => {
    await uow.trx.insertInto('cases').values(row).execute();
    await uow.trx.insertInto('case_events').values(events).execute();
    uow.audit({ actor: { id: 'bench', name: 'bench', role: 'ADVICE' }, action: 'cases.register', caseId: row.id });
  });
}

function postgresFigure(
  postgres: { p50: number; p95: number },
  encrypted: { p95: number },
  goal?: (p95: number, ratio: number) => [string, boolean],
): NonNullable<Figure['postgres']> {
  const ratio = round(postgres.p95 / Math.max(encrypted.p95, 0.01));
  const [text, met] = goal ? goal(postgres.p95, ratio) : [undefined, undefined];
  return { ...postgres, ratio, ...(text === undefined ? {} : { goal: text, met }) };
}

const verdict = (goal?: string, met?: boolean) => (goal ? `${goal} ${met ? 'met' : 'NOT MET'}` : '');

async function measureSize(
  cases: number,
  dir: string,
  cluster: Cluster | null,
): Promise<{
  cases: number;
  build: Record<string, number>;
  figures: Figure[];
  importFigure: ImportFigure;
  rssMb: number;
  firstPageMs: number;
}> {
  const encPath = join(dir, `enc-${cases}.db`);
  const plainPath = join(dir, `plain-${cases}.db`);
  let t = performance.now();
  await buildEncrypted(encPath, cases);
  const buildEncryptedS = (performance.now() - t) / 1000;
  t = performance.now();
  await buildPlain(plainPath, cases);
  const buildPlainS = (performance.now() - t) / 1000;
  t = performance.now();
  const pg = cluster ? await buildPostgres(cluster, cases) : null;
  const buildPostgresS = (performance.now() - t) / 1000;

  const first = await openEncrypted(encPath);
  const key = first.key;
  await first.close();
  const figures: Figure[] = [];
  const push = (
    name: string,
    encrypted: { p50: number; p95: number },
    plain: { p50: number; p95: number },
    goal?: [string, boolean],
    postgres?: { p50: number; p95: number },
    postgresGoal?: (p95: number, ratio: number) => [string, boolean],
  ) =>
    figures.push({
      name,
      unit: 'ms',
      encrypted,
      plain,
      ratio: round(encrypted.p95 / Math.max(plain.p95, 0.01)),
      ...(goal ? { goal: goal[0], met: goal[1] } : {}),
      ...(postgres ? { postgres: postgresFigure(postgres, encrypted, postgresGoal) } : {}),
    });
  /** The figure on the encrypted store, the plaintext baseline and (with --engine postgres) PostgreSQL, interleaved. */
  const together = async (run: (s: BenchStore | PostgresStore) => Promise<unknown>, runs?: number) => {
    const [e, p, g] = await timeTogether([() => run(enc), () => run(plain), pg ? () => run(pg) : undefined], runs);
    return { e: e!, p: p!, g };
  };

  // Opening: open, verify the key, pragmas, and the first queue page (what the user waits for after unlock;
  // the scrypt unwrap of the key is deliberately slow and excluded).
  const openEnc = await time(async () => {
    const s = await openEncrypted(encPath, key);
    await queryQueue(s.db, QUERIES[0]!.q, ctx);
    await s.close();
  }, 10);
  const openPlainT = await time(async () => {
    const s = openPlain(plainPath);
    await queryQueue(s.db, QUERIES[0]!.q, ctx);
    await s.close();
  }, 10);
  push('open store + first queue page', openEnc, openPlainT, ['< 1500 ms', openEnc.p95 < 1500]);

  const enc = await openEncrypted(encPath, key);
  const plain = openPlain(plainPath);
  for (const { name, q } of QUERIES) {
    const { e, p, g } = await together((s) => queryQueue(s.db, q, ctx));
    // On PostgreSQL (issue 19): within 2x of the SQLite store's p95 in the same run.
    push(name, e, p, ['p95 < 20 ms', e.p95 < 20], g, (_p95, ratio) => ['within 2x', ratio <= 2]);
  }
  // The THL report for the last full period (issue 6: under 2 s on 200,000 cases), as of its due date.
  const thl = { from: '2026-04-01', to: '2026-09-30', asOf: '2026-10-17' };
  const { e: reportE, p: reportP, g: reportG } = await together((s) => thlReport(s.db, thl), 10);
  push(
    'report thl: 1.4.-30.9. as of 17.10.',
    reportE,
    reportP,
    ['p95 < 2000 ms', reportE.p95 < 2000],
    reportG,
    (p95) => ['< 2000 ms', p95 < 2000],
  );
  const { e: regE, p: regP, g: regG } = await together((s) => registerOne(s));
  push(
    'register a case (one transaction, with audit entry)',
    regE,
    regP,
    ['p95 < 10 ms', regE.p95 < 10],
    regG,
    (p95) => ['< 15 ms', p95 < 15],
  );
  await pg?.close();
  const importFigure = await measureImport(enc, plain, IMPORT_ROWS);
  await enc.close();
  await plain.close();
  const probe = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'test/bench/memoryProbe.ts', encPath, key.toString('hex')],
    {
      encoding: 'utf8',
    },
  );
  if (probe.status !== 0) throw new Error(`bench: the memory probe failed: ${probe.stderr}`);
  const { rssMb, firstPageMs } = JSON.parse(probe.stdout.trim().split('\n').at(-1)!) as {
    rssMb: number;
    firstPageMs: number;
  };
  return {
    cases,
    build: {
      encryptedSeconds: round(buildEncryptedS),
      plainSeconds: round(buildPlainS),
      ...(pg ? { postgresSeconds: round(buildPostgresS) } : {}),
    },
    figures,
    importFigure,
    rssMb,
    firstPageMs,
  };
}

async function main() {
  if (args.includes('--server')) {
    const server = await benchServer(args);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/bench-server.json',
      JSON.stringify({ date: new Date().toISOString(), node: process.version, server }, null, 2),
    );
    console.log('\nwritten: bench-results/bench-server.json');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'luukku-bench-'));
  const results = [];
  const roster = await benchRoster();
  printRoster(roster);
  const cluster = onPostgres ? startCluster({ tuned: false }) : null;
  try {
    for (const cases of args.includes('--roster-only') ? [] : sizes) {
      process.stderr.write(
        `bench: building ${cases} cases (encrypted, plaintext baseline${cluster ? ', PostgreSQL' : ''})…\n`,
      );
      const result = await measureSize(cases, dir, cluster);
      results.push(result);
      console.log(
        `\n${cases.toLocaleString('en')} cases  (built in ${result.build.encryptedSeconds} s encrypted, ${result.build.plainSeconds} s plain)`,
      );
      const im = result.importFigure;
      console.log(
        `import ${im.rows.toLocaleString('en')} rows: ${im.importRowsPerSecond.toLocaleString('en')} rows/s; plain better-sqlite3 inserts of the same rows ${im.plainRowsPerSecond.toLocaleString('en')} rows/s; ratio ${im.ratio} (${im.goal}: ${im.met ? 'met' : 'NOT MET'})`,
      );
      console.log(
        `a fresh process: open + first queue page ${result.firstPageMs} ms (goal < 1500 ms: ${result.firstPageMs < 1500 ? 'met' : 'NOT MET'}); RSS after every view and the THL report ${result.rssMb} MB (goal < 300 MB: ${result.rssMb < 300 ? 'met' : 'NOT MET'})`,
      );
      const pgColumns = cluster ? ['  pg p50', '  pg p95', 'pg/enc'] : [];
      console.log('figure'.padEnd(54), 'enc p50', 'enc p95', 'plain p95', 'ratio', ...pgColumns, ' goal');
      for (const f of result.figures) {
        const pg = f.postgres
          ? [
              String(f.postgres.p50).padStart(8),
              String(f.postgres.p95).padStart(8),
              String(f.postgres.ratio).padStart(6),
            ]
          : [];
        console.log(
          f.name.padEnd(54),
          String(f.encrypted.p50).padStart(7),
          String(f.encrypted.p95).padStart(7),
          String(f.plain.p95).padStart(9),
          String(f.ratio).padStart(5),
          ...pg,
          ` ${verdict(f.goal, f.met)}${f.postgres?.goal ? `; postgres ${verdict(f.postgres.goal, f.postgres.met)}` : ''}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    cluster?.stop();
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/bench.json',
    JSON.stringify({ date: new Date().toISOString(), node: process.version, roster, results }, null, 2),
  );
  console.log('\nwritten: bench-results/bench.json');
}

void main();
