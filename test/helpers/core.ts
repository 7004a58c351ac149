/** The main-process Core over a demo store, signed in per role, as the IPC tests use it. */
import { join } from 'node:path';
import { Core } from '../../main/app/core';
import { dispatch } from '../../main/ipc/dispatcher';
import { createClient } from '../../shared/client';
import type { Result } from '../../shared/errors';
import { afterEach, beforeEach } from 'vitest';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE, tempDir } from './stores';

export const TEST_NOW = Date.parse('2026-11-23T10:00:00Z'); // Monday 12:00 in Helsinki

export async function openDemoCore(dir: string, cases: number) {
  const path = join(dir, 'luukku.db');
  const demo = await createDemoStore(path, cases, '2026-11-23');
  await demo.store.close();
  const core = new Core({ storePath: path, version: 't', now: () => new Date(TEST_NOW) });
  await core.start();
  await core.unlock(PASSPHRASE);
  const users = demo.summary.users;
  return {
    core,
    /** The typed client over the dispatcher: what the renderer calls, with typed input and output. */
    api: createClient((name, input) => dispatch(core, name, input)),
    users,
    signInAs: (role: string) => core.signIn(users.find((u) => u.role === role)!.username, DEMO_PASSWORD),
  };
}

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
export function useDemoCore(cases: number) {
  const app = {} as Awaited<ReturnType<typeof openDemoCore>>;
  let cleanup = () => {};
  beforeEach(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    Object.assign(app, await openDemoCore(temp.dir, cases));
  });
  afterEach(async () => {
    await app.core.close();
    cleanup();
  });
  return app;
}
