/**
 * `npm run bench -- --server [--cases 200000] [--seconds 60] [--users 40] [--think-ms 1000]` (issue 20): the county's team on the
 * county server. 40 simulated workstations (2 team leads, 6 of the advice team, the assessment-week social
 * worker, the rest regional workers) each sign in and work in a loop, a second's pause between steps: queue
 * pages, name searches, opening a case, registering notifications (each with its idempotency key), recording
 * urgency, a lead's reassignment. Each team lead's page keeps its live-event stream open, and every
 * registration is timed from the moment it was sent to the moment it arrives on the leads' streams.
 *
 * Runs against real `luukku serve` processes over HTTPS: on the encrypted SQLite store (one instance: a store
 * file serves one process), and on PostgreSQL with one and with two instances (the workstations split between
 * them, as a load balancer would). Beside each operation's p50/p95 it prints the same call dispatched in process
 * on the same store, measured in the same run, and the ratio of the two. Figures, not assertions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { County } from '../../main/app/county';
import { Core } from '../../main/app/core';
import { dispatch } from '../../main/ipc/dispatcher';
import { selfSigned } from '../../main/server/listen';
import type { Db } from '../../main/store/schema';
import { startCluster, type Cluster } from '../helpers/postgresCluster';
import { apiCall, httpsEvents, sessionCookieOf, type EventStream } from '../helpers/https';
import { phoneNotification } from '../helpers/sampleCalls';
import { startServeProcess, type ServeProcess } from '../helpers/serveProcess';
import { BENCH_PASSPHRASE, buildEncrypted, buildPostgres } from './stores';

const PASSWORD = 'bench-password';
const SEARCHES = ['ain virt', 'Virtanen', 'Korhonen', 'mik', 'Aino Virtanen', 'Nieminen', 'lau', 'Mäkinen'];
const GOAL_MS = 50;
const EVENT_GOAL_MS = 500;
const IN_PROCESS_RUNS = 60;
/**
 * The mean pause between a workstation's calls (uniform, half to one and a half of it). One call a second from
 * each of 40 people working at once is busier than a team's day: opening a case is one call, a page of the
 * queue another, and people read what they opened.
 */
const THINK_MS = 1000;
const WARM_UP_MS = 10_000;

type Operation = 'queue page' | 'search' | 'open a case' | 'register' | 'record urgency' | 'reassign';
type Seat = 'LEAD' | 'ADVICE' | 'ASSESSMENT_SW' | 'REGIONAL';

interface Account {
  id: string;
  username: string;
  display_name: string;
  role: Seat;
}

/** A case of the user's last queue page, and who has it (a move goes to someone else). */
interface Listed {
  id: string;
  assignee: string | null;
}

/** A move of one listed case to a regional worker who does not have it yet. */
function move(page: Listed[], regional: Account[]) {
  const listed = pick(page);
  const to = pick(regional.filter((r) => r.display_name !== listed.assignee));
  return { caseIds: [listed.id], toUserId: to.id, reason: 'Kuormituksen tasaus' };
}

interface Setup {
  name: string;
  instances: number;
  /** The `serve` arguments naming the store, and the environment it needs. */
  store: string[];
  env: NodeJS.ProcessEnv;
  /** Opens the same store in this process, for the in-process baseline. */
  open: () => Promise<County>;
}

interface Samples {
  byOperation: Map<Operation, number[]>;
  errors: Map<string, number>;
  events: number[];
  missedEvents: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const round = (n: number) => Math.round(n * 10) / 10;

function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The team's seats: 2 leads, 6 of the advice team, 1 assessment-week worker, regional workers for the rest. */
function seats(users: number): Seat[] {
  const fixed: Seat[] = ['LEAD', 'LEAD', ...Array<Seat>(6).fill('ADVICE'), 'ASSESSMENT_SW'];
  return Array.from({ length: users }, (_, i) => fixed[i] ?? 'REGIONAL');
}

async function accountsOf(db: Db): Promise<Map<Seat, Account[]>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', ['LEAD', 'ADVICE', 'ASSESSMENT_SW', 'REGIONAL'])
    .orderBy('username')
    .execute();
  const byRole = new Map<Seat, Account[]>();
  for (const row of rows) byRole.set(row.role as Seat, [...(byRole.get(row.role as Seat) ?? []), row as Account]);
  return byRole;
}

