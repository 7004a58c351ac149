/**
 * Backups made by the app (issue 7): automatic once a day while the store is open, kept N at a time,
 * each verified after writing (store/backup.ts); listed with a preview of what each holds; restored in
 * place with the damaged or replaced store kept aside, never deleted. The same key opens every backup of
 * a store, so a restore needs no passphrase while the store is open; from the "damaged store" screen it
 * takes the recovery passphrase.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { Core } from '../../app/core';
import { keyFilePath, readKeyFile, unwrapWithPassphrase } from '../../security/keyfile';
import { anchorAsLive, backupStore } from '../../store/backup';
import { recordWitness } from '../../store/auditWitness';
import { anchorPath } from '../../store/auditAnchor';
import { closeAll, kyselyFor, openSqlite, removeStoreFiles, STORE_SIDECARS } from '../../store/open';
import { readSettings } from '../settings/queries';
import { countRows, verifyStoreFile } from '../../store/verify';
import { BACKUP_NAME as NAME, backupFolder, backupNames } from '../../store/backupFolder';

export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface BackupInfo {
  name: string;
  at: string;
  bytes: number;
  cases: number | null;
  auditEntries: number | null;
}

const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const instantOf = (name: string) => {
  const [, d, t] = NAME.exec(name)!;
  return `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}Z`;
};

/** The backups of the store at `storePath` itself. */
const ownBackups = (storePath: string): string[] => backupNames(storePath, readKeyFile(storePath).storeId);

/** What a backup holds, read with the store's key (no names, only counts). */
async function preview(path: string, key: Buffer): Promise<{ cases: number | null; auditEntries: number | null }> {
  try {
    const sqlite = openSqlite(path, key, 'existing');
    const db = kyselyFor(sqlite);
    try {
      return { cases: await countRows(db, 'cases'), auditEntries: await countRows(db, 'audit_log') };
    } finally {
      await closeAll(db, sqlite);
    }
  } catch {
    return { cases: null, auditEntries: null };
  }
}

export async function listBackups(core: Core): Promise<BackupInfo[]> {
  const { key } = core.storeAndKey();
  const folder = backupFolder(core.storePath);
  const list: BackupInfo[] = [];
  for (const name of ownBackups(core.storePath)) {
    const path = join(folder, name);
    list.push({ name, at: instantOf(name), bytes: statSync(path).size, ...(await preview(path, key)) });
  }
  return list;
}

/** A verified backup now, then the oldest beyond the county's "keep" count removed. */
export async function createBackup(core: Core, reason: 'manual' | 'scheduled'): Promise<BackupInfo> {
  const { store, key } = core.storeAndKey();
  const folder = backupFolder(core.storePath);
  mkdirSync(folder, { recursive: true });
  const name = `luukku-${stampOf(core.now())}.db`;
  const out = join(folder, name);
  if (existsSync(out))
    throw new LuukkuError('CONFLICT', 'A backup was made this very second. Wait a moment and try again.');
  const report = await backupStore(
    { sqlite: store.sqlite, path: store.path },
    key,
    readKeyFile(core.storePath),
    out,
    core.witness,
  );
  await core.audit({ actor: core.actor(), action: 'store.backup', details: { name, reason } });
  const keep = (await readSettings(core.db)).backupKeep;
  for (const old of ownBackups(core.storePath).slice(keep)) {
    removeStoreFiles(join(folder, old));
    rmSync(keyFilePath(join(folder, old)), { force: true });
  }
  return {
    name,
    at: instantOf(name),
    bytes: statSync(out).size,
    cases: (await preview(out, key)).cases,
    auditEntries: report.auditEntries,
  };
}

/** The scheduled backup: made if the newest is a day old or there is none. */
export async function backupIfDue(core: Core): Promise<BackupInfo | null> {
  const newest = ownBackups(core.storePath)[0];
  if (newest && core.now().getTime() - Date.parse(instantOf(newest)) < BACKUP_INTERVAL_MS) return null;
  return createBackup(core, 'scheduled');
}

