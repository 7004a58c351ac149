/**
 * The assessment-week worker's county-wide case access is bound to the weeks of duty (issue 22 item 8): every
 * case while on duty (they need a child's earlier cases), and off duty what the advice team sees plus the cases
 * they decided or were given. A refusal is answered like a missing case and logged.
 */
import { describe, expect, it } from 'vitest';
import { unwrap, useDemoCore, TEST_NOW } from '../../helpers/core';
import { assessmentWeekHolder, idOf } from '../../helpers/assessment';
import { lastAuditEntry } from '../../helpers/queries';
import { DEMO_PASSWORD } from '../../helpers/stores';

let now = TEST_NOW;
const app = useDemoCore(40, () => new Date(now));

/** What `username` is answered when opening each case: 'ok' or the error code. */
async function opens(username: string, ids: string[]) {
  await app.core.signIn(username, DEMO_PASSWORD);
  const answers = [];
  for (const id of ids) {
    const r = await app.api.cases.get({ id });
    answers.push(r.ok ? 'ok' : r.error.code);
  }
  await app.core.signOut('USER');
  return answers;
}

describe("the assessment-week worker's case access", () => {
  it('covers every case during the week of duty, and afterwards only intake and the cases the worker decided', async () => {
    now = TEST_NOW;
    const w48 = await assessmentWeekHolder(app, '2026-11-23');
    const w49 = await assessmentWeekHolder(app, '2026-11-30');
    expect(w48.id).not.toBe(w49.id);
    expect(app.userOf('ASSESSMENT_SW').username).toBe(w48.username);
    // A closed case somebody else decided and worked on, one the week-48 worker decided, and a new notification.
    const closed = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'CLOSED')
      .where('decision_by', 'not in', [w48.id, w49.id])
      .where('assignee_user_id', 'not in', [w48.id, w49.id])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const decided = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('decision_by', '=', w48.id)
      .where('assignee_user_id', '<>', w48.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const fresh = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'NEW')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const ids = [closed.id, decided.id, fresh.id];

    expect(await opens(w48.username, ids)).toEqual(['ok', 'ok', 'ok']);
    // Next week's worker is off duty this week: the closed case is refused, like one that does not exist.
    expect(await opens(w49.username, ids)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'ok']);
    await app.core.signIn(w49.username, DEMO_PASSWORD);
    const refused = await app.api.cases.get({ id: closed.id });
    expect(refused.ok ? 'ok' : refused.error.message).toBe('This case is not among the cases your role may see.');
    expect(await lastAuditEntry(app.core.db)).toMatchObject({ outcome: 'REFUSED', case_id: closed.id });
    const queue = unwrap(await app.api.cases.queue({ view: 'CLOSED', limit: 500 }));
    expect(queue.rows.map((r) => r.id)).not.toContain(closed.id);
    // The 7-day list tells the worker why: not on duty today.
    expect(unwrap(await app.api.cases.sevenDayList()).duty).toBe('OFF');
    await app.core.signOut('USER');

    // A week on, the duty has moved: the week-48 worker keeps the case they decided, not the county's.
    now = Date.parse('2026-11-30T10:00:00Z');
    expect(await opens(w48.username, ids)).toEqual(['FORBIDDEN', 'ok', 'ok']);
    expect(await opens(w49.username, ids)).toEqual(['ok', 'ok', 'ok']);
  });

  it('in the dedicated model, covers every case for the worker, and for the deputy only while the worker is away', async () => {
    now = TEST_NOW;
    const closed = await app.core.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'CLOSED')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [worker, deputy] = [app.userOf('ASSESSMENT_SW', 1), app.userOf('ASSESSMENT_SW', 2)];
    const workerId = await idOf(app, 'ASSESSMENT_SW', 1);
    const deputyId = await idOf(app, 'ASSESSMENT_SW', 2);
    const staffOf = async (id: string) =>
      (await app.core.db.selectFrom('users').select('staff_id').where('id', '=', id).executeTakeFirstOrThrow())
        .staff_id!;
    await app.core.db
      .deleteFrom('absences')
      .where('staff_id', 'in', [await staffOf(workerId), await staffOf(deputyId)])
      .execute();
    await app.core.db
      .updateTable('cases')
      .set({ decision_by: null, urgency_assessed_by: null, assignee_user_id: null })
      .where('id', '=', closed.id)
      .execute();
    await app.signInAs('LEAD');
    unwrap(
      await app.api.settings.update({
        assessmentModel: 'DEDICATED',
        assessmentWorkerId: workerId,
        assessmentDeputyId: deputyId,
      }),
    );
    await app.core.signOut('USER');
    expect(await opens(worker.username, [closed.id])).toEqual(['ok']);
    expect(await opens(deputy.username, [closed.id])).toEqual(['FORBIDDEN']);
    // The rotation's week no longer counts in the dedicated model.
    expect(await opens(app.userOf('ASSESSMENT_SW', 0).username, [closed.id])).toEqual(['FORBIDDEN']);

    await app.signInAs('LEAD');
    unwrap(
      await app.api.staff.addAbsence({
        staffId: await staffOf(workerId),
        from: '2026-11-23',
        to: '2026-11-23',
        kind: 'SICK_LEAVE',
      }),
    );
    await app.core.signOut('USER');
    expect(await opens(deputy.username, [closed.id])).toEqual(['ok']);
  });
});
