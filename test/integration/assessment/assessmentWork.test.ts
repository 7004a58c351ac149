/**
 * The assessment's own work (issue 22 items 1 and 2): a regional social worker names her counsellor as the
 * work pair; together they plan and hold the meetings; the case and the queue show what was held; the
 * counsellor cannot record what the law gives the social worker; the calendar lists the planned meetings and
 * exports them without names.
 */
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/contract';
import { lastAuditEntry, storeDigest } from '../../helpers/queries';
import { TEST_NOW, unwrap, useDemoCore } from '../../helpers/core';
import { idOf as accountOf, runningAssessment as runningCase } from '../../helpers/assessment';

let now = TEST_NOW;
const app = useDemoCore(40, () => new Date(now));

async function runningAssessment(): Promise<string> {
  now = TEST_NOW;
  return runningCase(app);
}
const idOf = (role: string) => accountOf(app, role);

const homeVisit = (caseId: string): InputOf<'assessment.saveMeeting'> => ({
  caseId,
  kind: 'HOME_VISIT',
  startsAt: '2026-11-25 10:00',
  durationMinutes: 90,
  status: 'PLANNED',
  participants: [
    { kind: 'CHILD', name: 'Ella' },
    { kind: 'GUARDIAN', name: 'Äiti Parityö' },
  ],
  note: 'Koko perhe kotona.',
});

