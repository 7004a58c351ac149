/**
 * Issue 18 items 2, 4, 6: the real times of urgency and decision, corrections with their reasons, the
 * reasons for missed deadlines, THL's population and cases closed as not cases, and a THL report that is
 * exact on all of them (recounted independently, test/helpers/thlRecount.ts).
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatcher';
import { THL_FIGURES, type ThlFigure } from '../../../shared/contract/reports';
import type { CaseType } from '../../../shared/caseTypes';
import { unwrap, useDemoCore } from '../../helpers/core';
import { storeDigest } from '../../helpers/queries';
import { recount, recountSets } from '../../helpers/thlRecount';

const app = useDemoCore(600);

/** Registers one child's notification received on `receivedAt` (Helsinki time); signed in as the assessment-week worker. */
async function registered(type: CaseType, receivedAt: string, firstName = 'Aino'): Promise<string> {
  const r = unwrap(
    await app.api.cases.register({
      type,
      channel: 'PHONE',
      receivedAt,
      reporterCategory: 'SCHOOL',
      municipalityId: 'porvoo',
      children: [{ firstName, lastName: 'Kirjanen', birthDate: '2015-02-02' }],
    }),
  );
  return r.caseIds[0]!;
}

const lastAuditOf = (action: string) =>
  app.core.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();

const refusedWith = async (name: string, input: Record<string, unknown>, message: RegExp) => {
  const before = await storeDigest(app.core.db);
  const r = await dispatch(app.core, name, input);
  expect(r.ok ? 'ok' : r.error, name).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
  expect(await storeDigest(app.core.db), `${name} changed the store`).toBe(before);
};

describe('the real times of urgency and decision', () => {
  it('records a decision made on day 7 and typed in on day 8 as on time, and a correction with its reason', async () => {
    await app.signInAs('ASSESSMENT_SW');
    // Received Tue 10.11.2026: the 7th working day is Thu 19.11.; "today" is Mon 23.11.
    const id = await registered('LSL25', '2026-11-10 09:30');
    await refusedWith(
      'cases.recordUrgency',
      { id, urgent: false, assessedAt: '2026-11-24 09:00' },
      /assessedAt: is in the future/,
    );
    await refusedWith(
      'cases.recordUrgency',
      { id, urgent: false, assessedAt: '2026-11-10 09:00' },
      /assessedAt: is before the notification was received/,
    );
    const urgency = unwrap(await app.api.cases.recordUrgency({ id, urgent: false, assessedAt: '2026-11-10 11:00' }));
    expect(urgency.urgencyAssessedAt).toBe('2026-11-10T09:00:00.000Z');
    expect(urgency.urgencyRecordedAt).toBe('2026-11-23T10:00:00.000Z');

    const decide = { id, decision: 'NO_ACTION' as const, reason: 'Ei huolta.' };
    await refusedWith(
      'cases.recordDecision',
      { ...decide, decisionDate: '2026-11-24' },
      /decisionDate: is in the future/,
    );
    await refusedWith(
      'cases.recordDecision',
      { ...decide, decisionDate: '2026-11-09' },
      /decisionDate: is before the notification was received/,
    );
    const decided = unwrap(await app.api.cases.recordDecision({ ...decide, decisionDate: '2026-11-19' }));
    expect(decided).toMatchObject({
      decisionDate: '2026-11-19',
      decisionRecordedAt: '2026-11-23T10:00:00.000Z',
      startDue: '2026-11-19',
      concern: 'CHILD_WELFARE',
      status: 'CLOSED',
    });
    expect(JSON.parse((await lastAuditOf('cases.recordDecision')).details)).toMatchObject({
      decisionDate: '2026-11-19',
      enteredOn: '2026-11-23',
    });
    const period = { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-23' };
    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const inFigure = async (figure: ThlFigure) =>
      unwrap(await app.api.reports.thlCases({ ...period, figure, limit: 500 })).rows.some((r) => r.id === id);
    expect(await inFigure('pending.decidedWithin7')).toBe(true);

    // The decision was in fact made a day later: a correction needs its reason and keeps the earlier date.
    await refusedWith('cases.correctDecision', { id, decisionDate: '2026-11-20', reason: '' }, /reason: say why/);
    await refusedWith(
      'cases.overrunReason',
      { id, deadline: 'START', reason: 'FAMILY_UNREACHABLE' },
      /deadline: the decision \(7 working days\) is not late/,
    );
    const corrected = unwrap(
      await app.api.cases.correctDecision({
        id,
        decisionDate: '2026-11-20',
        reason: 'Päivämäärä tarkistettu muistiinpanoista.',
      }),
    );
    expect(corrected.decisionDate).toBe('2026-11-20');
    expect(corrected.events.at(-1)).toMatchObject({
      kind: 'DECISION_CORRECTED',
      data: { from: { decisionDate: '2026-11-19' }, to: { decisionDate: '2026-11-20' }, reason: expect.any(String) },
    });
    const audit = await lastAuditOf('cases.correctDecision');
    expect(audit).toMatchObject({ case_id: id, outcome: 'OK' });
    expect(audit.details).not.toContain('muistiinpanoista');
    expect(await inFigure('pending.decidedLate')).toBe(true);
    expect(await inFigure('pending.decidedWithin7')).toBe(false);

    // Late now, so the reason can be recorded; OTHER needs words.
    await refusedWith('cases.overrunReason', { id, deadline: 'START', reason: 'OTHER' }, /note: describe the reason/);
    unwrap(
      await app.api.cases.overrunReason({
        id,
        deadline: 'START',
        reason: 'FAMILY_UNREACHABLE',
        note: '',
      }),
    );
    const report = unwrap(await app.api.reports.thl(period));
    expect(report.overrunReasons.start.FAMILY_UNREACHABLE).toBeGreaterThanOrEqual(1);
    const late = unwrap(await app.api.reports.thlCases({ ...period, figure: 'pending.decidedLate', limit: 500 }));
    expect(late.rows.find((r) => r.id === id)!.startOverrun).toEqual({ reason: 'FAMILY_UNREACHABLE', note: '' });
  });

  it('corrects a recorded urgency with its reason and keeps the earlier one in the history', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const id = await registered('LSL25', '2026-11-20 08:00');
    unwrap(await app.api.cases.recordUrgency({ id, urgent: false }));
    const again = await app.api.cases.recordUrgency({ id, urgent: true });
    expect(!again.ok && again.error.message).toMatch(/correct it/);
    await refusedWith(
      'cases.correctUrgency',
      { id, urgent: true, assessedAt: '2026-11-20 08:30', reason: ' ' },
      /reason: say why/,
    );
    const detail = unwrap(
      await app.api.cases.correctUrgency({
        id,
        urgent: true,
        assessedAt: '2026-11-20 08:30',
        reason: 'Arvio tehtiin puhelun aikana.',
      }),
    );
    expect(detail).toMatchObject({ urgencyResult: 'URGENT', urgencyAssessedAt: '2026-11-20T06:30:00.000Z' });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'URGENCY_CORRECTED',
      data: { from: { urgent: false, assessedAt: '2026-11-23T10:00:00.000Z' }, to: { urgent: true } },
    });
    await app.core.signOut('USER');
    await app.signInAs('ADVICE');
    const counsellor = await app.api.cases.correctUrgency({
      id,
      urgent: false,
      assessedAt: '2026-11-20 08:30',
      reason: 'Ei oikeutta.',
    });
    expect(!counsellor.ok && counsellor.error.code).toBe('FORBIDDEN');
  });
});

