/**
 * Where a store's backups are (a `backups` folder beside the store) and which of them belong to it: the
 * store side of the backups area (main/areas/backups/backups.ts), needed before any area runs, when the app
 * finds a store missing but its backups present.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyFilePath, readKeyFile } from '../security/keyfile';

/** A backup's file name: `luukku-YYYYMMDD-HHMMSS.db`, in UTC. */
export const BACKUP_NAME = /^luukku-(\d{8})-(\d{6})\.db$/;
const NAME = BACKUP_NAME;

export const backupFolder = (storePath: string) => join(dirname(storePath), 'backups');

/** The id a store's key file gives it (null when the key file cannot be read). */
function storeIdOf(path: string): string | null {
  try {
    return readKeyFile(path).storeId;
  } catch {
    return null;
  }
}

/**
 * The backups in the store's backup folder, newest first: with `storeId`, only those of that store (their
 * key files name it), so that listing, rotating and restoring never touch another store's backups, such as
 * those of a store that was lost and whose folder a new store now shares.
 */
export function backupNames(storePath: string, storeId?: string): string[] {
  const folder = backupFolder(storePath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => NAME.test(f) && existsSync(keyFilePath(join(folder, f))))
    .filter((f) => storeId === undefined || storeIdOf(join(folder, f)) === storeId)
    .sort()
    .reverse();
}
