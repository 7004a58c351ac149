/** Running service need assessments for the assessment area's tests (issue 22), made through the app's calls. */
import type { openDemoCore } from './core';
import { unwrap } from './core';
import { isoWeek } from '../../shared/dates';

type DemoApp = Awaited<ReturnType<typeof openDemoCore>>;

/** The account id of the `nth` demo user of `role`. */
export async function idOf(app: DemoApp, role: string, nth = 0): Promise<string> {
  const { username } = app.userOf(role, nth);
  return (await app.core.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
    .id;
}

/** The account (and roster entry) holding the ISO week of `date`'s assessment duty in the demo's roster. */
export async function assessmentWeekHolder(app: DemoApp, date: string) {
  return app.core.db
    .selectFrom('duty_assignments as d')
    .innerJoin('users as u', 'u.staff_id', 'd.staff_id')
    .select(['u.id', 'u.username', 'd.staff_id'])
    .where('d.week', '=', isoWeek(date))
    .where('d.duty', '=', 'ASSESSMENT_WEEK')
    .executeTakeFirstOrThrow();
}

/** A new notification about `child` from a school, registered by the advice team on the tests' day; signed out. */
export async function registered(
  app: DemoApp,
  child: { firstName: string; lastName: string; birthDate: string },
  municipalityId = 'loviisa',
): Promise<string> {
  await app.signInAs('ADVICE');
  const { caseIds } = unwrap(
    await app.api.cases.register({
      type: 'LSL25',
      channel: 'PHONE',
      receivedAt: '2026-11-23 09:05',
      reporterCategory: 'SCHOOL',
      municipalityId,
      children: [child],
    }),
  );
  await app.core.signOut('USER');
  return caseIds[0]!;
}

/**
 * A new notification about `child` registered by the advice team and decided into a service need assessment
 * by the assessment-week worker, assigned to the first regional worker; signed out afterwards.
 */
export async function runningAssessment(
  app: DemoApp,
  child = { firstName: 'Ella', lastName: 'Parityö', birthDate: '2016-04-02' },
): Promise<string> {
  const id = await registered(app, child);
  await app.signInAs('ASSESSMENT_SW');
  unwrap(await app.api.cases.recordUrgency({ id, urgent: false }));
  unwrap(
    await app.api.cases.recordDecision({
      id,
      decision: 'START_ASSESSMENT',
      reason: 'Tarve arvioida.',
      assigneeUserId: await idOf(app, 'REGIONAL'),
    }),
  );
  await app.core.signOut('USER');
  return id;
}
