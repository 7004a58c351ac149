/**
 * A write the disk refused (full, read-only, an I/O error) is not an internal error: the user can do
 * something about it, and everything committed before is safe (the failed transaction rolled back).
 * SQLite's own codes, as better-sqlite3 reports them, become one clear message.
 */
import { LuukkuError } from '../../shared/errors';

export function storageError(error: unknown): LuukkuError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL'))
    return new LuukkuError(
      'DISK_FULL',
      'The disk is full, so nothing was saved. Everything saved before is safe. Free some space and try again.',
    );
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return new LuukkuError(
      'STORAGE_ERROR',
      `Luukku could not write to its store (${code}), so nothing was saved. Everything saved before is safe. Check that the disk is connected and writable, then try again.`,
    );
  return null;
}
