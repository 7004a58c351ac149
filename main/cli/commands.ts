/**
 * The admin CLI's commands (docs/formats.md): JSON for machines on stdout, messages on stderr.
 * Each runs the same services as the desktop app, headless.
 */
import { readFileSync } from 'node:fs';
import { LuukkuError } from '../../shared/errors';
import { caseDeadlines } from '../../shared/calendar';
import { isLocalDate } from '../../shared/dates';
import { generateDemo } from '../demo/generator';
import { readKeyFile, unwrapWithPassphrase } from '../security/keyfile';
import { storeTransactor, unitOfWork, type Transactor } from '../store/unitOfWork';
import { backupStore, restoreStore } from '../store/backup';
import { DEFAULT_SETTINGS, writeSettings } from '../areas/settings/queries';
import { seedCounty } from '../store/seedCounty';
import { verifyStoreFile } from '../store/verify';
import { importCasesCsv } from '../areas/cases/importCases';
import { importStaffCsv } from '../areas/staff/importStaff';
import { importMeetingsCsv } from '../areas/assessment/importMeetings';
import { importFeedbackCsv } from '../areas/assessment/feedback';
import { createStoreFiles, openWithPassphrase } from '../store/storeFiles';
import { dateOption, integerOption, parseArgs, passphraseFromEnv, required, witnessOption } from './args';
import { serve } from './serve';
import { openChosenStore, STORE_OPTIONS, storeChoice } from './storeOption';
import {
  backupDatabaseCommand,
  db,
  demoDatabase,
  initDatabase,
  restoreDatabaseCommand,
  verifyDatabaseCommand,
} from './database';
import { CLI_ACTOR, type Command } from './command';
import { report } from './report';
import { roster } from './roster';
import { accessLog } from './accessLog';

const init: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'county-name'] });
  const countyName = args.options.get('county-name') ?? 'Itä-Uusimaa';
  const choice = storeChoice(args, { createAnchorKey: true });
  if (choice.engine === 'postgres') return initDatabase(choice, countyName, io);
  const path = choice.path;
  const { store } = await createStoreFiles(path, passphraseFromEnv(), { witness: witnessOption() }, (s) =>
    unitOfWork(
      s,
      () => new Date(),
      async (uow) => {
        await writeSettings(uow.trx, { ...DEFAULT_SETTINGS, countyName });
        await seedCounty(uow.trx);
        uow.audit({ actor: CLI_ACTOR, action: 'store.create' });
      },
    ),
  );
  await store.close();
  io.info(
    `Created an encrypted store at ${path} (key file ${path}.keys). Start Luukku to create the first team lead account.`,
  );
  io.out({ created: path, keyFile: `${path}.keys` });
  return 0;
};

const demo: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'seed', 'cases', 'today'] });
  const choice = storeChoice(args, { createAnchorKey: true });
  const seed = integerOption(args, 'seed', 1, 0, 2 ** 31 - 1);
  const cases = integerOption(args, 'cases', 600, 0, 2_000_000);
  const today = dateOption(args, 'today');
  const password = process.env.LUUKKU_DEMO_PASSWORD ?? 'luukku-demo';
  if (password.length < 10)
    throw new LuukkuError('INVALID_INPUT', 'LUUKKU_DEMO_PASSWORD must be at least 10 characters.');
  if (choice.engine === 'postgres')
    return demoDatabase(choice, { seed, cases, ...(today ? { today } : {}), password }, io);
  const path = choice.path;
  let summary: Awaited<ReturnType<typeof generateDemo>> | undefined;
  const { store } = await createStoreFiles(path, passphraseFromEnv(), { witness: witnessOption() }, async (s) => {
    summary = await generateDemo(storeTransactor(s), {
      seed,
      cases,
      ...(today ? { today } : {}),
      password,
      progress: (done, total) => io.info(`demo: ${done}/${total} cases`),
    });
  });
  await store.close();
  io.info(`Demo store at ${path}. Sign in as any listed user with the password "${password}".`);
  io.out({ created: path, ...summary });
  return 0;
};

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new LuukkuError('INVALID_INPUT', `Cannot read ${file}.`);
  }
}

