// SQLite only (vitest.config.ts SQLITE_ONLY): about the app's backups of the encrypted store file.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { dispatch } from '../../../main/ipc/dispatcher';
import { backupIfDue } from '../../../main/areas/backups/backups';
import { backupFolder } from '../../../main/store/backupFolder';
import {
  DEMO_PASSWORD,
  PASSPHRASE,
  createDemoStore,
  createEmptyStore,
  snapshotDir,
  tempDir,
} from '../../helpers/stores';
import { clientOf, unwrap } from '../../helpers/core';
import { verifyStoreFile } from '../../../main/store/verify';
import { keyFilePath, readKeyFile, unwrapWithPassphrase } from '../../../main/security/keyfile';

let dir: string;
let cleanup: () => void;
let core: Core;
let now = Date.parse('2026-11-23T08:00:00Z');
let lead: string;
const path = () => join(dir, 'luukku.db');

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('luukku-backups-'));
  now = Date.parse('2026-11-23T08:00:00Z');
  const demo = await createDemoStore(path(), 10);
  lead = demo.summary.users.find((u) => u.role === 'LEAD')!.username;
  await demo.store.close();
  core = new Core({ storePath: path(), version: 't', now: () => new Date(now) });
  await core.start();
  await core.unlock(PASSPHRASE);
  await core.signIn(lead, DEMO_PASSWORD);
});
afterEach(async () => {
  await core.close();
  cleanup();
});