/**
 * One step of a workstation: what that role does most, as the call it makes and its input. Cases to open,
 * triage or move are taken from the user's own last queue page, so every call is one the app would make.
 */
function nextStep(
  seat: Seat,
  page: Listed[],
  newCases: string[],
  municipalityId: string,
  regional: Account[],
  n: number,
): { operation: Operation; call: string; input: unknown } {
  const roll = Math.random();
  const queue = (view: string) => ({ operation: 'queue page' as const, call: 'cases.queue', input: { view } });
  const search = () => ({
    operation: 'search' as const,
    call: 'cases.queue',
    input: { view: Math.random() < 0.5 ? 'OPEN' : 'CLOSED', text: pick(SEARCHES) },
  });
  const open = () =>
    page.length
      ? { operation: 'open a case' as const, call: 'cases.get', input: { id: pick(page).id } }
      : queue('OPEN');
  switch (seat) {
    case 'LEAD':
      if (roll < 0.45) return queue(Math.random() < 0.7 ? 'OPEN' : 'OVERDUE');
      if (roll < 0.65) return search();
      if (roll < 0.85 || !page.length) return open();
      return { operation: 'reassign', call: 'cases.reassign', input: move(page, regional) };
    case 'ADVICE':
      if (roll < 0.35) return queue('OPEN');
      if (roll < 0.6) return search();
      if (roll < 0.85)
        return {
          operation: 'register',
          call: 'cases.register',
          input: phoneNotification(municipalityId, [
            { firstName: 'Kuorma', lastName: `Testi-${n}`, birthDate: '2016-04-04' },
          ]),
        };
      return open();
    case 'ASSESSMENT_SW':
      if (roll < 0.35) return queue('ASSESSMENT_WEEK');
      if (roll < 0.7 && newCases.length)
        return {
          operation: 'record urgency',
          call: 'cases.recordUrgency',
          input: { id: newCases.pop()!, urgent: false },
        };
      if (roll < 0.85) return search();
      return open();
    case 'REGIONAL':
      if (roll < 0.5) return queue('MINE');
      if (roll < 0.7) return search();
      return open();
  }
}

