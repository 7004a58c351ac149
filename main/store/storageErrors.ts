/**
 * A write the disk refused (full, read-only, an I/O error) is not an internal error: the user can do
 * something about it, and everything committed before is safe (the failed transaction rolled back).
 * SQLite's own codes, as better-sqlite3 reports them, and PostgreSQL's SQLSTATEs and lost connections, as
 * node-postgres reports them (issue 19 item 6), become the same clear messages.
 */
import { LuukkuError } from '../../shared/errors';

const DISK_FULL =
  'The disk is full, so nothing was saved. Everything saved before is safe. Free some space and try again.';

/** Node's socket errors when the database server cannot be reached or went away. */
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** node-postgres's own words for a connection that ended under a query, which carry no code. */
const CONNECTION_LOST_TEXT = /Connection terminated|connection error and is not queryable/;

function postgresError(code: string, message: string): LuukkuError | null {
  // 53100 disk_full, 53200 out_of_memory, 53300 too_many_connections: class 53, insufficient resources.
  if (code === '53100') return new LuukkuError('DISK_FULL', DISK_FULL);
  // 40001 serialization_failure, 40P01 deadlock_detected: the transaction rolled back whole.
  if (code === '40001' || code === '40P01')
    return new LuukkuError(
      'CONFLICT',
      'Someone else changed the same data at the same moment, so nothing was saved. Try again.',
    );
  // Class 08 connection exception, 57P01-03 the server shut down or is starting, 53 out of resources,
  // 58 system error (an I/O error), and node-postgres's own "Connection terminated".
  if (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code.startsWith('53') ||
    code.startsWith('58') ||
    CONNECTION_LOST.has(code) ||
    CONNECTION_LOST_TEXT.test(message)
  )
    return new LuukkuError(
      'STORAGE_ERROR',
      `Luukku lost its connection to the database (${code}), so nothing was saved. Everything saved before is safe. Try again in a moment; if it goes on, tell county IT.`,
    );
  return null;
}

export function storageError(error: unknown): LuukkuError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if (typeof code !== 'string') return CONNECTION_LOST_TEXT.test(message) ? postgresError('08006', message) : null;
  if (!code.startsWith('SQLITE_')) return postgresError(code, message);
  if (code.startsWith('SQLITE_FULL')) return new LuukkuError('DISK_FULL', DISK_FULL);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return new LuukkuError(
      'STORAGE_ERROR',
      `Luukku could not write to its store (${code}), so nothing was saved. Everything saved before is safe. Check that the disk is connected and writable, then try again.`,
    );
  return null;
}