describe('the work pair and the meetings of an assessment', () => {
  it('a regional social worker and her counsellor plan and hold a home visit; the case, the queue and the calendar show it', async () => {
    const id = await runningAssessment();
    const counsellor = { id: await idOf('COUNSELLOR'), name: app.userOf('COUNSELLOR').name };
    const regional = await idOf('REGIONAL');
    await app.signInAs('REGIONAL');
    const candidates = unwrap(await app.api.assessment.pairCandidates({ caseId: id }));
    expect(candidates.map((c) => c.id)).toContain(counsellor.id);
    expect(candidates.map((c) => c.id)).not.toContain(regional);
    expect(candidates.every((c) => c.role !== 'ADVICE')).toBe(true);
    const paired = unwrap(await app.api.assessment.setPair({ caseId: id, pairUserId: counsellor.id }));
    expect(paired.pair).toBe(counsellor.name);
    expect(paired.events.at(-1)!.kind).toBe('PAIR_SET');
    const planned = unwrap(await app.api.assessment.saveMeeting(homeVisit(id)));
    expect(planned.meetings).toMatchObject([
      { kind: 'HOME_VISIT', status: 'PLANNED', startsAt: '2026-11-25T08:00:00.000Z', durationMinutes: 90 },
    ]);
    expect(planned.meetingFacts).toEqual({ held: 0, homeVisitHeld: false, childMet: false });
    const gaps = async (gap: 'NO_HOME_VISIT' | 'CHILD_NOT_MET') =>
      unwrap(await app.api.cases.queue({ view: 'MINE', gap })).rows.map((r) => r.id);
    expect(await gaps('NO_HOME_VISIT')).toContain(id);
    expect(await gaps('CHILD_NOT_MET')).toContain(id);
    await app.core.signOut('USER');

    // The pair has the case among "my cases", and the meeting on the calendar with the child's name.
    await app.signInAs('COUNSELLOR');
    expect(unwrap(await app.api.cases.queue({ view: 'MINE' })).rows.map((r) => r.id)).toContain(id);
    const calendar = unwrap(await app.api.assessment.myMeetings({ from: '2026-11-23', to: '2026-11-29' }));
    expect(calendar).toMatchObject([{ caseId: id, kind: 'HOME_VISIT', childName: 'Ella Parityö' }]);
    const logged = await lastAuditEntry(app.core.db);
    expect([logged.action, logged.purpose]).toEqual(['assessment.myMeetings', 'meeting calendar']);
    const shown = await app.core.db.selectFrom('audit_cases').select('case_id').where('seq', '=', logged.seq).execute();
    expect(shown.map((r) => r.case_id)).toEqual([id]);
    const ics = unwrap(await app.api.assessment.meetingsIcs({ from: '2026-11-23', to: '2026-11-29', language: 'sv' }));
    expect(ics.meetings).toBe(1);
    expect(ics.ics).toContain('SUMMARY:Hembesök · Luukku');
    expect(ics.ics).toContain('DTSTART:20261125T080000Z\r\nDTEND:20261125T093000Z');
    expect(ics.ics).not.toMatch(/Ella|Parityö|Äiti/);

    // The meeting cannot be recorded as held before it has begun; two days later it can.
    const tooEarly = await app.api.assessment.saveMeeting({
      ...homeVisit(id),
      meetingId: planned.meetings[0]!.id,
      status: 'HELD',
    });
    expect(tooEarly.ok ? 'ok' : tooEarly.error.message).toMatch(/held meeting cannot be in the future/);
    now = Date.parse('2026-11-25T12:00:00Z');
    await app.signInAs('COUNSELLOR'); // two days on: the idle session ended
    const held = unwrap(
      await app.api.assessment.saveMeeting({ ...homeVisit(id), meetingId: planned.meetings[0]!.id, status: 'HELD' }),
    );
    expect(held.meetings).toHaveLength(1);
    expect(held.meetings[0]!.status).toBe('HELD');
    expect(held.meetingFacts).toEqual({ held: 1, homeVisitHeld: true, childMet: true });
    expect(held.events.at(-1)!.kind).toBe('MEETING_HELD');
    // A held meeting stays held: its details can be corrected, it cannot go back to planned.
    const back = await app.api.assessment.saveMeeting({
      ...homeVisit(id),
      meetingId: planned.meetings[0]!.id,
      status: 'PLANNED',
    });
    expect(back.ok ? 'ok' : back.error.code).toBe('WRONG_STATE');

    // What the law gives the social worker stays hers: each refused, logged, and nothing changed.
    for (const [name, call] of [
      [
        'cases.completeAssessment',
        () =>
          app.api.cases.completeAssessment({
            id,
            completedDate: '2026-11-25',
            outcome: 'NO_FURTHER_NEED',
            summary: 'Ei jatkotarvetta.',
          }),
      ],
      ['assessment.setPair', () => app.api.assessment.setPair({ caseId: id, pairUserId: null })],
      ['cases.closeAsNotCase', () => app.api.cases.closeAsNotCase({ id, reason: 'DUPLICATE', note: 'Kahdesti.' })],
    ] as const) {
      const before = await storeDigest(app.core.db);
      const r = await call();
      expect(r.ok ? 'ok' : r.error.code, name).toBe('FORBIDDEN');
      expect(await storeDigest(app.core.db), name).toBe(before);
      const refusal = await lastAuditEntry(app.core.db);
      expect([refusal.action, refusal.outcome]).toEqual([name, 'REFUSED']);
    }
    await app.core.signOut('USER');

    // The responsible worker's queue no longer lists the case as missing a home visit or the child.
    await app.signInAs('REGIONAL');
    expect(await gaps('NO_HOME_VISIT')).not.toContain(id);
    expect(await gaps('CHILD_NOT_MET')).not.toContain(id);
  });

  it('a network meeting is planned, cancelled and then stays cancelled; a held one needs its participants', async () => {
    const id = await runningAssessment();
    await app.signInAs('REGIONAL');
    const network = { ...homeVisit(id), kind: 'NETWORK' as const, startsAt: '2026-11-30 13:00' };
    const planned = unwrap(await app.api.assessment.saveMeeting(network));
    const meetingId = planned.meetings[0]!.id;
    const cancelled = unwrap(await app.api.assessment.saveMeeting({ ...network, meetingId, status: 'CANCELLED' }));
    expect(cancelled.meetings[0]!.status).toBe('CANCELLED');
    expect(cancelled.events.at(-1)!.kind).toBe('MEETING_CANCELLED');
    expect(unwrap(await app.api.assessment.myMeetings({ from: '2026-11-23', to: '2026-12-31' }))).toEqual([]);
    const again = await app.api.assessment.saveMeeting({ ...network, meetingId, status: 'PLANNED' });
    expect(again.ok ? 'ok' : again.error.code).toBe('WRONG_STATE');
    const nobody = await app.api.assessment.saveMeeting({
      ...network,
      startsAt: '2026-11-23 08:00',
      status: 'HELD',
      participants: [],
    });
    expect(nobody.ok ? 'ok' : nobody.error.message).toMatch(/participants: say who took part/);
  });

  it('refuses a pair who cannot be one and meetings outside a running assessment, changing nothing', async () => {
    const id = await runningAssessment();
    await app.signInAs('REGIONAL');
    const advice = { id: await idOf('ADVICE') };
    const regional = await idOf('REGIONAL');
    const counsellor = await idOf('COUNSELLOR');
    const undecided = (
      await app.core.db.selectFrom('cases').select('id').where('status', '=', 'NEW').executeTakeFirstOrThrow()
    ).id;
    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const cases: [string, () => ReturnType<typeof app.api.assessment.setPair>, string][] = [
      [
        'an advice-team account',
        () => app.api.assessment.setPair({ caseId: id, pairUserId: advice.id }),
        'INVALID_INPUT',
      ],
      [
        'the responsible worker',
        () => app.api.assessment.setPair({ caseId: id, pairUserId: regional }),
        'INVALID_INPUT',
      ],
      ['no such account', () => app.api.assessment.setPair({ caseId: id, pairUserId: 'nobody' }), 'INVALID_INPUT'],
      [
        'a case not yet decided',
        () => app.api.assessment.setPair({ caseId: undecided, pairUserId: counsellor }),
        'WRONG_STATE',
      ],
      ['a meeting before the decision', () => app.api.assessment.saveMeeting(homeVisit(undecided)), 'WRONG_STATE'],
      [
        'a meeting before the notification came',
        () => app.api.assessment.saveMeeting({ ...homeVisit(id), startsAt: '2026-11-20 10:00' }),
        'INVALID_INPUT',
      ],
      [
        'a time that is no time',
        () => app.api.assessment.saveMeeting({ ...homeVisit(id), startsAt: 'ensi tiistaina' }),
        'INVALID_INPUT',
      ],
      [
        'a meeting of another case',
        () => app.api.assessment.saveMeeting({ ...homeVisit(id), meetingId: 'no-such-meeting' }),
        'NOT_FOUND',
      ],
    ];
    for (const [what, call, code] of cases) {
      const before = await storeDigest(app.core.db);
      const r = await call();
      expect(r.ok ? 'ok' : r.error.code, what).toBe(code);
      expect(await storeDigest(app.core.db), what).toBe(before);
    }
  });
});
