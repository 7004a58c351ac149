/**
 * Case scope on every path (issue 16 items 1, 4, 5; 703/2023 § 9): whatever operation a user calls, they
 * learn nothing of a case outside their scope: not a name, an identity code, a status, nor that its id
 * exists. The calls go through the real dispatcher, as each role, with valid inputs (sampleCalls.ts), so
 * a new operation is covered the day it is added.
 */
import type { InputOf } from '../../../shared/contract';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatcher';
import { caseViewer } from '../../../main/areas/cases/caseAccess';
import { caseScopeFilter } from '../../../main/areas/cases/scopeQueries';
import { EXISTING_CASE_LOOKUPS_PER_MINUTE } from '../../../main/app/rateLimit';
import { contract, operationNames, type OperationName } from '../../../shared/contract';
import { makeHetu } from '../../../shared/hetu';
import { DEMO_PASSWORD } from '../../helpers/stores';
import { unwrap, useDemoCore } from '../../helpers/core';
import { lastAuditEntry, storeDigest } from '../../helpers/queries';
import { prepareCases, samples, type SampleContext } from '../../helpers/sampleCalls';

const app = useDemoCore(120);

async function usersOf(ctx: Pick<SampleContext, 'core'>) {
  return ctx.core.db.selectFrom('users').select(['id', 'username', 'role']).orderBy('username').execute();
}

/** What would give away a case outside the signed-in user's scope: its id, identity code, source id, name. */
async function outsideScope(ctx: SampleContext) {
  const viewer = await caseViewer(ctx.core);
  const filter = caseScopeFilter(viewer);
  const all = await ctx.core.db
    .selectFrom('cases as c')
    .select(['c.id', 'c.child_hetu', 'c.external_id', 'c.child_first_name', 'c.child_last_name'])
    .execute();
  let inScopeQuery = ctx.core.db.selectFrom('cases as c').select('c.id');
  if (filter) inScopeQuery = inScopeQuery.where(filter);
  const inScope = new Set((await inScopeQuery.execute()).map((r) => r.id));
  const name = (r: (typeof all)[number]) => `${r.child_first_name ?? ''} ${r.child_last_name ?? ''}`.trim();
  // Staff share the demo's name pool: a child's name that is also a worker's is on every roster.
  const staff = await ctx.core.db.selectFrom('staff').select('name').execute();
  const accounts = await ctx.core.db.selectFrom('users').select('display_name as name').execute();
  const visibleNames = new Set([
    ...all.filter((r) => inScope.has(r.id)).map(name),
    ...[...staff, ...accounts].map((p) => p.name),
  ]);
  const hidden = all.filter((r) => !inScope.has(r.id));
  return {
    ids: hidden.map((r) => r.id),
    tokens: [
      ...hidden.map((r) => r.id),
      ...hidden.flatMap((r) => [r.child_hetu, r.external_id]).filter((v): v is string => !!v),
      // A name is telling only where no case in scope (and no worker) has it too.
      ...hidden.map(name).filter((n) => n.includes(' ') && !visibleNames.has(n)),
    ],
  };
}

const CASE_ID_FIELDS = ['id', 'caseId', 'linkToCaseId'] as const;

