// SQLite only (vitest.config.ts SQLITE_ONLY): about the encrypted store file itself: its key, cipher, migrations by user_version, append-only triggers.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithPassphrase } from '../../../main/store/storeFiles';
import { keyFilePath, readKeyFile } from '../../../main/security/keyfile';
import { LATEST_VERSION, migrations } from '../../../main/store/migrations';
import { ddlFor } from '../../../main/store/migrations/ddl';
import { kyselyFor, migrate, openSqlite, openStore } from '../../../main/store/open';
import { appendAudit, verifyAuditChain } from '../../../main/store/audit';
import { LuukkuError } from '../../../shared/errors';
import { createDemoStore, createEmptyStore, PASSPHRASE, snapshotDir, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A new store file migrated only up to `version`, as an older Luukku left it, to put data in before the rest. */
async function storeAtVersion(name: string, version: number) {
  const sqlite = openSqlite(join(dir, name), Buffer.alloc(32, version + 1), 'create');
  const db = kyselyFor(sqlite);
  for (const m of migrations.filter((m) => m.version <= version)) {
    await db.transaction().execute(async (trx) => {
      await m.up(trx, ddlFor('sqlite'));
      await sql.raw(`PRAGMA user_version = ${m.version}`).execute(trx);
    });
  }
  return { sqlite, db };
}

describe('the encrypted store', () => {
  it('is not a plain SQLite file and keeps no client name readable on disk, WAL included', async () => {
    const path = join(dir, 'luukku.db');
    const { store } = await createDemoStore(path, 150);
    const names = await store.db
      .selectFrom('cases')
      .select(['child_last_name', 'summary'])
      .where('child_last_name', 'is not', null)
      .limit(20)
      .execute();
    const staffNames = await store.db.selectFrom('staff').select('name').limit(5).execute();
    expect(names.length).toBeGreaterThan(5);
    // While open: the WAL exists and must be encrypted too.
    await store.db
      .updateTable('cases')
      .set({ summary: 'Plaintext-probe Virtanen' })
      .where('id', '=', 'c7-0000001')
      .execute();
    const needles = [...names.map((n) => n.child_last_name!), ...staffNames.map((s) => s.name), 'Plaintext-probe'];
    const filesWhileOpen = readdirSync(dir);
    expect(filesWhileOpen.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of filesWhileOpen) {
      const bytes = readFileSync(join(dir, file));
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
    }
    await store.close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    const keyFile = readFileSync(keyFilePath(path), 'utf8');
    expect(keyFile).not.toMatch(/[0-9a-f]{64}/);
  });

  it('refuses a wrong passphrase with a clear error and leaves every file byte-identical', async () => {
    const path = join(dir, 'luukku.db');
    await (await createEmptyStore(path)).store.close();
    const before = snapshotDir(dir);
    await expect(openWithPassphrase(path, 'not the passphrase at all')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a key that belongs to another store without touching it', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    await (await createEmptyStore(a)).store.close();
    const { key: otherKey, store } = await createEmptyStore(b);
    await store.close();
    const before = snapshotDir(dir);
    expect(() => openSqlite(a, otherKey, 'existing')).toThrowError(/cannot be read with this key/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a store from a newer Luukku and does not "repair" it', async () => {
    const path = join(dir, 'luukku.db');
    const { store, key } = await createEmptyStore(path);
    store.sqlite.pragma(`user_version = ${LATEST_VERSION + 1}`);
    await store.close();
    const before = snapshotDir(dir);
    const error = await openStore(path, key, 'existing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LuukkuError);
    expect((error as LuukkuError).code).toBe('STORE_TOO_NEW');
    expect((error as LuukkuError).message).toMatch(/newer Luukku/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a key file whose GCM tag was cut short, whose scrypt parameters are out of bounds or whose cipher was changed', async () => {
    const path = join(dir, 'luukku.db');
    await (await createEmptyStore(path)).store.close();
    const original = JSON.parse(readFileSync(keyFilePath(path), 'utf8')) as {
      cipher: string;
      passphrase: Record<string, string | number>;
    };
    const tamper = (change: (f: typeof original) => void) => {
      const copy = structuredClone(original);
      change(copy);
      writeFileSync(keyFilePath(path), JSON.stringify(copy));
    };
    // A 4-byte tag would let 1 in 2^32 forgeries through: the file is not accepted at all.
    tamper((f) => {
      f.passphrase.tag = Buffer.from(String(f.passphrase.tag), 'base64').subarray(0, 4).toString('base64');
    });
    await expect(openWithPassphrase(path, PASSPHRASE)).rejects.toMatchObject({ code: 'KEY_MISSING' });
    // Parameters that would make scrypt take all memory (or none) are refused before it runs.
    for (const [name, value] of [
      ['N', 2 ** 24],
      ['p', 64],
      ['r', 1000],
      ['N', 1024],
    ] as const) {
      tamper((f) => {
        f.passphrase[name] = value;
      });
      await expect(openWithPassphrase(path, PASSPHRASE), `${name}=${value}`).rejects.toMatchObject({
        code: 'KEY_MISSING',
      });
    }
    // The cipher and parameters are authenticated with the key: an edited file does not unwrap.
    tamper((f) => {
      f.cipher = 'aes256cbc';
    });
    await expect(openWithPassphrase(path, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    tamper(() => {});
    await (await openWithPassphrase(path, PASSPHRASE)).store.close();
  });

  it('never creates a store where one or its key file exists', async () => {
    const path = join(dir, 'luukku.db');
    await (await createEmptyStore(path)).store.close();
    await expect(createEmptyStore(path)).rejects.toMatchObject({ code: 'STORE_EXISTS' });
    expect(readKeyFile(path).format).toBe('luukku-keys');
  });

  it('leaves no file behind when creating a store fails half-way', async () => {
    const path = join(dir, 'luukku.db');
    const { createStoreFiles } = await import('../../../main/store/storeFiles');
    await expect(
      createStoreFiles(path, PASSPHRASE, {}, async () => {
        throw new Error('disk trouble');
      }),
    ).rejects.toThrow('disk trouble');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });
});

describe('migrations', () => {
  it('runs every migration in order from an empty file, sets user_version, and the queue uses its index', async () => {
    const path = join(dir, 'm.db');
    const key = Buffer.alloc(32, 7);
    const sqlite = openSqlite(path, key, 'create');
    const db = kyselyFor(sqlite);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(0);
    await migrate(db, sqlite);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    const plan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE status = 'NEW' ORDER BY start_due LIMIT 50`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX cases_queue/);
    const auditPlan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE case_id = 'x' ORDER BY seq`.execute(db);
    expect(auditPlan.rows.map((r) => r.detail).join(' ')).toMatch(/audit_by_case/);
    // Running again is a no-op.
    await migrate(db, sqlite);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    await db.destroy();
  });

  it('migration 2 brings a version-1 store with cases up to date: name index filled, running deadline indexed', async () => {
    const { sqlite, db } = await storeAtVersion('v1.db', 1);
    await sql`INSERT INTO areas VALUES ('central', 'Keskinen', 'Mellersta')`.execute(db);
    await sql`INSERT INTO municipalities VALUES ('porvoo', 'Porvoo', 'Borgå', 'central', 'fi')`.execute(db);
    await sql`INSERT INTO cases (id, type, channel, received_at, received_date, reporter_category, municipality_id, area_id,
      child_first_name, child_last_name, start_due, complete_due, status, created_at, updated_at)
      VALUES ('c1', 'LSL25', 'PHONE', '2026-11-02T08:00:00Z', '2026-11-02', 'SCHOOL', 'porvoo', 'central', 'Aino', 'Virtanen',
      '2026-11-11', '2027-02-02', 'ASSESSMENT', 'x', 'x')`.execute(db);
    await migrate(db, sqlite);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const found = await sql<{ id: string; running_due: string }>`SELECT id, running_due FROM cases WHERE rowid IN
      (SELECT rowid FROM cases_name_fts WHERE cases_name_fts MATCH '"virta"* "ai"*')`.execute(db);
    expect(found.rows).toEqual([{ id: 'c1', running_due: '2027-02-02' }]);
    await sql`UPDATE cases SET child_last_name = 'Korhonen' WHERE id = 'c1'`.execute(db);
    const after = await sql`SELECT rowid FROM cases_name_fts WHERE cases_name_fts MATCH '"virta"*'`.execute(db);
    expect(after.rows).toEqual([]);
    const plan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE status = 'CLOSED' ORDER BY running_due DESC LIMIT 200`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX cases_running_due/);
    await db.destroy();
  });

  it('migrations 3-8 keep existing cases and notifications and add what later work needs', async () => {
    const { sqlite, db } = await storeAtVersion('v2.db', 2);
    await sql`INSERT INTO areas VALUES ('east', 'Itäinen', 'Östra')`.execute(db);
    await sql`INSERT INTO municipalities VALUES ('loviisa', 'Loviisa', 'Lovisa', 'east', 'fi')`.execute(db);
    await sql`INSERT INTO notifications (id, received_at, channel, reporter_category, created_at) VALUES ('n1', 'x', 'PHONE', 'SCHOOL', 'x')`.execute(
      db,
    );
    await sql`INSERT INTO cases (id, notification_id, type, channel, received_at, received_date, reporter_category, municipality_id, area_id,
      child_first_name, status, created_at, updated_at)
      VALUES ('c1', 'n1', 'LSL25', 'PHONE', 'x', '2026-11-02', 'SCHOOL', 'loviisa', 'east', 'Nils', 'ASSESSMENT', 'x', 'x')`.execute(
      db,
    );
    await migrate(db, sqlite);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const row = await sql<{
      child_first_name: string;
      assessment_outcome: null;
      guardians: string;
      assigned_team_id: null;
    }>`SELECT c.child_first_name,
      c.assessment_outcome, n.guardians, c.assigned_team_id FROM cases c JOIN notifications n ON n.id = c.notification_id`.execute(
      db,
    );
    expect(row.rows).toEqual([
      { child_first_name: 'Nils', assessment_outcome: null, guardians: '[]', assigned_team_id: null },
    ]);
    // Migration 7: letters hang off their case and are found by it.
    await sql`INSERT INTO letters (case_id, kind, language, recipient, created_at, pdf) VALUES ('c1', 'DECISION', 'sv', 'A', 'x', x'25')`.execute(
      db,
    );
    await expect(
      sql`INSERT INTO letters (case_id, kind, language, recipient, created_at, pdf) VALUES ('nope', 'DECISION', 'sv', 'A', 'x', x'25')`.execute(
        db,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    const letterPlan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT id FROM letters WHERE case_id = 'c1'`.execute(db);
    expect(letterPlan.rows.map((r) => r.detail).join(' ')).toMatch(/letters_case/);
    await sql`INSERT INTO advice_contacts (at, date, channel, language, topic, guided_to) VALUES ('x', '2026-11-23', 'PHONE', 'fi', 'OTHER', 'NOT_GUIDED')`.execute(
      db,
    );
    const plan = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT count(*) FROM advice_contacts WHERE date = '2026-11-23'`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/advice_by_date/);
    // Migration 8: a change history needs its roster period; a wish is one per person and day.
    await expect(
      sql`INSERT INTO roster_changes (period_id, at, user_name, action, details, reason) VALUES ('2027-01', 'x', 'A', 'MOVE', '{}', '')`.execute(
        db,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await sql`INSERT INTO staff (id, name, role, fte, created_at) VALUES ('s1', 'A', 'COUNSELLOR', 1, 'x')`.execute(db);
    await sql`INSERT INTO duty_wishes VALUES ('s1', '2027-01-04')`.execute(db);
    await expect(sql`INSERT INTO duty_wishes VALUES ('s1', '2027-01-04')`.execute(db)).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });

  it('migrations 9-10 keep accounts and the audit log, and add the case index, the inbox and the sign-in pause', async () => {
    const { sqlite, db } = await storeAtVersion('v8.db', 8);
    await sql`INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, password_changed_at)
      VALUES ('u1', 'lead', 'Lead', 'LEAD', 'h', 1, 'x', 'x')`.execute(db);
    const chained = { actor: { id: 'u1', name: 'lead', role: 'LEAD' as const }, action: 'session.signIn' };
    await db.transaction().execute((trx) => appendAudit(trx, chained, new Date('2026-11-01T08:00:00Z')));
    await migrate(db, sqlite);
    // Migration 9: the account is there and not held to a password change; the old entry still chains.
    const user = await sql<{ must_change_password: number }>`SELECT must_change_password FROM users`.execute(db);
    expect(user.rows).toEqual([{ must_change_password: 0 }]);
    await db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          { ...chained, action: 'cases.queue', caseIds: ['c2', 'c1'] },
          new Date('2026-11-02T08:00:00Z'),
        ),
      );
    const indexed = await sql<{
      case_id: string;
      seq: number;
    }>`SELECT case_id, seq FROM audit_cases ORDER BY case_id`.execute(db);
    expect(indexed.rows).toEqual([
      { case_id: 'c1', seq: 2 },
      { case_id: 'c2', seq: 2 },
    ]);
    await expect(sql`DELETE FROM audit_cases`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(db)).toBeNull();
    await sql`INSERT INTO inbox (user_id, at, kind, data) VALUES ('u1', 'x', 'CASES_RECEIVED', '{}')`.execute(db);
    await expect(
      sql`INSERT INTO inbox (user_id, at, kind, data) VALUES ('nobody', 'x', 'CASES_RECEIVED', '{}')`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    // Migration 10: a pause per user name, one row each.
    await sql`INSERT INTO sign_in_failures VALUES ('lead', 5, '2026-11-02T09:00:00Z')`.execute(db);
    await expect(sql`INSERT INTO sign_in_failures VALUES ('lead', 1, NULL)`.execute(db)).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });

  it('migrations 11-12 correct existing cases: deadlines without closure days, urgent cases back in assessment, all logged', async () => {
    const { sqlite, db } = await storeAtVersion('v10.db', 10);
    await sql`INSERT INTO areas VALUES ('east', 'Itäinen', 'Östra')`.execute(db);
    await sql`INSERT INTO municipalities VALUES ('loviisa', 'Loviisa', 'Lovisa', 'east', 'fi')`.execute(db);
    const insert = (id: string, pending: string, startDue: string, completeDue: string, extra = sql``) =>
      sql`INSERT INTO cases (id, type, channel, received_at, received_date, reporter_category, municipality_id, area_id,
        pending_from, start_due, complete_due, status, decision, decision_date, created_at, updated_at)
        VALUES (${id}, 'LSL25', 'PHONE', 'x', ${pending}, 'SCHOOL', 'loviisa', 'east', ${pending}, ${startDue}, ${completeDue},
        ${extra}, 'x', 'x')`.execute(db);
    // Registered while 23.12. and 28.12. were closure days: 8.1.2027 instead of the law's 5.1.2027.
    await insert('late', '2026-12-22', '2027-01-08', '2027-03-22', sql`'NEW', NULL, NULL`);
    await insert('right', '2026-11-02', '2026-11-11', '2027-02-02', sql`'NEW', NULL, NULL`);
    await insert('urgent', '2026-11-02', '2026-11-11', '2027-02-02', sql`'CLOSED', 'URGENT', '2026-11-03'`);
    await insert('guided', '2026-11-02', '2026-11-11', '2027-02-02', sql`'CLOSED', 'GUIDANCE', '2026-11-03'`);
    await migrate(db, sqlite);
    const cases = await sql<{
      id: string;
      start_due: string;
      status: string;
    }>`SELECT id, start_due, status FROM cases ORDER BY id`.execute(db);
    expect(cases.rows).toEqual([
      { id: 'guided', start_due: '2026-11-11', status: 'CLOSED' },
      { id: 'late', start_due: '2027-01-05', status: 'NEW' },
      { id: 'right', start_due: '2026-11-11', status: 'NEW' },
      { id: 'urgent', start_due: '2026-11-11', status: 'ASSESSMENT' },
    ]);
    const events = await sql<{
      case_id: string;
      kind: string;
      data: string;
    }>`SELECT case_id, kind, data FROM case_events ORDER BY case_id`.execute(db);
    expect(events.rows.map((e) => [e.case_id, e.kind])).toEqual([
      ['late', 'DEADLINES_CORRECTED'],
      ['urgent', 'ASSESSMENT_REOPENED'],
    ]);
    expect(JSON.parse(events.rows[0]!.data)).toMatchObject({ startDue: { from: '2027-01-08', to: '2027-01-05' } });
    const audit = await sql<{
      action: string;
      details: string;
    }>`SELECT action, details FROM audit_log ORDER BY seq`.execute(db);
    expect(audit.rows.map((r) => [r.action, JSON.parse(r.details).cases])).toEqual([
      ['migration.statutoryDeadlines', ['late']],
      ['migration.urgentAssessment', ['urgent']],
    ]);
    expect(await verifyAuditChain(db)).toBeNull();
    await db.destroy();
  });

  it('migration 13 keeps existing cases and counts the child welfare ones in THL’s population', async () => {
    const { sqlite, db } = await storeAtVersion('v12.db', 12);
    await sql`INSERT INTO areas VALUES ('east', 'Itäinen', 'Östra')`.execute(db);
    await sql`INSERT INTO municipalities VALUES ('loviisa', 'Loviisa', 'Lovisa', 'east', 'fi')`.execute(db);
    for (const [id, type] of [
      ['notice', 'LSL25'],
      ['unborn', 'LSL25C'],
      ['contact', 'SHL35'],
    ])
      await sql`INSERT INTO cases (id, type, channel, received_at, received_date, reporter_category, municipality_id, area_id,
        status, decision, created_at, updated_at)
        VALUES (${id}, ${type}, 'PHONE', 'x', '2026-11-02', 'SCHOOL', 'loviisa', 'east', 'CLOSED', 'NO_ACTION', 'x', 'x')`.execute(
        db,
      );
    await migrate(db, sqlite);
    const rows = await sql<{
      id: string;
      concern: string | null;
      decision: string;
      closed_reason: string | null;
    }>`SELECT id, concern, decision, closed_reason FROM cases ORDER BY id`.execute(db);
    expect(rows.rows).toEqual([
      // An SHL contact's classification was never recorded: the social worker says, not the migration.
      { id: 'contact', concern: null, decision: 'NO_ACTION', closed_reason: null },
      { id: 'notice', concern: 'CHILD_WELFARE', decision: 'NO_ACTION', closed_reason: null },
      { id: 'unborn', concern: 'CHILD_WELFARE', decision: 'NO_ACTION', closed_reason: null },
    ]);
    await db.destroy();
  });

  it('makes the audit log append-only inside SQLite', async () => {
    const path = join(dir, 'luukku.db');
    const { store } = await createDemoStore(path, 5);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    await store.close();
  });
});
