/**
 * `luukku serve` (issue 20 item 1): the county server on an encrypted store file (`--db FILE`, unlocked
 * with LUUKKU_PASSPHRASE) or a PostgreSQL database (`--database URL`, with the server's `--anchor-key`).
 * It runs until SIGINT or SIGTERM, then finishes the requests under way and closes the store. `--trial`
 * serves a demo county made for the run (`npm start` where Electron is missing).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { LuukkuError } from '../../shared/errors';
import { County } from '../app/county';
import { generateDemo } from '../demo/generator';
import { createStoreFiles } from '../store/storeFiles';
import { storeTransactor } from '../store/unitOfWork';
import { redactUrl } from '../store/postgres';
import { listen, DEFAULT_PORT } from '../server/listen';
import { integerOption, parseArgs, passphraseFromEnv, witnessOption } from './args';
import type { Command } from './command';
import { STORE_OPTIONS, storeChoice } from './storeOption';

const VERSION = packageJson.version;

/**
 * `serve --trial`: a demo county in a temporary folder, made at start and removed at the end, with a random
 * passphrase nobody needs to know: what `npm start` offers in the browser where Electron is missing.
 */
async function trialCounty(io: Parameters<Command>[1]): Promise<{ county: County; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-trial-'));
  const path = join(dir, 'trial.db');
  const passphrase = randomBytes(24).toString('base64url');
  const password = process.env.LUUKKU_DEMO_PASSWORD ?? 'luukku-demo';
  io.info('serve: making a trial county with demo data (fictional families)…');
  let lead = '';
  const { store } = await createStoreFiles(path, passphrase, {}, async (s) => {
    const summary = await generateDemo(storeTransactor(s), { seed: 1, cases: 600, password });
    lead = summary.users.find((u) => u.role === 'LEAD')!.username;
  });
  await store.close();
  const county = new County({ storePath: path, version: VERSION });
  await county.start();
  await county.unlock(passphrase);
  io.info(`serve: sign in as "${lead}" (a team lead) with the password "${password}"; the other demo users too.`);
  return { county, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function countyOf(args: ReturnType<typeof parseArgs>): Promise<County> {
  const choice = storeChoice(args);
  const county =
    choice.engine === 'postgres'
      ? new County({
          storePath: redactUrl(choice.url),
          database: choice.url,
          databaseSchema: 'check',
          anchorKey: choice.anchor,
          version: VERSION,
        })
      : new County({ storePath: choice.path, version: VERSION, quickCheck: true, witness: witnessOption() });
  await county.start();
  try {
    if (choice.engine === 'sqlite') await county.unlock(passphraseFromEnv());
    const blocked = county.blockedMessage;
    if (blocked) throw new LuukkuError('STORE_MISSING', blocked);
  } catch (error) {
    await county.close();
    throw error;
  }
  return county;
}

export const serve: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [...STORE_OPTIONS, 'host', 'port', 'tls-cert', 'tls-key', 'trust-proxy'],
    flags: ['insecure-http', 'trial'],
  });
  const certPath = args.options.get('tls-cert');
  const keyPath = args.options.get('tls-key');
  if (!!certPath !== !!keyPath) throw new LuukkuError('INVALID_INPUT', 'Give both --tls-cert and --tls-key.');
  const trial = args.options.has('trial');
  if (trial && (args.options.has('db') || args.options.has('database') || args.options.has('host')))
    throw new LuukkuError(
      'INVALID_INPUT',
      '--trial makes its own store on this machine: leave out --db, --database and --host.',
    );
  const { county, cleanup } = trial ? await trialCounty(io) : { county: await countyOf(args), cleanup: () => {} };
  try {
    const server = await listen({
      county,
      version: VERSION,
      host: args.options.get('host'),
      port: integerOption(args, 'port', DEFAULT_PORT, 0, 65535),
      tls:
        certPath && keyPath ? { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') } : undefined,
      insecureHttp: args.options.has('insecure-http'),
      trustProxy: args.options.get('trust-proxy'),
    });
    io.info(`Luukku serves ${trial ? 'a trial county' : county.storePath} at ${server.url}`);
    if (server.fingerprint && !certPath)
      io.info(
        `A self-signed certificate for localhost (the browser warns once); its SHA-256 fingerprint: ${server.fingerprint}`,
      );
    io.out({ url: server.url, fingerprint: server.fingerprint });
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    io.info('serve: stopping, finishing the requests under way…');
    await server.close();
  } finally {
    await county.close();
    cleanup();
  }
  return 0;
};