/** The figures of one setup: the workstations against the served store for `seconds`. */
async function loadServed(
  setup: Setup,
  servers: ServeProcess[],
  cert: string,
  accounts: Map<Seat, Account[]>,
  municipalityId: string,
  options: { users: number; seconds: number; thinkMs: number },
): Promise<Samples & { calls: number; seconds: number; users: number; thinkMs: number }> {
  const targets = servers.map((s) => ({ url: s.url, cert }));
  const samples: Samples = { byOperation: new Map(), errors: new Map(), events: [], missedEvents: 0 };
  const regional = accounts.get('REGIONAL')!;
  // Each workstation comes from an address of its own behind the load balancer (--trust-proxy): the
  // per-address sign-in limit is for one workstation, not for the county's whole team.
  const workstations: { seat: Seat; cookie: string; target: (typeof targets)[number]; address: string }[] = [];
  for (const [i, seat] of seats(options.users).entries()) {
    const account = accounts.get(seat)![i % accounts.get(seat)!.length]!;
    const target = targets[i % targets.length]!;
    const address = `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const reply = await apiCall(
      target,
      'session.signIn',
      { username: account.username, password: PASSWORD },
      {
        headers: { 'x-forwarded-for': address },
      },
    );
    if (!reply.body.ok) throw new Error(`bench: ${account.username} could not sign in: ${JSON.stringify(reply.body)}`);
    const cookie = sessionCookieOf(reply.setCookie);
    workstations.push({ seat, cookie, target, address });
  }
  // Each lead's page listens; on two instances the two leads are on different ones.
  const streams: EventStream[] = [];
  for (const ws of workstations.filter((w) => w.seat === 'LEAD')) {
    const stream = await httpsEvents(ws.target, ws.cookie, { 'x-forwarded-for': ws.address });
    await stream.next((e) => e.event === 'ready');
    streams.push(stream);
  }
  const registered: { sentAt: number; caseIds: string[] }[] = [];
  const newCases: string[] = [];
  let calls = 0;
  let n = 0;
  // The first WARM_UP_MS of load are not measured: a server just started (its JIT, its connections, the
  // start-up checks) is not what the team works with all day.
  const warm = Date.now() + WARM_UP_MS;
  const until = warm + options.seconds * 1000;
  await Promise.all(
    workstations.map(async (ws) => {
      let page: Listed[] = [];
      await pause(Math.random() * options.thinkMs);
      while (Date.now() < until) {
        const step = nextStep(ws.seat, page, newCases, municipalityId, regional, n++);
        const headers: Record<string, string> = { 'x-forwarded-for': ws.address };
        if (step.call !== 'cases.queue' && step.call !== 'cases.get')
          headers['idempotency-key'] = `bench-${setup.name}-${n}-${Date.now()}`.replace(/[^A-Za-z0-9-]/g, '-');
        const sentAt = Date.now();
        const t = performance.now();
        let reply;
        try {
          reply = await apiCall(ws.target, step.call, step.input, { cookie: ws.cookie, headers });
        } catch (error) {
          const what = `${step.operation}: transport ${(error as Error).message}`;
          samples.errors.set(what, (samples.errors.get(what) ?? 0) + 1);
          continue;
        }
        const ms = performance.now() - t;
        if (sentAt < warm) {
          await pause(options.thinkMs * (0.5 + Math.random()));
          continue;
        }
        calls++;
        if (process.env.LUUKKU_BENCH_SLOW && ms > 300)
          process.stderr.write(
            `slow at ${Math.round(sentAt - warm)} ms: ${Math.round(ms)} ms: ${ws.seat} ${step.call} ${JSON.stringify(step.input).slice(0, 80)}\n`,
          );
        if (!reply.body.ok) {
          const what = `${step.operation}: ${reply.body.error?.code ?? reply.status} (${reply.body.error?.message ?? ''})`;
          samples.errors.set(what, (samples.errors.get(what) ?? 0) + 1);
        } else {
          const times = samples.byOperation.get(step.operation) ?? [];
          times.push(ms);
          samples.byOperation.set(step.operation, times);
          const value = reply.body.value as { rows?: Listed[]; caseIds?: string[] };
          // The cases to open or move next: from a page of open cases (closed ones stay with who closed them).
          if (step.call === 'cases.queue' && (step.input as { view: string }).view !== 'CLOSED')
            page = value.rows!.slice(0, 50);
          if (step.operation === 'register') {
            registered.push({ sentAt, caseIds: value.caseIds! });
            newCases.push(...value.caseIds!);
          }
          // The lead's page shows its own move (the app refreshes it), so the lead does not move the case to the
          // same worker again: the server would rightly refuse that as nothing to move.
          if (step.operation === 'reassign') {
            const { caseIds, toUserId } = step.input as { caseIds: string[]; toUserId: string };
            const to = regional.find((r) => r.id === toUserId)?.display_name ?? null;
            page = page.map((row) => (caseIds.includes(row.id) ? { ...row, assignee: to } : row));
          }
        }
        await pause(options.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  const seconds = (Date.now() - warm) / 1000;
  await pause(1000);
  for (const stream of streams) {
    for (const r of registered) {
      const heard = stream.events.find(
        (e) => e.event === 'message' && (e.data as { caseIds: string[] | null }).caseIds?.includes(r.caseIds[0]!),
      );
      if (heard) samples.events.push(heard.at - r.sentAt);
      else samples.missedEvents++;
    }
    stream.close();
  }
  return { ...samples, calls, seconds, users: options.users, thinkMs: options.thinkMs };
}

/** The same calls dispatched in this process on the same store: what the server adds is the ratio to these. */
async function inProcess(
  setup: Setup,
  accounts: Map<Seat, Account[]>,
  municipalityId: string,
): Promise<Map<Operation, number[]>> {
  const county = await setup.open();
  const times = new Map<Operation, number[]>();
  try {
    const as = async (seat: Seat) => {
      const core = new Core({ county });
      await core.signIn(accounts.get(seat)![0]!.username, PASSWORD);
      return core;
    };
    const lead = await as('LEAD');
    const advice = await as('ADVICE');
    const assessment = await as('ASSESSMENT_SW');
    const regional = accounts.get('REGIONAL')!;
    const page = ((await dispatch(lead, 'cases.queue', { view: 'OPEN' })) as { value: { rows: Listed[] } }).value.rows;
    const measure = async (operation: Operation, core: Core, call: string, input: () => unknown) => {
      const samples: number[] = [];
      for (let i = 0; i < IN_PROCESS_RUNS; i++) {
        const t = performance.now();
        const result = await dispatch(core, call as never, input());
        samples.push(performance.now() - t);
        if (!result.ok) throw new Error(`bench: in process ${call} failed: ${JSON.stringify(result.error)}`);
      }
      times.set(operation, samples);
    };
    let n = 0;
    const registeredHere: string[] = [];
    await measure('queue page', lead, 'cases.queue', () => ({ view: 'OPEN' }));
    await measure('search', advice, 'cases.queue', () => ({ view: n++ % 2 ? 'OPEN' : 'CLOSED', text: pick(SEARCHES) }));
    await measure('open a case', lead, 'cases.get', () => ({ id: pick(page).id }));
    await measure('register', advice, 'cases.register', () =>
      phoneNotification(municipalityId, [
        { firstName: 'Prosessi', lastName: `Sisällä-${n++}`, birthDate: '2016-04-04' },
      ]),
    );
    registeredHere.push(
      ...(
        await county.db
          .selectFrom('cases')
          .select('id')
          .where('child_first_name', '=', 'Prosessi')
          .where('status', '=', 'NEW')
          .execute()
      ).map((c) => c.id),
    );
    await measure('record urgency', assessment, 'cases.recordUrgency', () => ({
      id: registeredHere.pop()!,
      urgent: false,
    }));
    // Each move a case of its own, to a regional worker who does not have it yet.
    const moves: ReturnType<typeof move>[] = [];
    for (let i = 0; i < IN_PROCESS_RUNS; i++) moves.push(move(page.splice(0, 1), regional));
    await measure('reassign', lead, 'cases.reassign', () => moves.shift()!);
  } finally {
    await county.close();
  }
  return times;
}

function print(setup: Setup, served: Awaited<ReturnType<typeof loadServed>>, local: Map<Operation, number[]>) {
  const errors = [...served.errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${setup.name}: ${served.users} users, a call every ${served.thinkMs} ms each on average: ${served.calls} calls in ${round(served.seconds)} s, ${round(served.calls / served.seconds)} calls/s, ${errors} errors`,
  );
  console.log('operation'.padEnd(16), 'count'.padStart(6), '   p50', '   p95', ' in-proc p95', ' ratio', ' goal');
  const rows = [];
  for (const operation of ['queue page', 'search', 'open a case', 'register', 'record urgency', 'reassign'] as const) {
    const s = served.byOperation.get(operation) ?? [];
    const p95 = percentile(s, 95);
    const localP95 = percentile(local.get(operation) ?? [], 95);
    const goal = ['queue page', 'search', 'register'].includes(operation) ? `p95 < ${GOAL_MS} ms` : '';
    const row = {
      operation,
      count: s.length,
      p50: round(percentile(s, 50)),
      p95: round(p95),
      inProcessP95: round(localP95),
      ratio: round(p95 / localP95),
      ...(goal ? { goal, met: p95 < GOAL_MS } : {}),
    };
    rows.push(row);
    console.log(
      operation.padEnd(16),
      String(row.count).padStart(6),
      String(row.p50).padStart(6),
      String(row.p95).padStart(6),
      String(row.inProcessP95).padStart(12),
      String(row.ratio).padStart(6),
      goal ? ` ${goal} ${row.met ? 'met' : 'NOT MET'}` : '',
    );
  }
  const eventP95 = percentile(served.events, 95);
  console.log(
    `live events to the leads' pages: ${served.events.length} delivered, p50 ${round(percentile(served.events, 50))} ms, p95 ${round(eventP95)} ms, ${served.missedEvents} missed (goal p95 < ${EVENT_GOAL_MS} ms and none missed: ${eventP95 < EVENT_GOAL_MS && !served.missedEvents ? 'met' : 'NOT MET'})`,
  );
  for (const [what, count] of served.errors) console.log(`  error ${what}: ${count}`);
  return {
    setup: setup.name,
    calls: served.calls,
    callsPerSecond: round(served.calls / served.seconds),
    errors: Object.fromEntries(served.errors),
    operations: rows,
    events: {
      delivered: served.events.length,
      p50: round(percentile(served.events, 50)),
      p95: round(eventP95),
      missed: served.missedEvents,
    },
  };
}

