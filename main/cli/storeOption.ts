/**
 * Which store a command works on (issue 19 item 1, docs/formats.md v1.1): `--db FILE` (the encrypted SQLite
 * store, passphrase from LUUKKU_PASSPHRASE) or `--database postgres://...` (also LUUKKU_DATABASE_URL). One
 * place, so that every command that opens a store takes both alike.
 */
import { LuukkuError } from '../../shared/errors';
import { ensureAnchorKey, readAnchorKey, type AnchorKey } from '../store/databaseAnchor';
import type { Store } from '../store/open';
import { isDatabaseUrl, openPostgresStore, type PostgresOpenOptions } from '../store/postgres';
import { openWithPassphrase } from '../store/storeFiles';
import { passphraseFromEnv, witnessOption, type ParsedArgs } from './args';

/** The options every store-opening command knows, besides its own. */
export const STORE_OPTIONS = ['db', 'database', 'anchor-key'] as const;

/**
 * `anchor`: the Luukku server's anchor key file for a database (`--anchor-key FILE` or LUUKKU_ANCHOR_KEY,
 * store/databaseAnchor.ts), with which the end of its audit log is anchored outside it and checked.
 */
export type StoreChoice = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; anchor?: AnchorKey };

/** `createAnchorKey`: make the anchor key file if it is not there yet (`init`, `demo`: a new county). */
export function storeChoice(args: ParsedArgs, options: { createAnchorKey?: boolean } = {}): StoreChoice {
  const path = args.options.get('db');
  const url = args.options.get('database') ?? (path ? undefined : process.env.LUUKKU_DATABASE_URL);
  if (path && url) throw new LuukkuError('INVALID_INPUT', 'Give either --db FILE or --database URL, not both.');
  if (url) {
    if (!isDatabaseUrl(url))
      throw new LuukkuError('INVALID_INPUT', '--database must be a PostgreSQL URL: postgres://user@host/database');
    const keyPath = args.options.get('anchor-key') ?? process.env.LUUKKU_ANCHOR_KEY;
    return {
      engine: 'postgres',
      url,
      ...(keyPath ? { anchor: options.createAnchorKey ? ensureAnchorKey(keyPath) : readAnchorKey(keyPath) } : {}),
    };
  }
  if (args.options.has('anchor-key'))
    throw new LuukkuError(
      'INVALID_INPUT',
      '--anchor-key is for a PostgreSQL store (--database): an encrypted store file keeps its anchor beside it.',
    );
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
  if (choice.engine === 'postgres') return openPostgresStore(choice.url, { ...options, anchor: choice.anchor });
  const { store } = await openWithPassphrase(choice.path, passphraseFromEnv(), { witness: witnessOption() });
  return store;
}
