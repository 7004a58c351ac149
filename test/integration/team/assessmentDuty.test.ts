/**
 * The assessment-week model as the county chooses it (issue 22 item 8): in the rotation, a new notification
 * goes to the worker of the week's ASSESSMENT_WEEK duty; with one dedicated social worker, to that worker, or
 * to the named deputy while the worker is away. The lead's settings are checked before they are saved.
 */
import { describe, expect, it } from 'vitest';
import { unwrap, useDemoCore } from '../../helpers/core';
import { assessmentWeekHolder, idOf, registered } from '../../helpers/assessment';
import { storeDigest } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';
import { importCsv } from '../../helpers/cli';

const app = useDemoCore(40);
const TODAY = '2026-11-23'; // the tests' clock

async function register(lastName: string) {
  const id = await registered(app, { firstName: 'Uusi', lastName, birthDate: '2015-05-05' }, 'porvoo');
  const row = await app.core.db
    .selectFrom('cases')
    .select('assignee_user_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, assignee: row.assignee_user_id };
}

async function staffOf(userId: string) {
  return (await app.core.db.selectFrom('users').select('staff_id').where('id', '=', userId).executeTakeFirstOrThrow())
    .staff_id!;
}

describe('the assessment-week model', () => {
  it('gives a new notification to the rotation week’s worker, and to nobody while that worker is away', async () => {
    // The published roster's assessment week for the tests' week, as the roster holds it.
    const week = await assessmentWeekHolder(app, TODAY);
    await app.core.db.deleteFrom('absences').where('staff_id', '=', week.staff_id).execute();
    expect((await register('Kierto')).assignee).toBe(week.id);

    await app.signInAs('LEAD');
    unwrap(await app.api.staff.addAbsence({ staffId: week.staff_id, from: TODAY, to: TODAY, kind: 'SICK_LEAVE' }));
    await app.core.signOut('USER');
    expect((await register('Poissa')).assignee).toBeNull();
  });

  it('gives it to the dedicated worker, to the deputy while the worker is away, and shows it among theirs', async () => {
    const worker = await idOf(app, 'ASSESSMENT_SW', 1);
    const deputy = await idOf(app, 'ASSESSMENT_SW', 0);
    await app.core.db
      .deleteFrom('absences')
      .where('staff_id', 'in', [await staffOf(worker), await staffOf(deputy)])
      .execute();
    await app.signInAs('LEAD');
    const settings = unwrap(
      await app.api.settings.update({
        assessmentModel: 'DEDICATED',
        assessmentWorkerId: worker,
        assessmentDeputyId: deputy,
      }),
    );
    expect(settings).toMatchObject({ assessmentModel: 'DEDICATED', assessmentWorkerId: worker });
    await app.core.signOut('USER');

    const first = await register('Nimetty');
    expect(first.assignee).toBe(worker);
    await app.core.signIn(app.userOf('ASSESSMENT_SW', 1).username, DEMO_PASSWORD);
    const mine = unwrap(await app.api.cases.queue({ view: 'MINE', text: 'Nimetty' }));
    expect(mine.rows.map((r) => r.id)).toEqual([first.id]);
    await app.core.signOut('USER');

    await app.signInAs('LEAD');
    unwrap(
      await app.api.staff.addAbsence({ staffId: await staffOf(worker), from: TODAY, to: TODAY, kind: 'TRAINING' }),
    );
    await app.core.signOut('USER');
    expect((await register('Sijainen')).assignee).toBe(deputy);
  });

  it('gives an imported notification still undecided to the week’s worker too, and an imported decided one to nobody', async () => {
    const week = await assessmentWeekHolder(app, TODAY);
    await app.core.db.deleteFrom('absences').where('staff_id', '=', week.staff_id).execute();
    const row = {
      type: 'LSL25',
      channel: 'PHONE',
      received_at: '2026-11-20 09:00',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_last_name: 'Tuotu',
    };
    await app.signInAs('LEAD');
    unwrap(
      await app.api.cases.importCsv({
        text: importCsv([
          { ...row, external_id: 'DUTY-1', child_first_name: 'Uusi' },
          {
            ...row,
            external_id: 'DUTY-2',
            child_first_name: 'Päätetty',
            urgency_assessed_at: '2026-11-20 10:00',
            decision: 'NO_ACTION',
            decision_at: '2026-11-20 12:00',
          },
        ]),
      }),
    );
    await app.core.signOut('USER');
    const imported = await app.core.db
      .selectFrom('cases')
      .select(['external_id', 'assignee_user_id'])
      .where('external_id', 'in', ['DUTY-1', 'DUTY-2'])
      .orderBy('external_id')
      .execute();
    expect(imported).toEqual([
      { external_id: 'DUTY-1', assignee_user_id: week.id },
      { external_id: 'DUTY-2', assignee_user_id: null },
    ]);
  });

  it('lists the worker’s undecided notifications by deadline with the steps still to do', async () => {
    const worker = await idOf(app, 'ASSESSMENT_SW', 1);
    await app.core.db
      .deleteFrom('absences')
      .where('staff_id', '=', await staffOf(worker))
      .execute();
    await app.signInAs('LEAD');
    unwrap(await app.api.settings.update({ assessmentModel: 'DEDICATED', assessmentWorkerId: worker }));
    await app.core.signOut('USER');
    const { id } = await register('Listalla');
    await app.core.signIn(app.userOf('ASSESSMENT_SW', 1).username, DEMO_PASSWORD);
    const item = async () => unwrap(await app.api.cases.sevenDayList()).items.find((c) => c.id === id);
    // Born 2015: a child of 11 on the tests' day, so no notice of their own is due.
    expect(await item()).toMatchObject({
      startDue: '2026-12-02',
      steps: { urgency: false, contact: false, guardiansInformed: false, childInformed: null },
    });
    const list = unwrap(await app.api.cases.sevenDayList());
    // The dedicated worker is on duty: the list says so, as it says why the county's cases are open to them.
    expect(list.duty).toBe('ON');
    expect(list.items.map((c) => c.startDue)).toEqual(list.items.map((c) => c.startDue).sort());
    unwrap(await app.api.cases.recordUrgency({ id, urgent: false }));
    unwrap(await app.api.cases.recordContact({ id, date: TODAY, mode: 'PHONE', note: '' }));
    unwrap(await app.api.letters.create({ caseId: id, kind: 'RECEIPT_NOTICE', language: 'fi', recipient: 'Huoltaja' }));
    expect((await item())!.steps).toEqual({
      urgency: true,
      contact: true,
      guardiansInformed: true,
      childInformed: null,
    });
    // Decided: off the list.
    unwrap(await app.api.cases.recordDecision({ id, decision: 'NO_ACTION', reason: 'Ei aihetta toimiin.' }));
    expect(await item()).toBeUndefined();
    await app.core.signOut('USER');
  });

  it('refuses a dedicated model without its worker, with another role, or with the worker as the deputy', async () => {
    await app.signInAs('LEAD');
    const worker = await idOf(app, 'ASSESSMENT_SW', 1);
    const before = await storeDigest(app.core.db);
    const cases = [
      [{ assessmentModel: 'DEDICATED' as const }, 'assessmentWorkerId: name the social worker'],
      [
        { assessmentModel: 'DEDICATED' as const, assessmentWorkerId: await idOf(app, 'ADVICE') },
        'assessmentWorkerId: not an active social worker',
      ],
      [
        { assessmentModel: 'DEDICATED' as const, assessmentWorkerId: worker, assessmentDeputyId: worker },
        'assessmentDeputyId: the deputy is another social worker',
      ],
    ] as const;
    for (const [patch, why] of cases) {
      const r = await app.api.settings.update(patch);
      expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`).toContain(`INVALID_INPUT Invalid input: ${why}`);
    }
    expect(await storeDigest(app.core.db)).toBe(before);
    expect(unwrap(await app.api.settings.get()).assessmentModel).toBe('ROTATION');
    await app.core.signOut('USER');
  });
});