/** A phone notification about one child, as cases.register takes it. */
async function notificationAbout(
  child: { firstName: string; lastName: string; birthDate: string; hetu: string },
  linkToCaseId?: string,
) {
  const municipalityId = (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  return {
    type: 'LSL25',
    channel: 'PHONE',
    receivedAt: '2026-11-23T09:00:00+02:00',
    reporterCategory: 'SCHOOL',
    municipalityId,
    children: [child],
    ...(linkToCaseId && { linkToCaseId }),
  } satisfies InputOf<'cases.register'>;
}

describe('case scope on every operation', () => {
  // The demo's first assessment-week account is on duty this week (every case); the second is off duty.
  for (const [role, nth] of [
    ['ADVICE', 0],
    ['ASSESSMENT_SW', 1],
    ['REGIONAL', 0],
    ['ADMIN', 0],
  ] as const) {
    it(`${role}${nth ? ' (off duty)' : ''}: no operation returns anything of a case outside the scope, and an id outside it is answered like one that does not exist`, async () => {
      await app.signInAs('LEAD');
      const ctx: SampleContext = { core: app.core, users: await usersOf(app) };
      const me = app.userOf(role, nth);
      await prepareCases(ctx, ctx.users.find((u) => u.username === me.username)!.id);
      await app.core.signIn(me.username, DEMO_PASSWORD);
      const hidden = await outsideScope(ctx);
      expect(hidden.ids.length, 'the demo has cases outside this role’s scope').toBeGreaterThan(10);
      const someHidden = hidden.ids[0]!;
      let checkedById = 0;
      for (const name of operationNames) {
        const access = contract[name].access;
        const sample = samples[name];
        if (access === 'public' || sample === 'public' || !access.includes(role)) continue;
        if (name === 'session.signOut' || name === 'session.changePassword' || name === 'backups.restore') continue;
        const input = (await (sample as (c: SampleContext) => unknown)(ctx)) as Record<string, unknown>;
        const result = await dispatch(app.core, name, input);
        const shown = JSON.stringify(result);
        // Each as a whole JSON value: a source id DEMO-7-7 is no part of DEMO-7-70.
        const leaked = hidden.tokens.find((token) => shown.includes(JSON.stringify(token)));
        expect(leaked, `${role} ${name} returned ${leaked} of a case outside the scope`).toBeUndefined();

        for (const field of CASE_ID_FIELDS) {
          if (typeof input[field] !== 'string') continue;
          const exists = await app.core.db
            .selectFrom('cases')
            .select('id')
            .where('id', '=', input[field])
            .executeTakeFirst();
          if (!exists) continue;
          checkedById++;
          const answer = async (id: string) => {
            const before = await storeDigest(app.core.db);
            const r = await dispatch(app.core, name as OperationName, { ...input, [field]: id });
            expect(await storeDigest(app.core.db), `${role} ${name} changed the store`).toBe(before);
            return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
          };
          const outside = await answer(someHidden);
          expect(outside, `${role} ${name} with a case outside the scope`).not.toBe('ok');
          const logged = await lastAuditEntry(app.core.db);
          expect([logged.outcome, logged.case_id, logged.user_name]).toEqual(['REFUSED', someHidden, me.username]);
          expect(await answer('00000000-0000-4000-8000-000000000000'), `${role} ${name}: outside = missing`).toBe(
            outside,
          );
        }
      }
      // The admin has no case in scope to name; the others have a case id in every one-case operation.
      if (role !== 'ADMIN') expect(checkedById).toBeGreaterThanOrEqual(role === 'REGIONAL' ? 6 : 4);
    }, 240_000);
  }
});

describe('the existing-client check and links at registration', () => {
  async function hiddenChild() {
    await app.signInAs('ADVICE');
    const viewer = await caseViewer(app.core);
    const filter = caseScopeFilter(viewer)!;
    const visible = app.core.db.selectFrom('cases as c').select('c.id').where(filter);
    return app.core.db
      .selectFrom('cases')
      .selectAll()
      .where('child_hetu', 'is not', null)
      .where('id', 'not in', visible)
      .executeTakeFirstOrThrow();
  }

  it('says only that a child has earlier cases outside the scope, logs the searched code, and is rate-limited', async () => {
    const child = await hiddenChild();
    const found = unwrap(await app.api.cases.findExisting({ hetu: child.child_hetu! }));
    expect(found).toEqual({ cases: [], outsideScope: true });
    const entry = await lastAuditEntry(app.core.db);
    expect([entry.action, entry.outcome]).toEqual(['cases.search', 'OK']);
    expect(JSON.parse(entry.details!)).toMatchObject({ searched: { hetu: child.child_hetu }, outsideScope: true });
    // By name and birth date: the same, nothing of who or what.
    const byName = unwrap(
      await app.api.cases.findExisting({
        firstName: child.child_first_name!,
        lastName: child.child_last_name!,
        birthDate: child.child_birth_date!,
      }),
    );
    expect(byName).toEqual({ cases: [], outsideScope: true });
    // A code nobody has: no earlier case anywhere.
    const nobody = makeHetu('2019-05-05', 977);
    expect(unwrap(await app.api.cases.findExisting({ hetu: nobody }))).toEqual({
      cases: [],
      outsideScope: false,
    });

    // Trying every code of a birth date is stopped: the rest of the minute's searches are refused, logged.
    for (let i = 3; i < EXISTING_CASE_LOOKUPS_PER_MINUTE; i++)
      unwrap(await app.api.cases.findExisting({ hetu: makeHetu('2019-05-05', 900 + i) }));
    const refused = await app.api.cases.findExisting({ hetu: makeHetu('2019-05-05', 960) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const log = await lastAuditEntry(app.core.db);
    expect([log.action, log.outcome]).toEqual(['cases.search', 'REFUSED']);
    expect(JSON.parse(log.details!)).toMatchObject({
      reason: 'rate limit',
      searched: { hetu: makeHetu('2019-05-05', 960) },
    });
    // Another user is not slowed by it.
    await app.signInAs('ASSESSMENT_SW');
    expect(await app.api.cases.findExisting({ hetu: nobody })).toMatchObject({ ok: true });
  });

  it('refuses a link to a case outside the scope exactly as one to no case, and logs it', async () => {
    const child = await hiddenChild();
    const notification = (linkToCaseId: string) =>
      notificationAbout({ firstName: 'Linkki', lastName: 'Kokeilu', birthDate: '2015-05-05', hetu: '' }, linkToCaseId);
    const before = await storeDigest(app.core.db);
    const outside = await app.api.cases.register(await notification(child.id));
    const seq = (await lastAuditEntry(app.core.db)).seq;
    const missing = await dispatch(
      app.core,
      'cases.register',
      await notification('00000000-0000-4000-8000-000000000000'),
    );
    expect(outside).toEqual(missing);
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await storeDigest(app.core.db)).toBe(before);
    const refusal = await app.core.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    expect([refusal.action, refusal.outcome, refusal.case_id]).toEqual(['cases.register', 'REFUSED', child.id]);
  });

  it("shows the linked earlier case's worker only to whoever may see that case", async () => {
    await app.signInAs('LEAD');
    const earlier = await app.core.db
      .selectFrom('cases')
      .select(['id', 'assignee_user_id'])
      .where('status', '=', 'CLOSED')
      .where('assignee_user_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const { caseIds } = unwrap(
      await app.api.cases.register(
        await notificationAbout(
          { firstName: 'Sisar', lastName: 'Linkitetty', birthDate: '2014-04-04', hetu: '' },
          earlier.id,
        ),
      ),
    );
    const asLead = unwrap(await app.api.cases.get({ id: caseIds[0]! }));
    expect(asLead.linkedAssigneeUserId).toBe(earlier.assignee_user_id);
    await app.signInAs('ADVICE');
    const asAdvice = unwrap(await app.api.cases.get({ id: caseIds[0]! }));
    expect(asAdvice.linkedAssigneeUserId).toBeNull();
  });
});

describe('roster edits and case scope', () => {
  it("a roster editor cannot move a regional worker to another area (which would widen the worker's case scope); a lead can", async () => {
    await app.signInAs('LEAD');
    const regional = await app.core.db
      .selectFrom('users as u')
      .innerJoin('staff as s', 's.id', 'u.staff_id')
      .selectAll('s')
      .select(['u.username'])
      .where('u.role', '=', 'REGIONAL')
      .where('s.area_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const otherArea = await app.core.db
      .selectFrom('areas')
      .select('id')
      .where('id', '!=', regional.area_id!)
      .executeTakeFirstOrThrow();
    const otherAreaCase = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('area_id', '=', otherArea.id)
      .where((eb) => eb.or([eb('assignee_user_id', 'is', null), eb('assignee_user_id', '!=', regional.id)]))
      .executeTakeFirstOrThrow();
    const move = {
      id: regional.id,
      name: regional.name,
      role: regional.role as 'SOCIAL_WORKER',
      fte: regional.fte,
      languages: JSON.parse(regional.languages) as string[],
      areaId: otherArea.id,
      teamId: null,
      maxDutiesPerWeek: regional.max_duties_per_week,
    };
    await app.signInAs('ADVICE');
    const before = await storeDigest(app.core.db);
    const refused = await app.api.staff.save(move);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storeDigest(app.core.db)).toBe(before);
    const log = await lastAuditEntry(app.core.db);
    expect([log.action, log.outcome, JSON.parse(log.details!).reason]).toEqual([
      'staff.save',
      'REFUSED',
      'case scope change',
    ]);
    // The roster's other fields stay the advice team's to change.
    expect(
      await app.api.staff.save({ ...move, areaId: regional.area_id, teamId: regional.team_id, fte: 0.8 }),
    ).toMatchObject({ ok: true });
    // The worker still cannot read the other area's case.
    await app.core.signIn(regional.username, DEMO_PASSWORD);
    expect(await app.api.cases.get({ id: otherAreaCase.id })).toMatchObject({ ok: false });
    // A team lead's decision moves it.
    await app.signInAs('LEAD');
    expect(await app.api.staff.save(move)).toMatchObject({ ok: true });
    await app.core.signIn(regional.username, DEMO_PASSWORD);
    expect(await app.api.cases.get({ id: otherAreaCase.id })).toMatchObject({ ok: true });
  });
});

describe("the child's access-log report", () => {
  it('names one child only: another child with the same name and birth date but another identity code is not in it', async () => {
    await app.signInAs('LEAD');
    const register = async (hetu: string) =>
      unwrap(
        await app.api.cases.register(
          await notificationAbout({ firstName: 'Kaksoset', lastName: 'Samanimi', birthDate: '2016-03-03', hetu }),
        ),
      ).caseIds[0]!;
    const a = await register(makeHetu('2016-03-03', 902));
    const b = await register(makeHetu('2016-03-03', 904));
    await app.api.cases.get({ id: b });
    const report = unwrap(await app.api.audit.childAccessLog({ caseId: a, language: 'fi' }));
    expect(report.cases.map((c) => c.id)).toEqual([a]);
    expect(report.entries.some((e) => e.caseId?.includes(b))).toBe(false);
  });
});
