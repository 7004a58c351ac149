/**
 * Creating and opening a store together with its key file. Used alike by the desktop app, the admin CLI
 * and the tests, so that there is one way a store comes to exist and one way it is unlocked.
 */
import { existsSync } from 'node:fs';
import { LuukkuError } from '../../shared/errors';
import { isAcceptablePassphrase } from '../../shared/strength';
import {
  keyFilePath,
  newKeyFile,
  readKeyFile,
  unwrapWithPassphrase,
  writeKeyFile,
  type KeyFile,
} from '../security/keyfile';
import { openStore, removeStoreFiles, type OpenOptions, type SqliteStore } from './open';
import { backupFolder, backupNames } from './backupFolder';

export function assertStrongPassphrase(passphrase: string): void {
  if (!isAcceptablePassphrase(passphrase)) {
    throw new LuukkuError(
      'WEAK_PASSPHRASE',
      'The recovery passphrase is too easy to guess: use at least 12 characters, for example four or five unrelated words.',
    );
  }
}

/**
 * Creates an empty, migrated, encrypted store and its key file. `fill` runs inside the first
 * transaction; if anything fails, no file is left behind.
 */
export async function createStoreFiles(
  path: string,
  passphrase: string,
  options: OpenOptions,
  fill: (store: SqliteStore) => Promise<void>,
): Promise<{ store: SqliteStore; key: Buffer; keyFile: KeyFile }> {
  assertStrongPassphrase(passphrase);
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw new LuukkuError('STORE_EXISTS', `A store or key file already exists at ${path}; refusing to overwrite it.`);
  }
  if (backupNames(path).length) {
    throw new LuukkuError(
      'STORE_EXISTS',
      `Backups of another store are in ${backupFolder(path)}. Restore one of them, or create the new store in another folder; a new store here would in time rotate those backups away.`,
    );
  }
  const { key, file } = await newKeyFile(passphrase);
  let store: SqliteStore | undefined;
  try {
    store = await openStore(path, key, 'create', options);
    await fill(store);
    writeKeyFile(keyFilePath(path), file, { overwrite: false });
    return { store, key, keyFile: file };
  } catch (error) {
    await store?.close();
    removeStoreFiles(path);
    throw error;
  }
}

/** Unwraps the key with the recovery passphrase, then opens. A wrong passphrase touches no file. */
export async function openWithPassphrase(
  path: string,
  passphrase: string,
  options: OpenOptions = {},
): Promise<{ store: SqliteStore; key: Buffer; keyFile: KeyFile }> {
  if (!existsSync(path)) throw new LuukkuError('STORE_MISSING', `No store at ${path}.`);
  const keyFile = readKeyFile(path);
  const key = await unwrapWithPassphrase(keyFile, passphrase);
  const store = await openStore(path, key, 'existing', options);
  return { store, key, keyFile };
}
