/**
 * Accounts and their rights (issue 16 items 2, 6, 10): only a team lead grants rights to client data,
 * every account someone else set a password for must change it, leads hear of every new, promoted or
 * reset account, sign-in throttling holds when attempts arrive at once, and weak passwords are refused.
 * Through the real dispatcher, on a real encrypted demo store.
 */
import { describe, expect, it } from 'vitest';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows, lastAuditEntry, storeDigest } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';
import type { Role } from '../../../shared/roles';

const app = useDemoCore(20);
const userOf = (role: Role) =>
  app.core.db.selectFrom('users').selectAll().where('role', '=', role).orderBy('username').executeTakeFirstOrThrow();
const GOOD = 'tuuli-järvi-kivi-9';

async function expectRefusedAndLogged(call: Promise<unknown>, action: string) {
  const before = await storeDigest(app.core.db);
  expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await storeDigest(app.core.db), `${action} changed the store`).toBe(before);
  const log = await lastAuditEntry(app.core.db);
  expect([log.action, log.outcome]).toEqual([action, 'REFUSED']);
}

describe('rights to client data are a team lead’s to grant', () => {
  it('the county admin can neither create nor promote, reset or reactivate an account that sees client data', async () => {
    const leadsBefore = await app.core.db.selectFrom('users').select('username').where('role', '=', 'LEAD').execute();
    await app.signInAs('ADMIN');
    for (const role of ['LEAD', 'ADVICE', 'REGIONAL', 'ASSESSMENT_SW'] as const)
      await expectRefusedAndLogged(
        app.api.users.save({
          username: `oma.${role.toLowerCase()}`,
          displayName: 'Oma',
          role,
          password: GOOD,
        }),
        'users.save',
      );
    const lead = await userOf('LEAD');
    const advice = await userOf('ADVICE');
    await expectRefusedAndLogged(app.api.users.resetPassword({ id: lead.id, password: GOOD }), 'users.resetPassword');
    await expectRefusedAndLogged(
      app.api.users.save({ id: advice.id, username: advice.username, displayName: 'X', role: 'LEAD' }),
      'users.save',
    );
    await expectRefusedAndLogged(app.api.users.setActive({ id: advice.id, active: false }), 'users.setActive');
    // The admin's own kind of account stays the admin's to manage.
    unwrap(
      await app.api.users.save({
        username: 'toinen.admin',
        displayName: 'Toinen',
        role: 'ADMIN',
        password: GOOD,
      }),
    );
    // And the attack as a whole: no account the admin made or reset can sign in to read cases.
    const leads = await app.core.db.selectFrom('users').select('username').where('role', '=', 'LEAD').execute();
    expect(leads).toEqual(leadsBefore);
  });

  it('a new or reset account must change its password first, and every other lead is told', async () => {
    await app.signInAs('LEAD');
    const me = app.core.actor()!;
    const otherLead = unwrap(
      await app.api.users.save({
        username: 'toinen.lead',
        displayName: 'Toinen Johtava',
        role: 'LEAD',
        password: GOOD,
      }),
    );
    const created = unwrap(
      await app.api.users.save({
        username: 'uusi.neuvoja',
        displayName: 'Uusi Neuvoja',
        role: 'ADVICE',
        password: GOOD,
      }),
    );
    expect(created.mustChangePassword).toBe(true);
    await app.core.signIn('uusi.neuvoja', GOOD);
    expect(await app.api.cases.queue({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await app.core.signIn(me.name, DEMO_PASSWORD);
    unwrap(
      await app.api.users.save({
        id: created.id,
        username: 'uusi.neuvoja',
        displayName: 'Uusi Neuvoja',
        role: 'ASSESSMENT_SW',
      }),
    );
    unwrap(await app.api.users.resetPassword({ id: created.id, password: 'tilapäinen-kesä-23' }));
    await app.core.signIn('toinen.lead', GOOD);
    await app.core.changePassword(GOOD, 'toisen-oma-kevät-4');
    const inbox = unwrap(await app.api.inbox.list({}));
    expect(inbox.items.map((m) => [m.kind, m.other, m.role])).toEqual([
      ['PASSWORD_RESET', 'Uusi Neuvoja (uusi.neuvoja)', 'ASSESSMENT_SW'],
      ['ACCOUNT_ROLE_CHANGED', 'Uusi Neuvoja (uusi.neuvoja)', 'ASSESSMENT_SW'],
      ['ACCOUNT_CREATED', 'Uusi Neuvoja (uusi.neuvoja)', 'ADVICE'],
    ]);
    // The lead who did it is not told of their own acts; the new lead's own creation was told to them.
    await app.core.signIn(me.name, DEMO_PASSWORD);
    const mine = unwrap(await app.api.inbox.list({}));
    expect(mine.items.filter((m) => m.kind.startsWith('ACCOUNT') || m.kind === 'PASSWORD_RESET')).toEqual([]);
    expect(otherLead.id).toBeTruthy();
  });
});

describe('passwords', () => {
  it('refuses passwords that are easy to guess, naming the field, and changes nothing', async () => {
    await app.signInAs('LEAD');
    const advice = await userOf('ADVICE');
    for (const weak of ['1234567890', 'Password1234', 'Luukku-2026!', 'salasana123']) {
      const before = await storeDigest(app.core.db);
      const created = await app.api.users.save({
        username: 'uusi.neuvoja1',
        displayName: 'Uusi',
        role: 'ADVICE',
        password: weak,
      });
      expect(created, weak).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('password: too easy to guess') },
      });
      const reset = await app.api.users.resetPassword({ id: advice.id, password: weak });
      expect(reset, weak).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await storeDigest(app.core.db)).toBe(before);
    }
    // The account's own name counts against it.
    expect(
      await app.api.users.save({
        username: 'hilkka.vuorikivi',
        displayName: 'Hilkka Vuorikivi',
        role: 'ADVICE',
        password: 'vuorikivi-hilkka',
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('password: too easy to guess') } });
    expect(
      await app.api.users.save({
        username: 'jussi.nieminen',
        displayName: 'Jussi Nieminen',
        role: 'ADVICE',
        password: 'vuorikivi-hilkka',
      }),
    ).toMatchObject({ ok: true });
    const own = await app.api.session.changePassword({
      current: DEMO_PASSWORD,
      next: '1234567890',
      repeat: '1234567890',
    });
    expect(own).toMatchObject({ ok: false, error: { message: expect.stringContaining('next: too easy to guess') } });
  });
});

