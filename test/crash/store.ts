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
  await core.close();
  return unwrapWithKeychain(readKeyFile(path), TEST_KEYCHAIN)!;
}
