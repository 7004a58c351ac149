/**
 * Which store a command works on (issue 19 item 1, docs/formats.md v1.1): `--db FILE` (the encrypted SQLite
 * store, passphrase from LUUKKU_PASSPHRASE) or `--database postgres://...` (also LUUKKU_DATABASE_URL). One
 * place, so that every command that opens a store takes both alike.
 */
import { LuukkuError } from '../../shared/errors';
import type { Store } from '../store/open';
import { isDatabaseUrl, openPostgresStore, type PostgresOpenOptions } from '../store/postgres';
import { openWithPassphrase } from '../store/storeFiles';
import { passphraseFromEnv, witnessOption, type ParsedArgs } from './args';

/** The options every store-opening command knows, besides its own. */
export const STORE_OPTIONS = ['db', 'database'] as const;

export type StoreChoice = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export function storeChoice(args: ParsedArgs): StoreChoice {
  const path = args.options.get('db');
  const url = args.options.get('database') ?? (path ? undefined : process.env.LUUKKU_DATABASE_URL);
  if (path && url) throw new LuukkuError('INVALID_INPUT', 'Give either --db FILE or --database URL, not both.');
  if (url) {
    if (!isDatabaseUrl(url))
      throw new LuukkuError('INVALID_INPUT', '--database must be a PostgreSQL URL: postgres://user@host/database');
    return { engine: 'postgres', url };
  }
  if (path) return { engine: 'sqlite', path };
  throw new LuukkuError('INVALID_INPUT', '--db FILE or --database URL (or LUUKKU_DATABASE_URL) is required.');
}

/**
 * Opens an existing store: the file with the recovery passphrase, or the database (which must already be
 * at this version: `luukku db init` migrates it, with the owner's URL).
 */
export async function openChosenStore(
  args: ParsedArgs,
  options: PostgresOpenOptions = { schema: 'check' },
): Promise<Store> {
  const choice = storeChoice(args);
  if (choice.engine === 'postgres') return openPostgresStore(choice.url, options);
  const { store } = await openWithPassphrase(choice.path, passphraseFromEnv(), { witness: witnessOption() });
  return store;
}
