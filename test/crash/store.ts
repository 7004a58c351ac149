/**
 * The store the crash harness hammers: made through the app's own first run, with a test keychain so
 * that each writer process opens it without the passphrase's scrypt (about a second per start).
 */
import { Core } from '../../main/app/core';
import { dispatch } from '../../main/ipc/dispatcher';
import { readKeyFile, unwrapWithKeychain } from '../../main/security/keyfile';
import { PASSPHRASE } from '../helpers/stores';

const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const TEST_KEYCHAIN = { backend: 'test-keychain', encrypt: xor, decrypt: xor };
export const CRASH_LEAD = { displayName: 'Kaisa Kokeilija', username: 'crash.lead', password: 'kaatuu-ja-nousee-42' };
/** The two social workers the writer's bulk reassignments move the pool of cases between. */
export const CRASH_WORKERS = ['crash.worker.a', 'crash.worker.b'] as const;
/** Open cases that always move together: after any crash they all have one assignee. */
export const POOL_SIZE = 300;
export const POOL_PREFIX = 'POOL-';

/** The value of a dispatched call; a refused or failed one stops the writer (test/helpers/core.ts needs vitest). */
export async function ok<T>(result: ReturnType<typeof dispatch>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export function coreFor(path: string): Core {
  return new Core({ storePath: path, version: 'crash', keychain: TEST_KEYCHAIN });
}

/** A new store with its first team lead; returns the raw key for the checks after each crash. */
export async function createCrashStore(path: string): Promise<Buffer> {
  const core = coreFor(path);
  await core.start();
  const created = await dispatch(core, 'setup.createStore', {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    countyName: 'Kaatumistesti',
    lead: CRASH_LEAD,
  });
  if (!created.ok) throw new Error(created.error.message);
  const workers: string[] = [];
  for (const username of CRASH_WORKERS) {
    const saved = await ok<{ id: string }>(
      dispatch(core, 'users.save', {
        username,
        displayName: username,
        role: 'REGIONAL',
        password: 'vaihtuu-ja-kestaa-42',
      }),
    );
    workers.push(saved.id);
  }
  const pool = Array.from(
    { length: POOL_SIZE },
    (_, k) => `${POOL_PREFIX}${k},LSL25,OMAPALVELU,2026-11-20 09:00,SCHOOL,Porvoo,Eino,Siirtola-${k}`,
  );
  const header = 'external_id,type,channel,received_at,reporter_category,municipality,child_first_name,child_last_name';
  await ok(dispatch(core, 'cases.importCsv', { text: [header, ...pool].join('\n') }));
  const poolIds = (
    await core.db.selectFrom('cases').select('id').where('external_id', 'like', `${POOL_PREFIX}%`).execute()
  ).map((r) => r.id);
  await ok(dispatch(core, 'cases.reassign', { caseIds: poolIds, toUserId: workers[0], reason: 'Alkujako' }));
  await core.close();
  return unwrapWithKeychain(readKeyFile(path), TEST_KEYCHAIN)!;
}
