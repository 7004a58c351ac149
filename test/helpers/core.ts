/** The main-process Core over a demo store, signed in per role, as the IPC tests use it. */
import { Core } from '../../main/app/core';
import type { SqliteStore } from '../../main/store/open';
import { verifyStoreFile } from '../../main/store/verify';
import { verifyDatabase } from '../../main/store/verifyPostgres';
import { dispatch } from '../../main/ipc/dispatcher';
import { createClient } from '../../shared/client';
import type { Result } from '../../shared/errors';
import { afterEach, beforeEach } from 'vitest';
import { createDemoCounty, DEMO_PASSWORD, PASSPHRASE, tempDir } from './stores';

export const TEST_NOW = Date.parse('2026-11-23T10:00:00Z'); // Monday 12:00 in Helsinki

export async function openDemoCore(dir: string, cases: number, now: () => Date = () => new Date(TEST_NOW)) {
  const demo = await createDemoCounty(dir, cases, '2026-11-23');
  const core = new Core({ ...demo.options, version: 't', now });
  await core.start();
  if (demo.locked) await core.unlock(PASSPHRASE);
  const users = demo.summary.users;
  const userOf = (role: string, nth = 0) => users.filter((u) => u.role === role)[nth]!;
  return {
    core,
    /** Removes the store's database (PostgreSQL); the caller closes the core first. */
    dispose: demo.dispose,
    /** The CLI's options naming this store (--db FILE or --database URL). */
    storeArgs: demo.storeArgs,
    /** `luukku verify` of the open store: the file with its key, or the database. */
    async verify() {
      const store = core.openStore;
      if (store?.engine === 'postgres') return verifyDatabase(store);
      const { key } = core.storeAndKey();
      return verifyStoreFile(core.storePath, key);
    },
    /** Opens the store again after `core.close()`, as the app does when it starts. */
    async reopen() {
      await core.start();
      if (demo.locked) await core.unlock(PASSPHRASE);
    },
    /** The typed client over the dispatcher: what the renderer calls, with typed input and output. */
    api: clientOf(core),
    users,
    userOf,
    signInAs: (role: string) => core.signIn(userOf(role).username, DEMO_PASSWORD),
    /** Another connection to the same store, signed in as the `nth` user of `role`: its own session. */
    async sessionAs(role: string, nth = 0) {
      const other = core.newSession();
      await other.signIn(userOf(role, nth).username, DEMO_PASSWORD);
      return { core: other, api: clientOf(other), user: userOf(role, nth) };
    },
  };
}

/** The core's store file, for a test about the encrypted SQLite file itself (it says so and runs on SQLite only). */
export function sqliteStoreOf(core: Core): SqliteStore {
  const store = core.openStore;
  if (store?.engine !== 'sqlite') throw new Error('This test is about the SQLite store file and runs on SQLite only.');
  return store;
}

/** The typed client a caller uses, over the dispatcher. */
export const clientOf = (core: Core) => createClient((name, input) => dispatch(core, name, input));

/** The value of a successful call; a failed one fails the test with its code and message. */
export function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The value of a typed client's successful call; a failed one fails the test with its code and message. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Per test: a fresh temp dir with a demo store of `cases` cases opened in a Core; closed afterwards. */
export function useDemoCore(cases: number, now?: () => Date) {
  const app = {} as Awaited<ReturnType<typeof openDemoCore>>;
  let cleanup = () => {};
  beforeEach(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    Object.assign(app, await openDemoCore(temp.dir, cases, now));
  });
  afterEach(async () => {
    await app.core.close();
    await app.dispose();
    cleanup();
  });
  return app;
}
