/**
 * `luukku verify --database` (issue 19 item 5): the audit chain and its case index checked on PostgreSQL as
 * on SQLite, so a rewritten entry or a case taken out of the index is found even by someone who could switch
 * the append-only trigger off (a superuser), and the command exits 1 naming the entry.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { captureIo } from '../helpers/cli';
import { unwrap, useDemoCore } from '../helpers/core';
import { lastAuditEntry } from '../helpers/queries';

const app = useDemoCore(30);

async function verify() {
  const io = captureIo();
  const code = await runCli(['verify', ...app.storeArgs], io);
  return { code, report: io.json[0] as { ok: boolean; problems: string[]; amcheck: string } };
}

async function asSuperuser(statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(app.core.db);
  await sql`ALTER TABLE audit_cases DISABLE TRIGGER USER`.execute(app.core.db);
  await statement.execute(app.core.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(app.core.db);
  await sql`ALTER TABLE audit_cases ENABLE TRIGGER USER`.execute(app.core.db);
}

describe('verify on PostgreSQL', () => {
  it('passes an untouched database, with PostgreSQL’s own check run', async () => {
    await app.signInAs('LEAD');
    unwrap(await app.api.cases.queue({}));
    const { code, report } = await verify();
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
    expect(report.amcheck).toBe('ok');
  });

  it('finds an entry rewritten behind the trigger’s back, naming it', async () => {
    await app.signInAs('LEAD');
    unwrap(await app.api.cases.queue({}));
    const entry = await lastAuditEntry(app.core.db);
    await asSuperuser(sql`UPDATE audit_log SET user_name = 'someone-else' WHERE seq = ${entry.seq}`);
    const { code, report } = await verify();
    expect(code).toBe(1);
    expect(report.problems).toContain(`audit log entry ${entry.seq} has been altered`);
  });

  it('finds a case taken out of the log’s index', async () => {
    await app.signInAs('LEAD');
    unwrap(await app.api.cases.queue({}));
    const entry = await lastAuditEntry(app.core.db);
    await asSuperuser(
      sql`DELETE FROM audit_cases WHERE seq = ${entry.seq} AND case_id = (SELECT min(case_id) FROM audit_cases WHERE seq = ${entry.seq})`,
    );
    const { code, report } = await verify();
    expect(code).toBe(1);
    expect(report.problems).toContain(`audit log entry ${entry.seq}: its case index has been altered`);
  });
});
