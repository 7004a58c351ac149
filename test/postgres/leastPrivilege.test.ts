/**
 * Least privilege on PostgreSQL (issue 19 item 4): `luukku db init` migrates as the owner and grants the
 * service role only what Luukku needs; the service role runs the app, but the database itself refuses it any
 * rewrite of the audit log, its triggers or the schema ("permission denied", "must be owner").
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../main/app/core';
import { runCli } from '../../main/cli/run';
import { captureIo } from '../helpers/cli';
import { clientOf, unwrap } from '../helpers/core';
import { databaseUrl, dropDatabase, freshDatabase } from '../helpers/engine';

const suffix = randomBytes(4).toString('hex');
const owner = `owner_${suffix}`;
const service = `luukku_${suffix}`;
let database: { name: string; url: string };
let ownerUrl: string;
let serviceUrl: string;

function asRole(url: string, role: string, password?: string): string {
  const u = new URL(url);
  u.username = role;
  if (password) u.password = password;
  return u.toString();
}

async function query(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await freshDatabase('empty');
  const admin = databaseUrl(database.name);
  await query(admin, `CREATE ROLE ${owner} LOGIN CREATEROLE`);
  await query(admin, `ALTER DATABASE ${database.name} OWNER TO ${owner}`);
  await query(admin, `ALTER SCHEMA public OWNER TO ${owner}`);
  ownerUrl = asRole(database.url, owner);
  serviceUrl = asRole(database.url, service, 'palvelu-salasana-1');
});
afterAll(async () => {
  await dropDatabase(database.name);
});

describe('the service role', () => {
  it('db init creates the county, the role and its grants; the app runs as that role', async () => {
    const io = captureIo();
    const code = await runCli(['db', 'init', '--owner-url', ownerUrl, '--database', serviceUrl], io);
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.json[0]).toMatchObject({ created: true, serviceRole: service });
    // Run again (an upgrade): nothing to create, the grants renewed.
    const again = captureIo();
    expect(await runCli(['db', 'init', '--owner-url', ownerUrl, '--database', serviceUrl], again)).toBe(0);
    expect(again.json[0]).toMatchObject({ created: false });

    // The app on the service role: a first lead, a registered notification, an audited read.
    const core = new Core({ storePath: database.name, database: serviceUrl, version: 't' });
    await core.start();
    expect(core.phase()).toBe('NO_USERS');
    await core.createFirstLead({ displayName: 'Liisa Johtaja', username: 'liisa', password: 'vahva-salasana-2026' });
    const api = clientOf(core);
    const queue = unwrap(await api.cases.queue({}));
    expect(queue.rows).toEqual([]);
    await core.close();
  });

  it.each([
    ['UPDATE audit_log SET outcome = $$REFUSED$$', /permission denied for table audit_log/],
    ['DELETE FROM audit_log', /permission denied for table audit_log/],
    ['TRUNCATE audit_log', /permission denied for table audit_log/],
    ['DELETE FROM audit_cases', /permission denied for table audit_cases/],
    ['DROP TRIGGER audit_log_no_change ON audit_log', /must be owner of (table|relation) audit_log/],
    ['ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner of (table|relation) audit_log/],
    ['DROP TABLE cases', /must be owner of (table|relation) cases/],
    ['CREATE TABLE stash (x text)', /permission denied for schema public/],
    ['UPDATE luukku_schema SET version = 99', /permission denied for table luukku_schema/],
  ])('refuses the service role: %s', async (statement, refusal) => {
    await expect(query(serviceUrl, statement)).rejects.toThrow(refusal);
  });

  it('still lets it append to the log, and the owner cannot rewrite it either (the trigger)', async () => {
    const seq = `(SELECT coalesce(max(seq), 0) + 1 FROM audit_log)`;
    await query(
      serviceUrl,
      `INSERT INTO audit_log (seq, at, action, outcome, details, prev_hash, hash) VALUES (${seq}, 'x', 'probe', 'OK', '{}', 'p', 'h')`,
    );
    await expect(query(ownerUrl, 'DELETE FROM audit_log')).rejects.toThrow(/the audit log is append-only/);
    await expect(query(ownerUrl, 'TRUNCATE audit_log, audit_cases')).rejects.toThrow(/the audit log is append-only/);
  });

  it('refuses a service role that is the owner', async () => {
    const io = captureIo();
    expect(await runCli(['db', 'init', '--owner-url', ownerUrl, '--database', ownerUrl], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/must not be the owner/);
  });
});
