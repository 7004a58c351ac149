/**
 * The admin CLI on a PostgreSQL store (issue 19 items 1, 4, 5): `init`, `demo` and `verify` with
 * `--database URL`, and `db init`, which migrates a database as its owner and grants Luukku's service role
 * only what it needs (store/postgresRoles.ts).
 */
import { LuukkuError } from '../../shared/errors';
import { generateDemo } from '../demo/generator';
import { countySettingsExist, DEFAULT_SETTINGS, writeSettings } from '../areas/settings/queries';
import { openPostgresStore, redactUrl, type PostgresStore } from '../store/postgres';
import { grantServiceRole, roleOfUrl, tryCreateAmcheck } from '../store/postgresRoles';
import { seedCounty } from '../store/seedCounty';
import { storeTransactor, unitOfWork } from '../store/unitOfWork';
import { verifyDatabase } from '../store/verifyPostgres';
import { parseArgs, required } from './args';
import { CLI_ACTOR, type Command, type Io } from './command';

/** Opens the database as its owner, migrated to this version; `fresh` refuses one that already holds a county. */
async function ownerStore(url: string, fresh: boolean): Promise<PostgresStore> {
  const store = await openPostgresStore(url, { schema: 'migrate' });
  if (fresh && (await countySettingsExist(store.db))) {
    await store.close();
    throw new LuukkuError(
      'STORE_EXISTS',
      `The database ${store.location} already holds a Luukku county; refusing to create another in it.`,
    );
  }
  return store;
}

async function createCounty(store: PostgresStore, countyName: string): Promise<void> {
  await unitOfWork(
    store,
    () => new Date(),
    async (uow) => {
      await writeSettings(uow.trx, { ...DEFAULT_SETTINGS, countyName });
      await seedCounty(uow.trx);
      uow.audit({ actor: CLI_ACTOR, action: 'store.create' });
    },
  );
}

export async function initDatabase(url: string, countyName: string, io: Io): Promise<number> {
  const store = await ownerStore(url, true);
  try {
    await createCounty(store, countyName);
  } finally {
    await store.close();
  }
  io.info(`Created a Luukku county in ${redactUrl(url)}. Start Luukku to create the first team lead account.`);
  io.out({ created: redactUrl(url) });
  return 0;
}

export async function demoDatabase(
  url: string,
  options: { seed: number; cases: number; today?: string; password: string },
  io: Io,
): Promise<number> {
  const store = await ownerStore(url, true);
  try {
    const summary = await generateDemo(storeTransactor(store), {
      ...options,
      progress: (done, total) => io.info(`demo: ${done}/${total} cases`),
    });
    io.info(`Demo county in ${store.location}. Sign in as any listed user with the password "${options.password}".`);
    io.out({ created: store.location, ...summary });
  } finally {
    await store.close();
  }
  return 0;
}

export async function verifyDatabaseCommand(url: string, io: Io): Promise<number> {
  // Read-only: opening checks the version instead of migrating, so a verify never changes the database.
  const store = await openPostgresStore(url, { schema: 'check' });
  try {
    const report = await verifyDatabase(store);
    io.out(report);
    if (!report.ok) io.info(`verify: ${report.problems[0]}`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

const USAGE =
  'Usage: db init --owner-url postgres://owner@host/db --database postgres://service@host/db [--county-name NAME]';

/**
 * `db init`: as the owner, migrate the database (and create the county the first time), then grant the
 * service role named in --database what Luukku needs. Safe to run again after an upgrade.
 */
export const db: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what !== 'init') throw new LuukkuError('INVALID_INPUT', USAGE);
  const args = parseArgs(rest, { values: ['owner-url', 'database', 'county-name'] });
  const ownerUrl = required(args, 'owner-url');
  const serviceUrl = args.options.get('database') ?? process.env.LUUKKU_DATABASE_URL;
  if (!serviceUrl) throw new LuukkuError('INVALID_INPUT', `--database is required. ${USAGE}`);
  const service = roleOfUrl(serviceUrl);
  if (service.role === roleOfUrl(ownerUrl).role)
    throw new LuukkuError('INVALID_INPUT', 'The service role must not be the owner: Luukku runs with less.');
  const store = await ownerStore(ownerUrl, false);
  try {
    const created = !(await countySettingsExist(store.db));
    if (created) await createCounty(store, args.options.get('county-name') ?? 'Itä-Uusimaa');
    await grantServiceRole(store.db, service.role, service.password);
    const amcheck = await tryCreateAmcheck(store.db);
    io.info(
      `${created ? 'Created the county in' : 'Migrated'} ${store.location}; the role ${service.role} may now run Luukku (luukku serve --database ...).`,
    );
    if (!amcheck)
      io.info('The amcheck extension could not be created (it needs a superuser): ask county IT, for "luukku verify".');
    io.out({ database: store.location, created, serviceRole: service.role, amcheck });
  } finally {
    await store.close();
  }
  return 0;
};