const importCommand: Command = async (argv, io) => {
  const [what, ...rest] = argv;
  if (what === 'staff') return importStaff(rest, io);
  if (what === 'meetings') return importMeetings(rest, io);
  if (what === 'feedback') return importFeedback(rest, io);
  if (what !== 'cases')
    throw new LuukkuError(
      'INVALID_INPUT',
      'Usage: import cases STORE --file F.csv [--skip-invalid] | import staff STORE --file F.csv | import meetings STORE --file F.csv | import feedback STORE --file F.csv (STORE: --db FILE or --database URL)',
    );
  const args = parseArgs(rest, { values: [...STORE_OPTIONS, 'file'], flags: ['skip-invalid'] });
  const text = readInput(required(args, 'file'));
  const store = await openChosenStore(args);
  try {
    const result = await importCasesCsv(storeTransactor(store), text, {
      skipInvalid: args.options.has('skip-invalid'),
      now: new Date(),
      actor: CLI_ACTOR,
      // The admin CLI is how a county migrates its earlier records, history included; the log says so.
      userId: null,
      history: 'MIGRATION',
      onProgress: ({ phase, done, total }) =>
        phase === 'WRITING' && total > 5000 && done % 20_000 < 300 && io.info(`import: ${done}/${total}`),
    });
    io.out(result);
    if (result.conflicts.length) {
      const c = result.conflicts[0]!;
      io.info(
        `import: ${result.conflicts.length} value(s) differ from what was recorded in Luukku and were not overwritten; first on line ${c.line}: ${c.field} is ${c.inLuukku} in Luukku, ${c.inFile} in the file.`,
      );
    }
    if (result.rejected.length) {
      io.info(
        args.options.has('skip-invalid') || result.imported
          ? `import: ${result.rejected.length} invalid row(s) skipped.`
          : `import: nothing imported; ${result.rejected.length} invalid row(s), first on line ${result.rejected[0]!.line}: ${result.rejected[0]!.error}`,
      );
    }
    return result.rejected.length && !args.options.has('skip-invalid') ? 1 : 0;
  } finally {
    await store.close();
  }
};

/** An all-or-nothing import: prints its counts, and when a row was invalid (nothing written) the first of them. */
function wholeFileImport(
  what: string,
  run: (store: Transactor, text: string) => Promise<{ rejected: { line: number; error: string }[] }>,
): Command {
  return async (argv, io) => {
    const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'file'] });
    const text = readInput(required(args, 'file'));
    const store = await openChosenStore(args);
    try {
      const result = await run(storeTransactor(store), text);
      io.out(result);
      const first = result.rejected[0];
      if (first)
        io.info(
          `import ${what}: nothing imported; ${result.rejected.length} invalid row(s), first on line ${first.line}: ${first.error}`,
        );
      return first ? 1 : 0;
    } finally {
      await store.close();
    }
  };
}

const importStaff = wholeFileImport('staff', (store, text) =>
  importStaffCsv(store, text, { now: new Date(), actor: CLI_ACTOR }),
);

const importMeetings = wholeFileImport('meetings', (store, text) =>
  importMeetingsCsv(store, text, { now: new Date(), actor: CLI_ACTOR }),
);

const importFeedback = wholeFileImport('feedback', (store, text) =>
  importFeedbackCsv(store, text, { now: new Date(), actor: CLI_ACTOR }),
);

const deadlines: Command = async (argv, io) => {
  if (argv.length === 0)
    throw new LuukkuError('INVALID_INPUT', 'Give one or more pending dates, e.g. deadlines 2026-12-22.');
  const bad = argv.find((d) => !isLocalDate(d));
  if (bad !== undefined) throw new LuukkuError('INVALID_INPUT', `Not a calendar date (YYYY-MM-DD): ${bad}`);
  for (const date of argv) {
    const d = caseDeadlines(date);
    io.line(`${date} ${d.startDue} ${d.completeDue}`);
  }
  return 0;
};

async function keyFor(path: string): Promise<{ key: Buffer; keyFile: ReturnType<typeof readKeyFile> }> {
  const keyFile = readKeyFile(path);
  return { key: await unwrapWithPassphrase(keyFile, passphraseFromEnv()), keyFile };
}

const backup: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'out'] });
  const out = required(args, 'out');
  const choice = storeChoice(args);
  if (choice.engine === 'postgres') return backupDatabaseCommand(choice, out, io);
  const { store, key, keyFile } = await openWithPassphrase(choice.path, passphraseFromEnv(), {
    witness: witnessOption(),
  });
  try {
    const report = await backupStore({ sqlite: store.sqlite, path: store.path }, key, keyFile, out, witnessOption());
    await unitOfWork(
      store,
      () => new Date(),
      async (uow) => uow.audit({ actor: CLI_ACTOR, action: 'store.backup', details: { out } }),
    );
    io.info(`Backup written and verified: ${out}`);
    io.out({ backup: out, keyFile: `${out}.keys`, verified: report.ok, auditEntries: report.auditEntries });
  } finally {
    await store.close();
  }
  return 0;
};