export async function benchServer(args: string[]): Promise<unknown[]> {
  const option = (name: string, fallback: number) =>
    args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
  const cases = option('--cases', 200_000);
  const options = {
    users: option('--users', 40),
    seconds: option('--seconds', 60),
    thinkMs: option('--think-ms', THINK_MS),
  };
  const dir = mkdtempSync(join(tmpdir(), 'luukku-bench-server-'));
  const pems = await selfSigned();
  writeFileSync(join(dir, 'tls.crt'), pems.cert);
  writeFileSync(join(dir, 'tls.key'), pems.key, { mode: 0o600 });
  const tls = ['--tls-cert', join(dir, 'tls.crt'), '--tls-key', join(dir, 'tls.key')];
  let cluster: Cluster | null = null;
  const results: unknown[] = [];
  try {
    process.stderr.write(`bench --server: building ${cases} cases on encrypted SQLite and on PostgreSQL…\n`);
    const file = join(dir, 'county.db');
    await buildEncrypted(file, cases);
    cluster = startCluster({ tuned: false });
    const pg = await buildPostgres(cluster, cases);
    await pg.close();
    const database = cluster.urlOf(`bench_${cases}`);
    const sqlite: Omit<Setup, 'name' | 'instances'> = {
      store: ['--db', file],
      env: { ...process.env, LUUKKU_PASSPHRASE: BENCH_PASSPHRASE },
      open: async () => {
        const county = new County({ storePath: file, version: 'bench' });
        await county.start();
        await county.unlock(BENCH_PASSPHRASE);
        return county;
      },
    };
    const postgres: Omit<Setup, 'name' | 'instances'> = {
      store: ['--database', database],
      env: process.env,
      open: async () => {
        const county = new County({ storePath: 'bench', database, databaseSchema: 'check', version: 'bench' });
        await county.start();
        return county;
      },
    };
    const setups: Setup[] = [
      { name: 'encrypted SQLite, one instance', instances: 1, ...sqlite },
      { name: 'PostgreSQL, one instance', instances: 1, ...postgres },
      { name: 'PostgreSQL, two instances', instances: 2, ...postgres },
    ];
    for (const setup of setups) {
      const reference = await setup.open();
      const accounts = await accountsOf(reference.db);
      const municipalityId = (
        await reference.db.selectFrom('municipalities').select('id').orderBy('id').executeTakeFirstOrThrow()
      ).id;
      await reference.close();
      process.stderr.write(`bench --server: ${setup.name}: in-process calls…\n`);
      const local = await inProcess(setup, accounts, municipalityId);
      process.stderr.write(`bench --server: ${setup.name}: ${options.users} users for ${options.seconds} s…\n`);
      const servers = await Promise.all(
        Array.from({ length: setup.instances }, () =>
          startServeProcess([...setup.store, ...tls, '--port', '0', '--trust-proxy', '127.0.0.1'], setup.env),
        ),
      );
      try {
        const served = await loadServed(setup, servers, pems.cert, accounts, municipalityId, options);
        results.push(print(setup, served, local));
      } finally {
        for (const server of servers) server.child.kill('SIGTERM');
        await Promise.all(servers.map((s) => s.exited));
      }
    }
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
