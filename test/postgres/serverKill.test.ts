/**
 * One of two county server instances killed under load (issue 20, "Must hold: reliability"): two real
 * `luukku serve` processes on one PostgreSQL database, 40 users registering notifications through them, each
 * call with its idempotency key. Instance A is killed with SIGKILL mid-run; its users retry their cut calls
 * with the same key on instance B, where their sessions already are (they are in the database). Every
 * acknowledged registration is in the store exactly once, no retry registered anything twice, B went on
 * serving, and the audit chain verifies.
 */
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { useDemoCore } from '../helpers/core';
import { DEMO_PASSWORD } from '../helpers/stores';
import { phoneNotification } from '../helpers/sampleCalls';
import { startServeProcess, type ServeProcess } from '../helpers/serveProcess';

const app = useDemoCore(10);
const USERS = 40;
const RUN_MS = 5000;
const KILL_AFTER_MS = 1500;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

type Instance = ServeProcess;

async function startInstance(database: string): Promise<Instance> {
  const instance = await startServeProcess(['--database', database, '--port', '0']);
  children.push(instance.child);
  return instance;
}

const agent = new Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 64 });

interface Answer {
  ok: boolean;
  value?: { caseIds?: string[] };
  error?: { code: string; key?: string };
}

function post(base: string, operation: string, body: unknown, headers: Record<string, string>) {
  return new Promise<{ answer: Answer; cookie?: string }>((resolve, reject) => {
    const req = request(
      `${base}/api/${operation}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-luukku-request': '1', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
            resolve({ answer: JSON.parse(text) as Answer, ...(cookie ? { cookie } : {}) });
          } catch (error) {
            reject(error as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGKILL of one of two server instances under 40 users’ writes', () => {
  it('loses no acknowledged write, registers nothing twice, and the other instance keeps serving', async () => {
    const database = app.core.county.options.database!;
    const municipalityId = (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
    const a = await startInstance(database);
    const b = await startInstance(database);
    const people = (
      await app.core.db
        .selectFrom('users')
        .select('username')
        .where('role', 'in', ['ADVICE', 'ASSESSMENT_SW', 'LEAD'])
        .where('active', '=', 1)
        .orderBy('username')
        .execute()
    ).map((u) => u.username);

    // Half the users on each instance; signed in a round of distinct user names at a time (the throttle
    // checks at most five passwords of one name at once).
    const users: { cookie: string; home: Instance }[] = [];
    for (let round = 0; round < USERS; round += people.length) {
      const signedIn = await Promise.all(
        Array.from({ length: Math.min(people.length, USERS - round) }, async (_, i) => {
          const u = round + i;
          const home = u % 2 === 0 ? a : b;
          const { answer, cookie } = await post(
            home.url,
            'session.signIn',
            { username: people[u % people.length], password: DEMO_PASSWORD },
            {},
          );
          expect(answer.ok, JSON.stringify(answer)).toBe(true);
          return { cookie: cookie!, home };
        }),
      );
      users.push(...signedIn);
    }

    const started = Date.now();
    let killedAt = Infinity;
    const acknowledged: { name: string; caseIds: string[]; at: number }[] = [];
    const uncertain: string[] = [];
    const unexpected: string[] = [];
    let retriedElsewhere = 0;

    const worker = async (u: number) => {
      const me = users[u]!;
      for (let seq = 0; Date.now() - started < RUN_MS; seq++) {
        const name = `Kaatuva-${u}-${seq}`;
        const key = `kill-${u}-${seq}-${started}`;
        const body = phoneNotification(municipalityId, [
          { firstName: 'Kuorma', lastName: name, birthDate: '2016-01-01' },
        ]);
        for (let attempt = 0; ; attempt++) {
          const target = me.home;
          try {
            const { answer } = await post(target.url, 'cases.register', body, {
              cookie: me.cookie,
              'idempotency-key': key,
            });
            if (answer.ok) {
              acknowledged.push({ name, caseIds: answer.value!.caseIds!, at: Date.now() });
              break;
            }
            // Received by the killed instance, committed, its answer lost with it: done, but not answered.
            if (answer.error?.key === 'alreadyReceived' && attempt > 5) {
              uncertain.push(name);
              break;
            }
            if (answer.error?.key !== 'alreadyReceived') {
              unexpected.push(`${name}: ${JSON.stringify(answer.error)}`);
              break;
            }
            await pause(100);
          } catch {
            // The connection was cut (the instance is gone): the same call, same key, on the other instance.
            me.home = me.home === a ? b : a;
            retriedElsewhere++;
            if (attempt > 5) {
              unexpected.push(`${name}: no instance answered`);
              break;
            }
            await pause(100);
          }
        }
      }
    };
    const killer = (async () => {
      await pause(KILL_AFTER_MS);
      a.child.kill('SIGKILL');
      killedAt = Date.now();
      await a.exited;
    })();
    await Promise.all([killer, ...Array.from({ length: USERS }, (_, u) => worker(u))]);

    console.info(
      `server kill: ${acknowledged.length} registrations acknowledged (${acknowledged.filter((w) => w.at > killedAt).length} after the kill), ${retriedElsewhere} calls retried on the other instance, ${uncertain.length} received but unanswered`,
    );
    expect(unexpected).toEqual([]);
    expect(retriedElsewhere).toBeGreaterThan(0);
    expect(acknowledged.filter((w) => w.at > killedAt + 500).length).toBeGreaterThan(20);
    const stored = await app.core.db
      .selectFrom('cases')
      .select(['id', 'child_last_name'])
      .where('child_last_name', 'like', 'Kaatuva-%')
      .execute();
    const byName = new Map<string, string[]>();
    for (const row of stored) byName.set(row.child_last_name!, [...(byName.get(row.child_last_name!) ?? []), row.id]);
    // Nothing twice, whatever was retried where.
    expect([...byName.values()].filter((ids) => ids.length > 1)).toEqual([]);
    // Every acknowledged registration is there, with the case the answer named.
    for (const ack of acknowledged) expect(byName.get(ack.name), ack.name).toEqual(ack.caseIds);
    for (const name of uncertain) expect(byName.get(name)?.length, name).toBe(1);
    expect(acknowledged.length).toBeGreaterThan(40);

    b.child.kill('SIGTERM');
    await b.exited;
    const report = await app.verify();
    expect(report.problems).toEqual([]);
  }, 120_000);
});
