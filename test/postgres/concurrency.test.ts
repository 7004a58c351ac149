/**
 * Many instances on one PostgreSQL database (issue 19, "Must hold"): 8 Luukku instances, each with its own
 * connection pool as a separate server would have, make 200 audited actions each at once (registering,
 * recording urgency, reassigning). Every call commits or is cleanly refused; the audit chain verifies; no
 * case is half-changed (the crash checker's rules: a change, its event and its log entry together or not at
 * all). The write lock every unit takes (store/postgres.ts LOCKS.write) is what makes this hold.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../main/app/core';
import { verifyDatabase } from '../../main/store/verifyPostgres';
import { openPostgresStore } from '../../main/store/postgres';
import type { Result } from '../../shared/errors';
import { clientOf } from '../helpers/core';
import { createTestCounty, DEMO_PASSWORD, tempDir } from '../helpers/stores';

const INSTANCES = 8;
const ACTIONS = 200;
const READS = 40;

let county: Awaited<ReturnType<typeof createTestCounty>>;
const temp = tempDir();

beforeAll(async () => {
  county = await createTestCounty(temp.dir, { cases: 30 });
});
afterAll(async () => {
  await county.dispose();
  temp.cleanup();
});

describe(`${INSTANCES} instances x ${ACTIONS} audited actions on one database`, () => {
  it('each commits or is cleanly refused, the chain verifies, no case is half-changed', async () => {
    const users = county.summary!.users;
    const lead = users.find((u) => u.role === 'LEAD')!;
    // Signed in one after another: the sign-in throttle checks at most five passwords of one user name at once.
    const instances: { core: Core; api: ReturnType<typeof clientOf> }[] = [];
    for (let n = 0; n < INSTANCES; n++) {
      const core = new Core({ ...county.options, version: 't' });
      await core.start();
      await core.signIn(lead.username, DEMO_PASSWORD);
      instances.push({ core, api: clientOf(core) });
    }
    const first = instances[0]!.core.db;
    const municipalityId = (await first.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
    const regional = await first.selectFrom('users').select('id').where('role', '=', 'REGIONAL').execute();
    // Cases every instance aims its urgency records at: two instances racing for the same case, one wins.
    const shared = (
      await first.selectFrom('cases').select('id').where('status', '=', 'NEW').orderBy('id').execute()
    ).map((c) => c.id);

    const seqBefore = (
      await first.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    ).seq;
    const codes: string[] = [];
    /** Each call as `kind:code`: the kinds that must commit, and urgency, where a race may find it done. */
    const outcomes: string[] = [];
    const registeredBy: string[][] = instances.map(() => []);
    // Beside the writes, each instance also reads (queue pages, cases opened, a case's siblings, the seven-day
    // list): a read takes the write lock only to append its log entry (unitOfWork readsOnly), and each read is
    // logged once, in the chain.
    let reads = 0;
    const readers = instances.map(async ({ api }, n) => {
      for (let i = 0; i < READS; i++) {
        const page = await api.cases.queue({ view: 'OPEN', limit: 20 });
        expect(page.ok, JSON.stringify(page)).toBe(true);
        reads++;
        const id = registeredBy[n]!.at(-1) ?? (page.ok ? page.value.rows[0]?.id : undefined);
        if (!id) continue;
        const opened = await api.cases.get({ id });
        expect(opened.ok, JSON.stringify(opened)).toBe(true);
        reads++;
        const family = i % 2 ? await api.cases.siblings({ id }) : await api.cases.sevenDayList({});
        expect(family.ok, JSON.stringify(family)).toBe(true);
        reads++;
      }
    });
    await Promise.all(
      instances.map(async ({ api }, n) => {
        for (let i = 0; i < ACTIONS; i++) {
          let result: Result<unknown>;
          const mine = registeredBy[n]!;
          if (i % 3 === 0 || !mine.length) {
            result = await api.cases.register({
              type: 'LSL25',
              channel: 'PHONE',
              receivedAt: '2026-11-23T09:00:00+02:00',
              reporterCategory: 'SCHOOL',
              municipalityId,
              children: [{ firstName: 'Rinnakkain', lastName: `I${n}-${i}`, birthDate: '2015-05-05', hetu: '' }],
            });
            if (result.ok) mine.push(...(result.value as { caseIds: string[] }).caseIds);
          } else if (i % 3 === 1) {
            const target = shared.length && i % 2 ? shared[(i + n) % shared.length]! : mine[mine.length - 1]!;
            result = await api.cases.recordUrgency({ id: target, urgent: i % 4 === 1 });
          } else {
            result = await api.cases.reassign({
              caseIds: [mine[i % mine.length]!],
              toUserId: regional[(i + n) % regional.length]!.id,
              reason: `Rinnakkain ${n}.${i}`,
            });
          }
          codes.push(result.ok ? 'OK' : result.error.code);
          const kind = i % 3 === 0 || !mine.length ? 'register' : i % 3 === 1 ? 'urgency' : 'reassign';
          outcomes.push(`${kind}:${result.ok ? 'OK' : result.error.code}`);
        }
      }),
    );

    await Promise.all(readers);
    expect(codes).toHaveLength(INSTANCES * ACTIONS);
    // Cleanly refused: an urgency already recorded by another instance (WRONG_STATE), never an internal error.
    expect(codes.filter((c) => c !== 'OK' && c !== 'WRONG_STATE')).toEqual([]);
    // Registering and reassigning never collide; of the urgency records, at least the first of each race wins.
    expect(new Set(outcomes.filter((o) => !o.startsWith('urgency:')))).toEqual(new Set(['register:OK', 'reassign:OK']));
    expect(outcomes.filter((o) => o === 'urgency:OK').length).toBeGreaterThan(shared.length);

    const store = await openPostgresStore(county.options.database!, { schema: 'check' });
    try {
      const report = await verifyDatabase(store);
      expect(report.problems).toEqual([]);
      const halves = await sql<{ what: string; n: number }>`
        SELECT 'urgency without its one event or its audit entry' AS what, count(*) AS n FROM cases c
          WHERE (c.child_first_name = 'Rinnakkain' OR c.id IN (${sql.join(shared.length ? shared : [''])}))
          AND ((c.urgency_result IS NOT NULL) <> EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'cases.recordUrgency' AND a.outcome = 'OK')
             OR (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'URGENCY_ASSESSED') <> (CASE WHEN c.urgency_result IS NULL THEN 0 ELSE 1 END))
        UNION ALL
        SELECT 'registration without its audit entry', count(*) FROM cases c
          WHERE c.child_first_name = 'Rinnakkain'
            AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'cases.register')
        UNION ALL
        SELECT 'reassignment event without its audit entry', count(*) FROM case_events e
          WHERE e.kind = 'REASSIGNED' AND e.data LIKE '%Rinnakkain %'
            AND NOT EXISTS (SELECT 1 FROM audit_cases x JOIN audit_log a ON a.seq = x.seq
                            WHERE x.case_id = e.case_id AND a.action = 'cases.reassign')`.execute(store.db);
      expect(halves.rows.filter((h) => h.n > 0)).toEqual([]);
      const registered = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM cases WHERE child_first_name = 'Rinnakkain'`.execute(store.db);
      expect(registered.rows[0]!.n).toBe(registeredBy.flat().length);
      // One entry per committed action, none for the refused duplicates.
      const logged = await sql<{ n: number }>`
        SELECT count(*) AS n FROM audit_log WHERE seq > ${seqBefore} AND outcome = 'OK'
          AND action IN ('cases.register', 'cases.recordUrgency', 'cases.reassign')`.execute(store.db);
      expect(logged.rows[0]!.n).toBe(codes.filter((c) => c === 'OK').length);
      const readsLogged = await sql<{ n: number }>`
        SELECT count(*) AS n FROM audit_log WHERE seq > ${seqBefore} AND outcome = 'OK'
          AND action IN ('cases.queue', 'cases.read', 'cases.siblings', 'cases.sevenDayList')`.execute(store.db);
      expect(readsLogged.rows[0]!.n).toBe(reads);
    } finally {
      await store.close();
      await Promise.all(instances.map(({ core }) => core.close()));
    }
  }, 300_000);
});
