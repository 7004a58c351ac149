/**
 * The role matrix, every operation against every role (issue 5): a call the contract allows the role
 * succeeds; any other is refused in the main process with FORBIDDEN, changes nothing, and the refusal is
 * itself in the audit log. The calls are real and valid (test/helpers/sampleCalls.ts), so a refusal can
 * only come from the role check.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatcher';
import { contract, operationNames, type OperationName } from '../../../shared/contract';
import { ROLES } from '../../../shared/roles';
import { DEMO_PASSWORD } from '../../helpers/stores';
import { useDemoCore } from '../../helpers/core';
import { onPostgres } from '../../helpers/engine';
import { lastAuditEntry, storeDigest } from '../../helpers/queries';
import { prepareCases, samples, type SampleContext } from '../../helpers/sampleCalls';

const app = useDemoCore(40);

async function demoUsers(ctx: Pick<SampleContext, 'core'>) {
  return ctx.core.db.selectFrom('users').select(['id', 'username', 'role']).orderBy('username').execute();
}

describe('the role matrix', () => {
  for (const role of ROLES) {
    it(`${role}: allowed operations succeed, every other is refused, logged and changes nothing`, async () => {
      await app.signInAs('LEAD');
      const ctx: SampleContext = { core: app.core, users: await demoUsers(app) };
      const me = app.users.find((u) => u.role === role)!;
      await prepareCases(ctx, ctx.users.find((u) => u.username === me.username)!.id);
      // session.changePassword moves the user to a new password: later sign-ins use it.
      let password = DEMO_PASSWORD;
      const signIn = () => app.core.signIn(me.username, password);
      await signIn();
      let allowed = 0;
      let refused = 0;
      for (const name of operationNames) {
        const sample = samples[name];
        const access = contract[name].access;
        if (sample === 'public' || access === 'public') {
          expect(access, `${name} is public in the contract and in the samples`).toBe('public');
          expect(sample).toBe('public');
          continue;
        }
        const input = await (sample as (c: SampleContext) => unknown)(ctx);
        if (access.includes(role)) {
          const result = await dispatch(app.core, name, input);
          // The app's backups are of the encrypted store file; a PostgreSQL county's are county IT's.
          const expected = onPostgres && name.startsWith('backups.') ? 'WRONG_STATE' : 'ok';
          expect(result.ok ? 'ok' : result.error.code, `${role} ${name}`).toBe(expected);
          allowed++;
          await restoreSession(name, signIn);
        } else {
          const before = await storeDigest(app.core.db);
          const seq = (await lastAuditEntry(app.core.db)).seq;
          const result = await dispatch(app.core, name, input);
          expect(result.ok ? 'ok' : result.error.code, `${role} ${name}`).toBe('FORBIDDEN');
          expect(await storeDigest(app.core.db), `${role} ${name} changed the store`).toBe(before);
          const logged = await lastAuditEntry(app.core.db);
          expect([logged.seq, logged.action, logged.outcome, logged.user_name]).toEqual([
            seq + 1,
            name,
            'REFUSED',
            me.username,
          ]);
          refused++;
        }
      }
      expect(allowed + refused).toBe(operationNames.filter((n) => contract[n].access !== 'public').length);
      if (role !== 'ADMIN') expect(allowed).toBeGreaterThan(20);
      // A team lead may call every operation; every other role is refused some.
      if (role !== 'LEAD') expect(refused).toBeGreaterThan(10);

      async function restoreSession(name: OperationName, again: () => Promise<unknown>) {
        if (name === 'session.changePassword') password = 'uusi-salasana-123';
        if (app.core.phase() !== 'SIGNED_IN') await again();
      }
    }, 240_000);
  }
});