const caseCount = async () =>
  Number(
    (
      await core.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );
const register = async (lastName: string) =>
  unwrap(
    await clientOf(core).cases.register({
      type: 'LSL25',
      channel: 'PHONE',
      receivedAt: '2026-11-23 09:05',
      reporterCategory: 'SCHOOL',
      municipalityId: 'loviisa',
      children: [{ firstName: 'Iida', lastName }],
    }),
  ).caseIds[0]!;

describe('backups made by the app', () => {
  it('backs up once a day, verified, and keeps as many as the setting says', async () => {
    unwrap(await clientOf(core).settings.update({ backupKeep: 2 }));
    expect(await backupIfDue(core)).not.toBeNull();
    now += 60 * 60_000;
    expect(await backupIfDue(core)).toBeNull(); // an hour later: not due
    for (let day = 1; day <= 3; day++) {
      now += 24 * 60 * 60_000;
      expect(await backupIfDue(core)).not.toBeNull();
    }
    await core.signIn(lead, DEMO_PASSWORD); // the clock jumped days: the idle sign-out ended the session
    const list = unwrap(await clientOf(core).backups.list({}));
    expect(list.map((b) => b.at)).toEqual(['2026-11-26T09:00:00Z', '2026-11-25T09:00:00Z']);
    expect(list[0]).toMatchObject({ cases: 10, auditEntries: expect.any(Number) });
    expect(readdirSync(backupFolder(path())).sort()).toEqual([
      'luukku-20261125-090000.db',
      'luukku-20261125-090000.db.anchor',
      'luukku-20261125-090000.db.keys',
      'luukku-20261126-090000.db',
      'luukku-20261126-090000.db.anchor',
      'luukku-20261126-090000.db.keys',
    ]);
  });

  it('restore drill: a restore brings back the backup, keeps the replaced store aside, and the audit chain verifies', async () => {
    const key = await unwrapWithPassphrase(readKeyFile(path()), PASSPHRASE);
    const before = await register('Ennen');
    const backup = unwrap(await clientOf(core).backups.create({}));
    now += 60_000;
    const after = await register('Jälkeen');
    expect(await caseCount()).toBe(12);
    expect(await dispatch(core, 'backups.restore', { name: '../luukku.db' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const status = unwrap(await clientOf(core).backups.restore({ name: backup.name }));
    expect(status.phase).toBe('SIGNED_OUT');
    await core.signIn(lead, DEMO_PASSWORD);
    const ids = (await core.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
    expect(ids).toContain(before);
    expect(ids).not.toContain(after);
    const aside = readdirSync(dirname(path())).filter((f) => f.startsWith('luukku.db.replaced-'));
    expect(aside).toEqual(['luukku.db.replaced-20261123-080100', 'luukku.db.replaced-20261123-080100.anchor']);
    const restore = await core.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'store.restore')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(restore.details)).toMatchObject({ name: backup.name });
    await core.close();
    expect((await verifyStoreFile(path(), key)).problems).toEqual([]);
  });

  it('a damaged store offers the newest intact backup; a wrong passphrase changes nothing', async () => {
    await register('Tallessa');
    unwrap(await clientOf(core).backups.create({}));
    await core.close();
    // Damage the first page (the store can no longer be read with its key).
    const fd = openSync(path(), 'r+');
    writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, 200);
    closeSync(fd);
    core = new Core({ storePath: path(), version: 't', now: () => new Date(now) });
    await core.start();
    const locked = unwrap(await clientOf(core).store.unlock({ passphrase: PASSPHRASE }));
    expect(locked.phase).toBe('STORE_ERROR');
    const files = snapshotDir(dir);
    expect(await dispatch(core, 'store.restoreLatest', { passphrase: 'väärä salasana joka on pitkä' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(snapshotDir(dir)).toEqual(files);
    const restored = unwrap(await clientOf(core).store.restoreLatest({ passphrase: PASSPHRASE }));
    expect(restored.phase).toBe('SIGNED_OUT');
    expect(await caseCount()).toBe(11);
    expect(readdirSync(dir).some((f) => f.startsWith('luukku.db.replaced-'))).toBe(true);
    expect(existsSync(path())).toBe(true);
  });
});

describe('losing the store never deletes its backups (issue 16 item 7)', () => {
  it('with the store and its key file gone, setup is refused and the newest backup is offered instead', async () => {
    await register('Varmuuskopiossa');
    unwrap(await clientOf(core).settings.update({ backupKeep: 1 }));
    const backup = unwrap(await clientOf(core).backups.create({}));
    await core.close();
    for (const suffix of ['', '-wal', '-shm', '.anchor', '.keys']) rmSync(`${path()}${suffix}`, { force: true });
    const backupsBefore = snapshotDir(backupFolder(path()));

    core = new Core({ storePath: path(), version: 't', now: () => new Date(now) });
    await core.start();
    const status = unwrap(await clientOf(core).app.status({}));
    expect(status.phase).toBe('STORE_ERROR');
    expect(status.message).toContain('backups of a store are in');
    // A new empty store beside the old one's backups is refused, in the app and in the CLI's way of making one.
    const setup = await dispatch(core, 'setup.createStore', {
      passphrase: 'uusi tyhjä varasto tähän 9',
      passphraseRepeat: 'uusi tyhjä varasto tähän 9',
      countyName: 'Testi',
      lead: { displayName: 'Uusi Johtava', username: 'uusi.johtava', password: 'tuuli-järvi-kivi-9' },
    });
    expect(setup).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } });
    await expect(createEmptyStore(path())).rejects.toMatchObject({ code: 'STORE_EXISTS' });
    expect(snapshotDir(backupFolder(path()))).toEqual(backupsBefore);

    // The restore brings the store back with the backup's own key file, and its backups are all still there.
    const restored = unwrap(await clientOf(core).store.restoreLatest({ passphrase: PASSPHRASE }));
    expect(restored.phase).toBe('SIGNED_OUT');
    expect(readKeyFile(path()).storeId).toBe(readKeyFile(join(backupFolder(path()), backup.name)).storeId);
    await core.signIn(lead, DEMO_PASSWORD);
    expect(await caseCount()).toBe(11);
    expect(unwrap(await clientOf(core).backups.list({})).map((b) => b.name)).toEqual([backup.name]);
  });

  it("rotation, listing and restore touch only the open store's backups", async () => {
    // Another store's backups in the same folder (say, of a store that was lost and replaced).
    const other = join(dir, 'other', 'luukku.db');
    mkdirSync(dirname(other));
    const demo = await createDemoStore(other, 3);
    await demo.store.close();
    const foreign = join(backupFolder(path()), 'luukku-20200101-000000.db');
    mkdirSync(backupFolder(path()), { recursive: true });
    copyFileSync(other, foreign);
    copyFileSync(keyFilePath(other), keyFilePath(foreign));
    unwrap(await clientOf(core).settings.update({ backupKeep: 1 }));
    unwrap(await clientOf(core).backups.create({}));
    now += 2000;
    const newest = unwrap(await clientOf(core).backups.create({}));
    expect(existsSync(foreign) && existsSync(keyFilePath(foreign))).toBe(true);
    expect(unwrap(await clientOf(core).backups.list({})).map((b) => b.name)).toEqual([newest.name]);
    expect(await dispatch(core, 'backups.restore', { name: 'luukku-20200101-000000.db' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
