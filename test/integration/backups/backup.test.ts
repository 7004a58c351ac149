// SQLite only (vitest.config.ts SQLITE_ONLY): about backups of the encrypted store file.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithPassphrase } from '../../../main/store/storeFiles';
import { keyFilePath } from '../../../main/security/keyfile';
import { anchorPath, committedHead, writeAnchor } from '../../../main/store/auditAnchor';
import { fileWitness, type HeadWitness } from '../../../main/store/auditWitness';
import { createBackup, restoreBackup } from '../../../main/areas/backups/backups';
import { luukku } from '../../helpers/cli';
import { backupStore, restoreStore } from '../../../main/store/backup';
import { Core } from '../../../main/app/core';
import { openSqlite } from '../../../main/store/open';
import { verifyStoreFile } from '../../../main/store/verify';
import { createDemoStore, DEMO_PASSWORD, PASSPHRASE, tempDir } from '../../helpers/stores';
import { cutAuditTail } from '../../helpers/tamper';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('backup and restore', () => {
  it('backs up a store while another process writes to it, and restore brings back every acknowledged row', async () => {
    const path = join(dir, 'live.db');
    await (await createDemoStore(path, 100)).store.close();
    const writer = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/writer.ts', path], {
      env: { ...process.env, LUUKKU_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    writer.stdout.on('data', (chunk: Buffer) => {
      const last = chunk
        .toString()
        .trim()
        .split('\n')
        .at(-1)
        ?.match(/committed (\d+)/);
      if (last) acknowledged = Number(last[1]);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => acknowledged >= 30 && (clearInterval(timer), resolve()), 20);
      writer.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    const { store, key, keyFile } = await openWithPassphrase(path, PASSPHRASE);
    const beforeBackup = acknowledged;
    const report = await backupStore({ sqlite: store.sqlite, path }, key, keyFile, join(dir, 'backup.db'));
    const exited = new Promise((r) => writer.on('exit', r));
    writer.kill('SIGTERM');
    await exited;
    await store.close();
    expect(report.ok).toBe(true);
    expect(acknowledged).toBeGreaterThan(beforeBackup); // the writer really was writing throughout

    const restored = join(dir, 'restored.db');
    await restoreStore(join(dir, 'backup.db'), key, keyFile, restored);
    expect((await verifyStoreFile(restored, key)).ok).toBe(true);
    const reopened = await openWithPassphrase(restored, PASSPHRASE);
    const rows = await reopened.store.db.selectFrom('closure_days').select('reason').execute();
    const numbers = rows.map((r) => Number(r.reason.slice(1))).sort((a, b) => a - b);
    expect(numbers.length).toBeGreaterThanOrEqual(beforeBackup);
    expect(numbers.slice(0, beforeBackup)).toEqual(Array.from({ length: beforeBackup }, (_, i) => i + 1));
    expect(
      await reopened.store.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 100 });
    await reopened.store.close();
  }, 60_000);

  it('refuses to overwrite an existing file and restores only to a new path', async () => {
    const path = join(dir, 'a.db');
    const { store, key, keyFile } = await createDemoStore(path, 5);
    await expect(backupStore({ sqlite: store.sqlite, path }, key, keyFile, path)).rejects.toMatchObject({
      code: 'STORE_EXISTS',
    });
    await backupStore({ sqlite: store.sqlite, path }, key, keyFile, join(dir, 'b.db'));
    await expect(restoreStore(join(dir, 'b.db'), key, keyFile, path)).rejects.toMatchObject({ code: 'STORE_EXISTS' });
    await store.close();
  });
});

describe('verify', () => {
  async function storeWithBackup() {
    const path = join(dir, 's.db');
    const { store, key } = await createDemoStore(path, 50);
    await store.close();
    return { path, key };
  }

  /** A store whose log has `count` more entries, written through the app, and that verifies. */
  async function storeWithLoggedActions(count: number) {
    const { path, key } = await storeWithBackup();
    const core = new Core({ storePath: path, version: 'test' });
    await core.start();
    await core.unlock(PASSPHRASE);
    for (let i = 0; i < count; i++) await core.audit({ actor: null, action: `test.${i}` });
    await core.close();
    expect((await verifyStoreFile(path, key)).ok).toBe(true);
    return { path, key };
  }

  it('detects a flipped byte and a truncated file, and never repairs them', async () => {
    const { path, key } = await storeWithBackup();
    const bytes = readFileSync(path);
    const flipped = join(dir, 'flipped.db');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0x01;
    writeFileSync(flipped, copy);
    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    for (const damaged of [flipped, truncated]) {
      copyFileSync(keyFilePath(path), keyFilePath(damaged));
      const before = readFileSync(damaged);
      const report = await verifyStoreFile(damaged, key);
      expect(report.ok, damaged).toBe(false);
      expect(report.problems.join(' ')).toMatch(/damaged|integrity|cannot be read/);
      expect(readFileSync(damaged).equals(before)).toBe(true);
    }
  });

  it('names the first altered audit-log entry, even when changed with the key', async () => {
    const { path, key } = await storeWithLoggedActions(3);

    const sqlite = openSqlite(path, key, 'existing');
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare("UPDATE audit_log SET action = 'store.unlock-forged' WHERE seq = 3").run();
    sqlite.close();
    const report = await verifyStoreFile(path, key);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('audit log entry 3 has been altered');
  });

  it('detects a removed last audit-log entry', async () => {
    const { path, key } = await storeWithBackup();
    const sqlite = openSqlite(path, key, 'existing');
    const last = sqlite.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number };
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(last.seq);
    sqlite.close();
    const report = await verifyStoreFile(path, key);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/entries were removed/);
  });

  it('detects a removed tail even when the head in the store is rewritten to match, through the anchor beside it', async () => {
    const { path, key } = await storeWithLoggedActions(3);
    const anchorBefore = readFileSync(anchorPath(path));

    // With the key, directly in SQLite: drop the last two entries and make the head in `meta` agree.
    const last = cutAuditTail(path, key, 2);
    const report = await verifyStoreFile(path, key);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(
      `audit log entry ${last - 1} is missing: the log ends at entry ${last - 2}, but its anchor outside the store records entry ${last}, so entries were removed`,
    );

    // Opening the store again does not move the anchor to the shortened log: it stays as evidence.
    const again = new Core({ storePath: path, version: 'test' });
    await again.start();
    await again.unlock(PASSPHRASE);
    await again.close();
    expect(readFileSync(anchorPath(path)).equals(anchorBefore)).toBe(true);
    expect((await verifyStoreFile(path, key)).problems.join(' ')).toMatch(/entries were removed/);
    // Nor does a backup launder it: the copy is checked against the live store's anchor.
    const { store, keyFile } = await openWithPassphrase(path, PASSPHRASE);
    await expect(backupStore(store, key, keyFile, join(dir, 'laundered.db'))).rejects.toThrow(/entries were removed/);
    await store.close();
  });

  it('reports a deleted or forged anchor instead of trusting the log blindly', async () => {
    const { path, key } = await storeWithBackup();
    const anchor = readFileSync(anchorPath(path), 'utf8');
    writeFileSync(anchorPath(path), anchor.replace(/"seq":\d+/, '"seq":999999'));
    expect((await verifyStoreFile(path, key)).problems).toContain(
      `the audit-log anchor ${anchorPath(path)} has been altered or belongs to another store`,
    );
    rmSync(anchorPath(path));
    expect((await verifyStoreFile(path, key)).problems.join(' ')).toMatch(/anchor .* is missing/);
  });
});

