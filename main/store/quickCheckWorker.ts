/**
 * SQLite's quick check of a store in its own thread and connection (every page read, and with the
 * authenticated cipher every page's tag checked), so that opening the store does not wait for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './open';

const { path, key } = workerData as { path: string; key: Uint8Array };
let problems: string[];
try {
  const sqlite = openSqlite(path, Buffer.from(key), 'existing');
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } finally {
    sqlite.close();
  }
} catch (error) {
  problems = [error instanceof Error ? error.message : String(error)];
}
parentPort!.postMessage(problems);