const restore: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: ['from', ...STORE_OPTIONS] });
  const from = required(args, 'from');
  const choice = storeChoice(args);
  if (choice.engine === 'postgres') return restoreDatabaseCommand(from, choice, io);
  const to = choice.path;
  const { key, keyFile } = await keyFor(from);
  const report = await restoreStore(from, key, keyFile, to);
  io.info(`Restored ${from} to ${to}.`);
  io.out({ restored: to, keyFile: `${to}.keys`, verified: report.ok, auditEntries: report.auditEntries });
  return 0;
};

const verify: Command = async (argv, io) => {
  const args = parseArgs(argv, { values: [...STORE_OPTIONS, 'witness'], flags: ['backup'] });
  const choice = storeChoice(args);
  if (choice.engine === 'postgres') return verifyDatabaseCommand(choice, args.options.has('backup'), io);
  const path = choice.path;
  const { key } = await keyFor(path);
  // A backup copy carries a backup's anchor, which never passes as a live store's: say which is checked.
  const backup = args.options.has('backup');
  const report = await verifyStoreFile(path, key, backup ? 'backup' : 'live', backup ? undefined : witnessOption(args));
  io.out(report);
  if (!report.ok) io.info(`verify: ${report.problems[0]}`);
  return report.ok ? 0 : 1;
};

export const commands: Record<string, Command> = {
  init,
  demo,
  import: importCommand,
  deadlines,
  report,
  roster,
  backup,
  restore,
  verify,
  'access-log': accessLog,
  db,
  serve,
};

export const USAGE = `Usage: npm run --silent luukku -- <command> [options]
STORE is --db FILE (the encrypted SQLite store) or --database postgres://... (also LUUKKU_DATABASE_URL);
with --database, --anchor-key FILE (also LUUKKU_ANCHOR_KEY) is the server's key that anchors the audit log.
  init STORE [--county-name NAME]          create a new store (a file, or a county in an empty database)
  demo STORE [--seed N] [--cases N] [--today YYYY-MM-DD]
                                           create a store full of synthetic data
  import cases STORE --file F.csv [--skip-invalid]
                                           import cases (all or nothing unless --skip-invalid)
  import staff STORE --file F.csv          import workers
  import meetings STORE --file F.csv       import assessment meetings (formats v1.2)
  import feedback STORE --file F.csv       import a survey tool's feedback answers (formats v1.2)
  deadlines DATE...                        print DATE START_DUE COMPLETE_DUE per pending date
  report thl STORE --from D --to D [--as-of D] [--format json|csv]
                                           deadline-monitoring report for THL
  roster solve --scenario F.json [--out F.json]
                                           solve a duty-roster scenario (no store needed)
  backup STORE --out FILE                  consistent, verified backup (a file: encrypted copy and its
                                           .keys; a database: pg_dump -Fc, checked in a scratch database)
  restore --from FILE STORE                restore a verified backup to a new file or an empty database
  verify STORE [--backup] [--witness FILE]
                                           integrity and audit-chain check (exit 1 on any problem);
                                           --backup for a backup copy, --witness for the last-seen head
                                           kept outside the store folder (also LUUKKU_WITNESS)
  access-log STORE --case ID [--format json|csv] [--language fi|sv|en]
                                           who used the data of this case's child, and when (703/2023 § 11)
  db init --owner-url URL --database URL [--anchor-key FILE] [--county-name NAME]
                                           PostgreSQL: migrate as the owner, create the county the first
                                           time, grant the service role in --database least privilege,
                                           make the anchor key (owner-only) if it is not there
  serve STORE [--host H] [--port N] [--tls-cert F --tls-key F] [--insecure-http] [--trust-proxy IP]
                                           the county server over HTTPS (a self-signed certificate for
                                           localhost without the county's; plain HTTP on loopback only;
                                           --trust-proxy: the load balancer whose X-Forwarded-For counts)
  serve --trial [--port N]                 a demo county made for the run, on this machine only
The recovery passphrase is read from LUUKKU_PASSPHRASE.`;