describe('THL’s population and cases that are not cases', () => {
  it('counts the population THL monitors, shows the others apart, and never counts a duplicate as a decision', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const shl = await registered('SHL35', '2026-11-16 10:00', 'Sakari');
    unwrap(await app.api.cases.recordUrgency({ id: shl, urgent: false }));
    await refusedWith(
      'cases.recordDecision',
      { id: shl, decision: 'NO_ACTION', reason: 'Ei tarvetta.' },
      /concern: say whether/,
    );
    unwrap(
      await app.api.cases.recordDecision({
        id: shl,
        decision: 'NO_ACTION',
        reason: 'Ei tarvetta.',
        concern: 'OTHER',
      }),
    );
    const duplicate = await registered('LSL25', '2026-11-16 10:05', 'Tuplaus');
    await refusedWith('cases.closeAsNotCase', { id: duplicate, reason: 'DUPLICATE', note: '' }, /note: say why/);
    const closed = unwrap(
      await app.api.cases.closeAsNotCase({
        id: duplicate,
        reason: 'DUPLICATE',
        note: 'Kirjattu kahdesti.',
      }),
    );
    expect(closed).toMatchObject({
      status: 'CLOSED',
      decision: null,
      closedReason: 'DUPLICATE',
      clock: { state: 'DONE' },
    });
    const decideClosed = await app.api.cases.recordUrgency({ id: duplicate, urgent: false });
    expect(!decideClosed.ok && decideClosed.error.code).toBe('WRONG_STATE');
    const urgent = await registered('LSL25', '2026-11-17 09:00', 'Kiireinen');
    unwrap(await app.api.cases.recordUrgency({ id: urgent, urgent: true }));
    const team = (
      await app.core.db.selectFrom('teams').select('id').where('area_id', '=', 'central').executeTakeFirstOrThrow()
    ).id;
    unwrap(
      await app.api.cases.recordDecision({
        id: urgent,
        decision: 'URGENT',
        reason: 'Sijoitus.',
        teamId: team,
      }),
    );

    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const rows = await app.core.db.selectFrom('cases').selectAll().execute();
    for (const [from, to, asOf] of [
      ['2026-11-01', '2026-11-30', '2026-11-23'],
      ['2026-04-01', '2026-09-30', '2026-10-17'],
      ['2025-10-01', '2026-09-30', '2026-11-23'],
    ] as const) {
      for (const population of ['THL', 'ALL'] as const) {
        const report = unwrap(await app.api.reports.thl({ from, to, asOf, population }));
        expect(report, `${from} ${population}`).toEqual(recount(rows, from, to, asOf, population));
      }
    }
    const period = { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-23' };
    const thl = unwrap(await app.api.reports.thl(period));
    const all = unwrap(await app.api.reports.thl({ ...period, population: 'ALL' }));
    expect(thl.population).toBe('THL');
    expect(thl.other.total).toBeGreaterThanOrEqual(1);
    expect(all.pending.total).toBe(thl.pending.total + thl.other.total);
    expect(thl.notCases.total).toBe(1);
    expect(thl.decisions.URGENT).toBeGreaterThanOrEqual(1);
    const sets = recountSets(rows, period.from, period.to, period.asOf);
    for (const figure of THL_FIGURES) {
      const listed = unwrap(await app.api.reports.thlCases({ ...period, figure, limit: 500 }));
      expect(new Set(listed.rows.map((r) => r.id)), figure).toEqual(sets[figure]);
    }
    expect(sets['notCases.total']).toEqual(new Set([duplicate]));
    expect(sets['other.total']!.has(shl)).toBe(true);
    expect(sets['pending.total']!.has(duplicate) || sets['pending.total']!.has(shl)).toBe(false);
  });
});
