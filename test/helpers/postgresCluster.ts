/**
 * A throwaway PostgreSQL cluster for the tests and the bench (issue 19 item 7): Debian's server binaries,
 * `initdb --data-checksums` in a temp dir, listening on a Unix socket in that dir only (no TCP port), run as
 * an unprivileged user (the `postgres` account when we are root), stopped and removed afterwards.
 * `LUUKKU_TEST_DATABASE_URL` names an existing server instead (its user must be allowed to create databases).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { postgresBinDir } from '../../main/store/postgresBin';
import pg from 'pg';
import { openPostgresStore, withDatabase } from '../../main/store/postgres';
import { generateDemo } from '../../main/demo/generator';
import { storeTransactor } from '../../main/store/unitOfWork';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** A connection URL of the cluster's superuser to its `postgres` database. */
  adminUrl: string;
  /** The URL of another database in the same cluster, as the same superuser. */
  urlOf(database: string): string;
  /** Restarts the server (fast shutdown: open transactions roll back, connections drop), as a failover would. */
  restart(): void;
  stop(): void;
}

const SUPERUSER = 'luukku_admin';

function runAs(user: string | null, command: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
}

/**
 * Starts a cluster. `tuned: false` keeps PostgreSQL's durable defaults (the bench); the tests turn off
 * fsync, which a process kill does not need (the OS still has the data) and which a test never survives
 * an OS crash for anyway.
 */
export function startCluster(options: { tuned?: boolean } = {}): Cluster {
  const external = process.env.LUUKKU_TEST_DATABASE_URL;
  if (external)
    return {
      adminUrl: external,
      urlOf: (db) => withDatabase(external, db),
      restart: () => {
        throw new Error('An external test server (LUUKKU_TEST_DATABASE_URL) is not restarted by the tests.');
      },
      stop: () => {},
    };
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: the PostgreSQL test suite needs its server binaries (Debian: apt-get install -y postgresql), or LUUKKU_TEST_DATABASE_URL naming a server.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'luukku-pg-'));
  // initdb refuses to run as root: the cluster belongs to the unprivileged postgres account then.
  const user = process.getuid?.() === 0 ? 'postgres' : null;
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAs(user, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    SUPERUSER,
    '--auth=trust',
    '--data-checksums',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const settings = [
    `-k ${dir}`,
    "-c listen_addresses=''",
    '-c max_connections=200',
    ...(options.tuned === false ? [] : ['-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off']),
  ].join(' ');
  const log = join(dir, 'server.log');
  runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', log, '-w', 'start']);
  const adminUrl = `postgresql://${SUPERUSER}@localhost/postgres?host=${encodeURIComponent(dir)}`;
  let stopped = false;
  return {
    adminUrl,
    urlOf: (db) => withDatabase(adminUrl, db),
    restart() {
      // With the log file, as at start: without it the new server holds the caller's output pipe open.
      runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', log, '-m', 'fast', '-w', 'restart']);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A database of its own on `cluster`, migrated and filled by the demo generator: its URL. */
export async function demoDatabase(
  cluster: Cluster,
  name: string,
  demo: { seed: number; cases: number; today: string; password: string },
): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = cluster.urlOf(name);
  const store = await openPostgresStore(url, { schema: 'migrate' });
  try {
    await generateDemo(storeTransactor(store), demo);
  } finally {
    await store.close();
  }
  return url;
}