describe('sign-in throttling', () => {
  it('holds when 41 wrong passwords arrive at once: at most five are checked, the rest are paused', async () => {
    const advice = await userOf('ADVICE');
    const attempts = await Promise.allSettled(
      Array.from({ length: 41 }, () =>
        app.api.session.signIn({ username: advice.username, password: 'väärä-arvaus-123' }),
      ),
    );
    const codes = attempts.map((a) => (a.status === 'fulfilled' && !a.value.ok ? a.value.error.code : 'other'));
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'SIGN_IN_PAUSED')).toHaveLength(36);
    // The right password too waits out the pause.
    expect(await app.api.session.signIn({ username: advice.username, password: DEMO_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_PAUSED' },
    });
    const refusals = await app.core.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'session.signIn')
      .where('outcome', '=', 'REFUSED')
      .executeTakeFirstOrThrow();
    expect(Number(refusals.n)).toBe(42);
  });

  it('throttles the current-password check of a password change the same way', async () => {
    await app.signInAs('REGIONAL');
    const tries = await Promise.all(
      Array.from({ length: 12 }, () =>
        app.api.session.changePassword({ current: 'arvattu-väärin-1', next: GOOD, repeat: GOOD }),
      ),
    );
    const codes = tries.map((t) => (t.ok ? 'ok' : t.error.code));
    expect(codes.filter((c) => c === 'INVALID_INPUT')).toHaveLength(5);
    expect(codes.filter((c) => c === 'SIGN_IN_PAUSED')).toHaveLength(7);
    // Even the right current password is refused while paused, and nothing was changed.
    const before = await storeDigest(app.core.db);
    const right = await app.api.session.changePassword({
      current: DEMO_PASSWORD,
      next: GOOD,
      repeat: GOOD,
    });
    expect(right).toMatchObject({ ok: false, error: { code: 'SIGN_IN_PAUSED' } });
    expect(await countRows(app.core.db, 'sign_in_failures')).toBe(1);
    expect(await storeDigest(app.core.db)).toBe(before);
  });
});
