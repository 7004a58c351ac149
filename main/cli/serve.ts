/**
 * `luukku serve` (issue 20 item 1): the county server on an encrypted store file (`--db FILE`, unlocked
 * with LUUKKU_PASSPHRASE) or a PostgreSQL database (`--database URL`, with the server's `--anchor-key`).
 * It runs until SIGINT or SIGTERM, then finishes the requests under way and closes the store.
 */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import packageJson from '../../package.json';
import { LuukkuError } from '../../shared/errors';
import { County } from '../app/county';
import { redactUrl } from '../store/postgres';
import { listen, DEFAULT_PORT } from '../server/listen';
import { integerOption, parseArgs, passphraseFromEnv, witnessOption } from './args';
import type { Command } from './command';
import { STORE_OPTIONS, storeChoice } from './storeOption';

const VERSION = packageJson.version;

export const serve: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [...STORE_OPTIONS, 'host', 'port', 'tls-cert', 'tls-key'],
    flags: ['insecure-http'],
  });
  const choice = storeChoice(args);
  const certPath = args.options.get('tls-cert');
  const keyPath = args.options.get('tls-key');
  if (!!certPath !== !!keyPath) throw new LuukkuError('INVALID_INPUT', 'Give both --tls-cert and --tls-key.');
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
    const server = await listen({
      county,
      version: VERSION,
      host: args.options.get('host'),
      port: integerOption(args, 'port', DEFAULT_PORT, 0, 65535),
      tls:
        certPath && keyPath ? { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') } : undefined,
      insecureHttp: args.options.has('insecure-http'),
    });
    io.info(`Luukku serves ${county.storePath} at ${server.url}`);
    if (server.fingerprint && !certPath)
      io.info(`A self-signed certificate for localhost; its SHA-256 fingerprint: ${server.fingerprint}`);
    io.out({ url: server.url, fingerprint: server.fingerprint });
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    io.info('serve: stopping, finishing the requests under way…');
    await server.close();
  } finally {
    await county.close();
  }
  return 0;
};