/** Puts a verified backup in the store's place; the store it replaces is kept next to it, renamed. */
async function putBackupInPlace(core: Core, backup: string, key: Buffer): Promise<string> {
  const report = await verifyStoreFile(backup, key, 'backup');
  if (!report.ok)
    throw new LuukkuError(
      'STORE_CORRUPT',
      `The backup ${basename(backup)} does not verify with this store's key: ${report.problems.join('; ')}`,
    );
  const path = core.storePath;
  const aside = `${path}.replaced-${stampOf(core.now())}`;
  const tmp = join(dirname(path), `.${basename(path)}.restore-${process.pid}`);
  await core.replaceStore(key, async () => {
    copyFileSync(backup, tmp);
    // The restored copy gets a live anchor of its own (a backup's anchor never serves as one), and the
    // witness moves back to its head: a rollback, but this one on purpose, and in the log (store.restore).
    const head = anchorAsLive(tmp, key);
    // The store's anchor goes aside with it, as evidence of where the log had got to.
    for (const suffix of ['', ...STORE_SIDECARS])
      if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
    renameSync(anchorPath(tmp), anchorPath(path));
    renameSync(tmp, path);
    // With the store and its key file lost, the backup's own key file comes with it.
    if (!existsSync(keyFilePath(path))) copyFileSync(keyFilePath(backup), keyFilePath(path));
    if (core.witness) recordWitness(core.witness, key, head);
  });
  return basename(aside);
}

export async function restoreBackup(core: Core, name: string): Promise<void> {
  // Only a name from the listing: never a path.
  if (!ownBackups(core.storePath).includes(name)) throw invalidInput(`name: ${name} is not a backup of this store`);
  const actor = core.actor();
  const { key } = core.storeAndKey();
  const aside = await putBackupInPlace(core, join(backupFolder(core.storePath), name), key);
  await core.audit({ actor, action: 'store.restore', details: { name, replacedKeptAs: aside } });
}

/**
 * From the "damaged store" screen: the newest backup that verifies, opened with the recovery passphrase.
 * With the store's key file there, only this store's backups; with the store and its key file both lost,
 * any backup in the folder, each unwrapped with its own key file (the passphrase is the store's).
 */
export async function restoreLatest(core: Core, passphrase: string): Promise<string> {
  const own = existsSync(keyFilePath(core.storePath));
  const storeKey = own ? await unwrapWithPassphrase(readKeyFile(core.storePath), passphrase) : null;
  const names = backupNames(core.storePath, own ? readKeyFile(core.storePath).storeId : undefined);
  let wrongPassphrase = false;
  for (const name of names) {
    const path = join(backupFolder(core.storePath), name);
    let key = storeKey;
    if (!key) {
      try {
        key = await unwrapWithPassphrase(readKeyFile(path), passphrase);
      } catch {
        wrongPassphrase = true;
        continue;
      }
    }
    if (!(await verifyStoreFile(path, key, 'backup')).ok) continue;
    const aside = await putBackupInPlace(core, path, key);
    await core.audit({
      actor: null,
      action: 'store.restore',
      details: { name, replacedKeptAs: aside, from: 'damaged store' },
    });
    return name;
  }
  if (wrongPassphrase && !own)
    throw new LuukkuError('WRONG_PASSPHRASE', 'Wrong recovery passphrase. Nothing was changed.');
  throw new LuukkuError(
    'STORE_CORRUPT',
    'No backup of this store verifies. Contact your IT support; nothing was changed.',
  );
}

/** Checks hourly (and a minute after start) whether the daily backup is due; only while the store is open. */
export function startBackupSchedule(core: Core): () => void {
  const run = () => {
    if (!core.openStore) return;
    backupIfDue(core).catch((error: unknown) => console.error('[luukku] scheduled backup failed', error));
  };
  const first = setTimeout(run, 60_000);
  const hourly = setInterval(run, 60 * 60_000);
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
