// SQLite only (vitest.config.ts SQLITE_ONLY): about the app opening the store file: first run, unlock with the passphrase or the keychain, a lost key file.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { dispatch } from '../../../main/ipc/dispatcher';
import { keyFilePath } from '../../../main/security/keyfile';
import { contract } from '../../../shared/contract';
import { countRows, lastAuditEntry } from '../../helpers/queries';
import { createDemoStore, createEmptyStore, DEMO_PASSWORD, PASSPHRASE, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
let core: Core;
let clock: number;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  clock = Date.parse('2026-11-23T08:00:00Z');
});
afterEach(async () => {
  await core?.close();
  cleanup();
});

async function startCore(path: string) {
  core = new Core({ storePath: path, version: '9.9.9', now: () => new Date(clock) });
  await core.start();
  return core;
}

const auditCount = () => countRows(core.db, 'audit_log');

const firstRun = {
  passphrase: PASSPHRASE,
  passphraseRepeat: PASSPHRASE,
  countyName: 'Itä-Uusimaa',
  lead: { displayName: 'Liisa Lead', username: 'liisa', password: 'a-long-password' },
};

describe('first run and unlocking', () => {
  it('creates the store and the first team lead, who is then signed in', async () => {
    await startCore(join(dir, 'luukku.db'));
    expect((await dispatch(core, 'app.status', {})).ok && core.phase()).toBe('SETUP');
    const result = await dispatch(core, 'setup.createStore', firstRun);
    expect(result).toMatchObject({
      ok: true,
      value: { phase: 'SIGNED_IN', countyName: 'Itä-Uusimaa', user: { username: 'liisa', role: 'LEAD' } },
    });
    expect(await dispatch(core, 'setup.createStore', firstRun)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });
  });

  it('refuses mismatched or weak passphrases naming the field, creating nothing', async () => {
    await startCore(join(dir, 'luukku.db'));
    const mismatch = await dispatch(core, 'setup.createStore', {
      ...firstRun,
      passphraseRepeat: 'something else entirely',
    });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('passphraseRepeat') },
    });
    const weak = await dispatch(core, 'setup.createStore', {
      ...firstRun,
      passphrase: 'aaaaaaaaaaaa',
      passphraseRepeat: 'aaaaaaaaaaaa',
    });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(core.phase()).toBe('SETUP');
  });

  it('asks for the passphrase when no keychain holds the key, and a wrong one changes nothing', async () => {
    const path = join(dir, 'luukku.db');
    await (await createDemoStore(path, 20)).store.close();
    await startCore(path);
    expect(core.phase()).toBe('LOCKED');
    expect(await dispatch(core, 'store.unlock', { passphrase: 'wrong wrong wrong' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(core.phase()).toBe('LOCKED');
    expect(await dispatch(core, 'store.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { phase: 'SIGNED_OUT' },
    });
  });

  it('unlocks silently through the OS keychain on the next start', async () => {
    const path = join(dir, 'luukku.db');
    const keychain = {
      backend: 'test-keychain',
      encrypt: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)),
      decrypt: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    core = new Core({ storePath: path, version: 't', keychain });
    await core.start();
    await dispatch(core, 'setup.createStore', firstRun);
    await core.close();
    core = new Core({ storePath: path, version: 't', keychain });
    await core.start();
    expect(core.phase()).toBe('SIGNED_OUT');
  });

  it('shows a clear state for a missing key file and never creates an empty store in its place', async () => {
    const path = join(dir, 'luukku.db');
    await (await createEmptyStore(path)).store.close();
    rmSync(keyFilePath(path));
    await startCore(path);
    const status = await dispatch(core, 'app.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { phase: 'KEY_MISSING', message: expect.stringContaining('.keys') },
    });
    expect(await dispatch(core, 'setup.createStore', firstRun)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });
  });

  it('lets a store made with the admin CLI get its first team lead', async () => {
    const path = join(dir, 'luukku.db');
    await (await createEmptyStore(path)).store.close();
    await startCore(path);
    await dispatch(core, 'store.unlock', { passphrase: PASSPHRASE });
    expect(core.phase()).toBe('NO_USERS');
    const result = await dispatch(core, 'setup.createFirstLead', firstRun.lead);
    expect(result).toMatchObject({ ok: true, value: { phase: 'SIGNED_IN', user: { role: 'LEAD' } } });
  });
});

describe('the IPC boundary', () => {
  let users: { username: string; role: string }[];
  beforeEach(async () => {
    const path = join(dir, 'luukku.db');
    const demo = await createDemoStore(path, 30);
    users = demo.summary.users;
    await demo.store.close();
    await startCore(path);
    await core.unlock(PASSPHRASE);
  });
  const userWith = (role: string) => users.find((u) => u.role === role)!.username;

  it('rejects an unknown operation and malformed payloads with clear errors and no change', async () => {
    await core.signIn(userWith('LEAD'), DEMO_PASSWORD);
    const before = await auditCount();
    expect(await dispatch(core, 'cases.deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(await dispatch(core, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    for (const bad of [
      null,
      'text',
      [],
      { idleLockMinutes: 'ten' },
      { idleLockMinutes: 0 },
      { countyName: 'x'.repeat(10_000) },
      { extra: 1 },
    ]) {
      const result = await dispatch(core, 'settings.update', bad);
      expect(result, JSON.stringify(bad).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const named = await dispatch(core, 'settings.update', { idleLockMinutes: 0 });
    expect(!named.ok && named.error.message).toMatch(/idleLockMinutes/);
    expect(await auditCount()).toBe(before);
    expect(await dispatch(core, 'settings.get', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 15 } });
  });

  it('refuses a call above the caller’s role in the main process, logs the refusal and changes nothing', async () => {
    await core.signIn(userWith('ADVICE'), DEMO_PASSWORD);
    const before = await auditCount();
    const refused = await dispatch(core, 'settings.update', { idleLockMinutes: 120 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(core, 'settings.get', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 15 } });
    const log = await lastAuditEntry(core.db);
    expect(await auditCount()).toBe(before + 1);
    expect(log).toMatchObject({ action: 'settings.update', outcome: 'REFUSED', role: 'ADVICE' });
  });

  it('lets a lead change settings, in one audited transaction', async () => {
    await core.signIn(userWith('LEAD'), DEMO_PASSWORD);
    expect(await dispatch(core, 'settings.update', { idleLockMinutes: 30 })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 30 },
    });
    const log = await lastAuditEntry(core.db);
    expect(log).toMatchObject({ action: 'settings.update', outcome: 'OK', role: 'LEAD' });
  });

  it('needs a session for everything but the public steps, and signs out after the idle time', async () => {
    expect(await dispatch(core, 'overview.get', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(
      await dispatch(core, 'session.signIn', { username: userWith('LEAD'), password: 'wrong-password' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
    await core.signIn(userWith('LEAD'), DEMO_PASSWORD);
    expect(await dispatch(core, 'overview.get', {})).toMatchObject({ ok: true, value: { staff: expect.any(Number) } });
    clock += 14 * 60_000;
    expect((await dispatch(core, 'overview.get', {})).ok).toBe(true); // activity refreshes the session
    clock += 16 * 60_000;
    expect(await dispatch(core, 'overview.get', {})).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(core.phase()).toBe('SIGNED_OUT');
    const actions = await core.db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('seq').execute();
    expect(actions.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['session.signIn:REFUSED', 'session.signIn:OK', 'session.signOut:OK']),
    );
  });

  it('declares roles for every operation and validates every output', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.access === 'public' || spec.access.length > 0, name).toBe(true);
      expect(spec.output, name).toBeDefined();
    }
  });
});
