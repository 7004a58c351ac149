/**
 * Consistent encrypted backups of a live store (docs/architecture.md): `db.backup()` fails on an encrypted
 * store and `serialize()` returns plaintext, so we copy the encrypted files themselves while holding the
 * write lock, then open the copy with the key and check it before calling it a backup.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LuukkuError } from '../../shared/errors';
import { keyFilePath, writeKeyFile, type KeyFile } from '../security/keyfile';
import { anchorPath, committedHead, writeAnchor, type ChainHead } from './auditAnchor';
import type { HeadWitness } from './auditWitness';
import { openSqlite, removeStoreFiles, type SqliteHandle } from './open';
import { verifyStoreFile, type VerifyReport } from './verify';

/** The anchor of `from` goes with its copy, so that the copy is checked against it. */
function copyAnchor(from: string, to: string): void {
  if (existsSync(anchorPath(from))) copyFileSync(anchorPath(from), anchorPath(to));
}

/**
 * A verified backup copy about to become a live store gets a live anchor at its own head (its backup
 * anchor can never serve as one); the head is returned for the witness, which a restore moves on purpose.
 */
export function anchorAsLive(path: string, key: Buffer): ChainHead {
  const sqlite = openSqlite(path, key, 'existing');
  try {
    const head = committedHead(sqlite);
    writeAnchor(path, key, head, 'live');
    return head;
  } finally {
    sqlite.close();
  }
}

/** The key file that travels with a backup: passphrase-wrapped only (a keychain entry is per machine). */
export function portableKeyFile(file: KeyFile): KeyFile {
  return { ...file, keychain: undefined };
}

/** A verified copy becomes the file at `path`, with the key file that opens it. */
function putInPlace(tmp: string, path: string, keyFile: KeyFile): void {
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  if (existsSync(anchorPath(tmp))) renameSync(anchorPath(tmp), anchorPath(path));
  renameSync(tmp, path);
  writeKeyFile(keyFilePath(path), portableKeyFile(keyFile), { overwrite: false });
}

export async function backupStore(
  live: { sqlite: SqliteHandle; path: string },
  key: Buffer,
  keyFile: KeyFile,
  out: string,
  witness?: HeadWitness,
): Promise<VerifyReport> {
  if (existsSync(out) || existsSync(keyFilePath(out))) {
    throw new LuukkuError('STORE_EXISTS', `${out} already exists; choose a new file for the backup.`);
  }
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  removeStoreFiles(tmp);
  try {
    // Keep the WAL short first; other writers may still be active, so "busy" here is fine.
    live.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // With the write lock held, no commit and no automatic checkpoint can change the files under us.
    live.sqlite.exec('BEGIN IMMEDIATE');
    try {
      copyFileSync(live.path, tmp);
      if (existsSync(`${live.path}-wal`)) copyFileSync(`${live.path}-wal`, `${tmp}-wal`);
      copyAnchor(live.path, tmp);
    } finally {
      live.sqlite.exec('COMMIT');
    }
    // Fold the copied WAL into the copy so the backup is one self-contained file.
    const copy = openSqlite(tmp, key, 'existing');
    copy.pragma('wal_checkpoint(TRUNCATE)');
    const head = committedHead(copy);
    copy.close();
    // Checked against the live store's anchor (and witness), then anchored as a backup at its own head.
    const report = await verifyStoreFile(tmp, key, 'live', witness);
    if (!report.ok) throw new LuukkuError('STORE_CORRUPT', `The backup did not verify: ${report.problems.join('; ')}`);
    writeAnchor(tmp, key, head, 'backup');
    putInPlace(tmp, out, keyFile);
    return report;
  } catch (error) {
    removeStoreFiles(tmp);
    throw error;
  }
}

/** Restores a verified backup (and its key file) to a new path, and verifies the result. */
export async function restoreStore(from: string, key: Buffer, keyFile: KeyFile, to: string): Promise<VerifyReport> {
  if (existsSync(to) || existsSync(keyFilePath(to))) {
    throw new LuukkuError('STORE_EXISTS', `${to} already exists; restore to a new path.`);
  }
  const before = await verifyStoreFile(from, key, 'backup');
  if (!before.ok) throw new LuukkuError('STORE_CORRUPT', `The backup is damaged: ${before.problems.join('; ')}`);
  const tmp = join(dirname(to), `.${basename(to)}.tmp-${process.pid}`);
  try {
    copyFileSync(from, tmp);
    anchorAsLive(tmp, key);
    const after = await verifyStoreFile(tmp, key);
    if (!after.ok)
      throw new LuukkuError('STORE_CORRUPT', `The restored copy did not verify: ${after.problems.join('; ')}`);
    putInPlace(tmp, to, keyFile);
    return after;
  } catch (error) {
    removeStoreFiles(tmp);
    throw error;
  }
}