describe('audit-log honesty against whoever holds the files (issue 16 item 8)', () => {
  async function liveStoreWithBackup(witness?: HeadWitness) {
    const path = join(dir, 'live.db');
    await (await createDemoStore(path, 20)).store.close();
    const { store, key, keyFile } = await openWithPassphrase(path, PASSPHRASE, { witness });
    const backup = join(dir, 'backup.db');
    await backupStore(store, key, keyFile, backup, witness);
    await store.close();
    // Then more is done and logged after the backup.
    const core = new Core({ storePath: path, version: 'test', ...(witness && { witness }) });
    await core.start();
    await core.unlock(PASSPHRASE);
    for (let i = 0; i < 3; i++) await core.audit({ actor: null, action: `after.backup.${i}` });
    await core.close();
    return { path, key, backup };
  }

  it("without any key, a backup and its anchor copied over the live store are found: a backup's anchor never passes as the live one", async () => {
    const { path, key, backup } = await liveStoreWithBackup();
    expect((await verifyStoreFile(backup, key, 'backup')).ok).toBe(true);
    // The backup alone over the store: the live anchor records more than the copy holds.
    copyFileSync(backup, path);
    expect((await verifyStoreFile(path, key)).problems.join(' ')).toMatch(/so entries were removed/);
    // The backup with its own anchor: that anchor says it is a backup's.
    copyFileSync(anchorPath(backup), anchorPath(path));
    const report = await verifyStoreFile(path, key);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/is a backup's anchor: the store was replaced with a backup copy/);
  });

  it('with the key, a re-MACed anchor hides a cut log from verify alone, but not from the witness kept outside the store folder', async () => {
    const witnessFile = join(dir, 'elsewhere', 'luukku.witness');
    const witness = fileWitness(witnessFile);
    const { path, key } = await liveStoreWithBackup(witness);
    const last = cutAuditTail(path, key, 2);
    // The attacker holds the key and so can derive the anchor's MAC key: re-anchor the shortened log.
    const sqlite = openSqlite(path, key, 'existing');
    const head = committedHead(sqlite);
    sqlite.close();
    writeAnchor(path, key, head, 'live');
    expect((await verifyStoreFile(path, key)).ok, 'verify without the witness cannot tell').toBe(true);
    const report = await verifyStoreFile(path, key, 'live', witness);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toBe(
      `audit log entry ${last - 1} is missing: the log ends at entry ${last - 2}, but the witness file ${witnessFile}, which keeps the last head seen outside the store folder, records entry ${last}, so entries were removed`,
    );
    // The app finds it at start-up too, and neither anchor nor witness is moved to the shortened log.
    const witnessBefore = readFileSync(witnessFile);
    const core = new Core({ storePath: path, version: 'test', witness, quickCheck: true });
    await core.start();
    await core.unlock(PASSPHRASE);
    await expect.poll(() => core.status().integrity, { timeout: 20_000 }).toBe('LOG_ALTERED');
    await core.close();
    expect(readFileSync(witnessFile).equals(witnessBefore)).toBe(true);
    // The admin CLI checks the same witness file.
    const cli = luukku(['verify', '--db', path, '--witness', witnessFile]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/the witness file .* records entry \d+, so entries were removed/);
  });

  it('with the key, rolling the whole folder back to an older copy is found by the witness', async () => {
    const witnessFile = join(dir, 'elsewhere', 'luukku.witness');
    const witness = fileWitness(witnessFile);
    const path = join(dir, 'live.db');
    const { store, key } = await createDemoStore(path, 10);
    await store.close();
    const core = new Core({ storePath: path, version: 'test', witness });
    await core.start();
    await core.unlock(PASSPHRASE);
    await core.close();
    const older = join(dir, 'older');
    mkdirSync(older);
    for (const suffix of ['', '.anchor']) copyFileSync(`${path}${suffix}`, join(older, `live.db${suffix}`));
    await core.start();
    await core.unlock(PASSPHRASE);
    for (let i = 0; i < 4; i++) await core.audit({ actor: null, action: `later.${i}` });
    await core.close();
    for (const suffix of ['', '.anchor']) copyFileSync(join(older, `live.db${suffix}`), `${path}${suffix}`);
    expect((await verifyStoreFile(path, key)).ok, 'the old folder is consistent in itself').toBe(true);
    expect((await verifyStoreFile(path, key, 'live', witness)).problems.join(' ')).toMatch(/entries were removed/);
  });

  it('a restore through Luukku gives the restored store a live anchor of its own, and moves the witness on purpose', async () => {
    const witnessFile = join(dir, 'elsewhere', 'luukku.witness');
    const witness = fileWitness(witnessFile);
    const { path, key, backup } = await liveStoreWithBackup(witness);
    // The admin CLI: to a new path, which verifies as a live store.
    const restored = join(dir, 'restored.db');
    const cli = luukku(['restore', '--from', backup, '--db', restored]);
    expect(cli.code, cli.stderr).toBe(0);
    expect((await verifyStoreFile(restored, key)).problems).toEqual([]);
    // A backup is checked as one; as a live store its anchor is refused.
    expect(luukku(['verify', '--db', backup]).code, 'a backup checked as a live store').toBe(1);
    expect(luukku(['verify', '--db', backup, '--backup']).code).toBe(0);

    // The app: restoring in place rolls the log back on purpose; the witness follows, and the log says so.
    const core = new Core({ storePath: path, version: 'test', witness, quickCheck: true });
    await core.start();
    await core.unlock(PASSPHRASE);
    const lead = await core.db
      .selectFrom('users')
      .select('username')
      .where('role', '=', 'LEAD')
      .executeTakeFirstOrThrow();
    await core.signIn(lead.username, DEMO_PASSWORD);
    const made = await createBackup(core, 'manual');
    for (let i = 0; i < 3; i++) await core.audit({ actor: null, action: `before.restore.${i}` });
    await restoreBackup(core, made.name);
    await expect.poll(() => core.status().integrity, { timeout: 20_000 }).toBe('OK');
    await core.close();
    expect((await verifyStoreFile(path, key, 'live', witness)).problems).toEqual([]);
  });
});
