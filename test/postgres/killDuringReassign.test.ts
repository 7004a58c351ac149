/**
 * A server killed in the middle of a bulk reassignment (issue 19, "Must hold"): a process running the app on
 * PostgreSQL moves 1,000 cases from one worker to another and is killed with SIGKILL while the job reports
 * progress. After a restart the reassignment is there whole or not at all, and verify passes.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { captureIo, importCsv } from '../helpers/cli';
import { unwrap, useDemoCore } from '../helpers/core';
import { DEMO_PASSWORD } from '../helpers/stores';

const app = useDemoCore(20);

function thousand() {
  return importCsv(
    Array.from({ length: 1000 }, (_, i) => ({
      type: 'LSL25',
      channel: 'OMAPALVELU',
      received_at: '2026-11-20 09:00',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Siirto',
      child_last_name: `Kaatuva-${i}`,
    })),
  );
}

/** Runs the writer until it has moved part of the cases, then kills it; what it printed last. */
function killHalfWay(args: string[]): Promise<{ killedAt: number; total: number; said: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/pgReassignWriter.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    let killedAt = -1;
    let total = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      said += d.toString();
      const progress = [...said.matchAll(/progress (\d+) (\d+)/g)].at(-1);
      if (killedAt < 0 && progress && Number(progress[1]) > 0 && Number(progress[1]) < Number(progress[2])) {
        killedAt = Number(progress[1]);
        total = Number(progress[2]);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (killedAt < 0) reject(new Error(`the writer ended before it could be killed (${signal}): ${said} ${stderr}`));
      else resolve({ killedAt, total, said });
    });
  });
}

describe('SIGKILL during a bulk reassignment on PostgreSQL', () => {
  it('leaves the move whole or not at all, and the store verifies', async () => {
    await app.signInAs('LEAD');
    const lead = app.userOf('LEAD');
    const users = await app.core.db.selectFrom('users').select(['id', 'role']).execute();
    const from = users.find((u) => u.role === 'ASSESSMENT_SW')!.id;
    const to = users.find((u) => u.role === 'REGIONAL')!.id;
    unwrap(await app.api.cases.importCsv({ text: thousand() }));
    await app.core.db
      .updateTable('cases')
      .set({ assignee_user_id: from })
      .where('child_first_name', '=', 'Siirto')
      .execute();
    const moving = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('assignee_user_id', '=', from)
      .where('status', '!=', 'CLOSED')
      .execute();
    expect(moving.length).toBeGreaterThanOrEqual(1000);
    const ids = moving.map((c) => c.id);
    await app.core.close();

    const killed = await killHalfWay([app.core.county.options.database!, lead.username, DEMO_PASSWORD, from, to]);
    expect(killed.killedAt).toBeLessThan(killed.total);
    expect(killed.said).not.toMatch(/committed/);

    await app.reopen();
    const assignees = await app.core.db
      .selectFrom('cases')
      .select(['assignee_user_id'])
      .where('id', 'in', ids)
      .groupBy('assignee_user_id')
      .execute();
    // Whole or not at all: killed before COMMIT, so none moved.
    expect(assignees).toEqual([{ assignee_user_id: from }]);
    const events = await app.core.db
      .selectFrom('case_events')
      .select('id')
      .where('kind', '=', 'REASSIGNED')
      .where('data', 'like', '%Kaatuu kesken%')
      .execute();
    expect(events).toEqual([]);
    const io = captureIo();
    expect(await runCli(['verify', ...app.storeArgs], io), io.stderr.join('\n')).toBe(0);
    // And the same move, not killed, commits whole.
    await app.signInAs('LEAD');
    const moved = unwrap(await app.api.cases.reassign({ fromUserId: from, toUserId: to, reason: 'Uudelleen' }));
    expect(moved.reassigned).toBe(ids.length);
  }, 180_000);
});
