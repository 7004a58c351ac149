/**
 * How far the running CSV import of a Core has got, for the app's progress bar. Kept in memory only (no
 * store access, so polling it never waits for the import's transaction to release the connection).
 */
import type { Core } from '../app/core';

export interface ImportProgress {
  phase: 'CHECKING' | 'WRITING';
  done: number;
  total: number;
}

const running = new WeakMap<Core, ImportProgress>();

export function importProgress(core: Core): ImportProgress | null {
  return running.get(core) ?? null;
}

/** Runs an import with its progress visible to `importProgress` until it ends, however it ends. */
export async function trackImport<T>(
  core: Core,
  work: (onProgress: (progress: ImportProgress) => void) => Promise<T>,
): Promise<T> {
  running.set(core, { phase: 'CHECKING', done: 0, total: 0 });
  try {
    return await work((progress) => running.set(core, progress));
  } finally {
    running.delete(core);
  }
}
