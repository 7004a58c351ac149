/**
 * The admin CLI on a PostgreSQL store (issue 19 items 1, 4, 5): `init`, `demo` and `verify` with
 * `--database URL`, and `db init`, which migrates a database as its owner and grants Luukku's service role
 * only what it needs (store/postgresRoles.ts).
 */
import { LuukkuError } from '../../shared/errors';
import { generateDemo } from '../demo/generator';
import { countySettingsExist, DEFAULT_SETTINGS, writeSettings } from '../areas/settings/queries';
import { basename } from 'node:path';
import { keyFilePath } from '../security/keyfile';
import { anchorPath } from '../store/auditAnchor';
import { ensureAnchorKey, type AnchorKey } from '../store/databaseAnchor';
import { openPostgresStore, redactUrl, type PostgresStore } from '../store/postgres';
import { backupDatabase, restoreDatabase } from '../store/postgresBackup';
import { grantServiceRole, roleOfUrl, tryCreateAmcheck } from '../store/postgresRoles';
import { seedCounty } from '../store/seedCounty';
import { storeTransactor, unitOfWork } from '../store/unitOfWork';
import { anchorCheck, verifyDatabase } from '../store/verifyPostgres';
import { parseArgs, passphraseFromEnv, required } from './args';
import { CLI_ACTOR, type Command, type Io } from './command';
import type { StoreChoice } from './storeOption';

type DatabaseChoice = Extract<StoreChoice, { engine: 'postgres' }>;

/**
 * Opens the database as its owner, migrated to this version (its log anchored with the key, if given);
 * `fresh` refuses one that already holds a county.
 */
async function ownerStore(url: string, fresh: boolean, anchor?: AnchorKey): Promise<PostgresStore> {
  const store = await openPostgresStore(url, { schema: 'migrate', anchor });
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

export async function initDatabase(choice: DatabaseChoice, countyName: string, io: Io): Promise<number> {
  const url = choice.url;
  const store = await ownerStore(url, true, choice.anchor);
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
  choice: DatabaseChoice,
  options: { seed: number; cases: number; today?: string; password: string },
  io: Io,
): Promise<number> {
  const store = await ownerStore(choice.url, true, choice.anchor);
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

export async function verifyDatabaseCommand(choice: DatabaseChoice, backup: boolean, io: Io): Promise<number> {
  if (backup)
    throw new LuukkuError(
      'INVALID_INPUT',
      'A PostgreSQL backup file is verified when it is made and again by "restore", each time in a scratch database: --backup is for an encrypted store file.',
    );
  // Read-only: opening checks the version instead of migrating, and keeps no anchor, so a verify never
  // changes the database or the anchor.
  const store = await openPostgresStore(choice.url, { schema: 'check' });
  try {
    const report = await verifyDatabase(store, { anchor: choice.anchor && anchorCheck(choice.anchor, 'live') });
    io.out(report);
    if (!report.ok) io.info(`verify: ${report.problems[0]}`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

export async function backupDatabaseCommand(choice: DatabaseChoice, out: string, io: Io): Promise<number> {
  const store = await openPostgresStore(choice.url, { schema: 'check', anchor: choice.anchor });
  try {
    io.info(`backup: dumping ${store.location} and checking the copy in a scratch database…`);
    const report = await backupDatabase(store, out, { passphrase: passphraseFromEnv(), anchor: choice.anchor });
    await unitOfWork(
      store,
      () => new Date(),
      async (uow) => uow.audit({ actor: CLI_ACTOR, action: 'store.backup', details: { out: basename(out) } }),
    );
    io.info(`Backup written and verified: ${out}`);
    io.out({
      backup: out,
      keyFile: keyFilePath(out),
      anchor: choice.anchor ? anchorPath(out) : null,
      verified: report.ok,
      auditEntries: report.auditEntries,
    });
  } finally {
    await store.close();
  }
  return 0;
}

export async function restoreDatabaseCommand(from: string, choice: DatabaseChoice, io: Io): Promise<number> {
  io.info(`restore: checking ${from} in a scratch database, then restoring it into ${redactUrl(choice.url)}…`);
  const report = await restoreDatabase(from, choice.url, { passphrase: passphraseFromEnv(), anchor: choice.anchor });
  // The restore itself is in the restored log; the live anchor follows it.
  const store = await openPostgresStore(choice.url, { schema: 'check', anchor: choice.anchor });
  try {
    await unitOfWork(
      store,
      () => new Date(),
      async (uow) => uow.audit({ actor: CLI_ACTOR, action: 'store.restore', details: { from: basename(from) } }),
    );
  } finally {
    await store.close();
  }
  io.info(
    `Restored ${from} into ${store.location}. Grant the service role again: luukku db init --owner-url ... --database ...`,
  );
  io.out({ restored: store.location, verified: report.ok, auditEntries: report.auditEntries });
  return 0;
}

const USAGE =
  'Usage: db init --owner-url postgres://owner@host/db --database postgres://service@host/db [--anchor-key FILE] [--county-name NAME]';

/**
 * `db init`: as the owner, migrate the database (and create the county the first time), then grant the
 * service role named in --database what Luukku needs. Safe to run again after an upgrade.
 */
export const db: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what !== 'init') throw new LuukkuError('INVALID_INPUT', USAGE);
  const args = parseArgs(rest, { values: ['owner-url', 'database', 'anchor-key', 'county-name'] });
  const ownerUrl = required(args, 'owner-url');
  const serviceUrl = args.options.get('database') ?? process.env.LUUKKU_DATABASE_URL;
  if (!serviceUrl) throw new LuukkuError('INVALID_INPUT', `--database is required. ${USAGE}`);
  const service = roleOfUrl(serviceUrl);
  if (service.role === roleOfUrl(ownerUrl).role)
    throw new LuukkuError('INVALID_INPUT', 'The service role must not be the owner: Luukku runs with less.');
  const keyPath = args.options.get('anchor-key') ?? process.env.LUUKKU_ANCHOR_KEY;
  const anchor = keyPath ? ensureAnchorKey(keyPath) : undefined;
  const store = await ownerStore(ownerUrl, false, anchor);
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
    if (anchor?.created)
      io.info(
        `Made the anchor key ${anchor.path}: keep it with the Luukku server, readable only by its account, and back it up apart from the database.`,
      );
    io.out({ database: store.location, created, serviceRole: service.role, amcheck, anchorKey: anchor?.path ?? null });
  } finally {
    await store.close();
  }
  return 0;
};
