/**
 * The end of an assessment (issue 22 items 4-6): the summary written by the pair and concluded by the social
 * worker, given to the family as a letter logged as a disclosure; support started during the assessment, of
 * which child welfare support starts the client relationship (LsL 27 §) and has its own letter; and the
 * hand-over to planned social work, without which a case that needs longer support does not close.
 */
import { describe, expect, it } from 'vitest';
import { lastAuditEntry, storeDigest } from '../../helpers/queries';
import { unwrap, useDemoCore } from '../../helpers/core';
import { idOf, runningAssessment } from '../../helpers/assessment';
import { pdfText } from '../../helpers/pdfText';

const app = useDemoCore(40);

/** A call refused as `code` (and `key`), leaving the store as it was and, for a refusal, logged with the case. */
async function refused(call: () => Promise<unknown>, code: string, key: string, caseId?: string) {
  const before = await storeDigest(app.core.db);
  const r = (await call()) as { ok: boolean; error?: { code: string; key?: string; message: string } };
  expect(r.ok ? 'ok' : `${r.error!.code} ${r.error!.key ?? r.error!.message}`).toBe(`${code} ${key}`);
  expect(await storeDigest(app.core.db)).toBe(before);
  if (caseId) expect(await lastAuditEntry(app.core.db)).toMatchObject({ outcome: 'REFUSED', case_id: caseId });
}

async function letterText(caseId: string, kind: 'SUMMARY' | 'SUPPORT_NOTICE', language: 'fi' | 'sv') {
  const detail = unwrap(await app.api.letters.create({ caseId, kind, language, recipient: 'Maija Parityö' }));
  const letter = detail.letters.at(-1)!;
  expect(letter.kind).toBe(kind);
  const file = unwrap(await app.api.letters.pdf({ id: letter.id }));
  return { detail, text: pdfText(Buffer.from(file.pdfBase64, 'base64')).replace(/\n/g, ' ') };
}

describe('the summary, support started and the hand-over', () => {
  it('the pair writes the summary, the social worker concludes, and the family gets it as a logged letter', async () => {
    const id = await runningAssessment(app);
    await app.signInAs('REGIONAL');
    const counsellor = await idOf(app, 'COUNSELLOR');
    unwrap(await app.api.assessment.setPair({ caseId: id, pairUserId: counsellor }));
    await app.core.signOut('USER');

    await app.signInAs('COUNSELLOR');
    const written = unwrap(
      await app.api.assessment.saveSummary({
        caseId: id,
        situation: 'Perhe on uupunut.\nKoulunkäynti takkuaa.',
        childView: 'Ella toivoo, että kotona riideltäisiin vähemmän.',
        supportNeed: 'Vanhemmuuden tuki.',
        servicesAgreed: 'Perheneuvola',
      }),
    );
    expect(written.summaryRecord).toMatchObject({ childWelfareNeeded: null, concludedBy: null, deliveredAt: null });
    // The conclusion on child welfare is the social worker's (LsL 26 §): the pair's is refused and logged.
    await refused(
      () => app.api.assessment.saveSummary({ caseId: id, situation: 'Perhe on uupunut.', childWelfareNeeded: false }),
      'FORBIDDEN',
      'socialWorkersCall',
      id,
    );
    await app.core.signOut('USER');

    await app.signInAs('REGIONAL');
    const { situation, childView, supportNeed, servicesAgreed } = written.summaryRecord!;
    const concluded = unwrap(
      await app.api.assessment.saveSummary({
        caseId: id,
        situation,
        childView,
        supportNeed,
        servicesAgreed,
        childWelfareNeeded: false,
      }),
    );
    const worker = app.userOf('REGIONAL', 0).name;
    expect(concluded.summaryRecord).toMatchObject({ childWelfareNeeded: false, concludedBy: worker });
    await app.core.signOut('USER');

    // The pair edits the text; the conclusion stays the social worker's.
    await app.signInAs('COUNSELLOR');
    const edited = unwrap(
      await app.api.assessment.saveSummary({
        caseId: id,
        situation: 'Perhe on uupunut. Koulunkäynti takkuaa.',
        childView: 'Ella toivoo, että kotona riideltäisiin vähemmän.',
        supportNeed: 'Vanhemmuuden tuki.',
        servicesAgreed: 'Perheneuvola',
      }),
    );
    expect(edited.summaryRecord).toMatchObject({ childWelfareNeeded: false, concludedBy: worker });
    const { detail, text } = await letterText(id, 'SUMMARY', 'fi');
    expect(text).toContain('Palvelutarpeen arvioinnin yhteenveto');
    expect(text).toContain('Lapsen oma näkemys Ella toivoo, että kotona riideltäisiin vähemmän.');
    expect(text).toContain('lastensuojelun tukitoimia ei tarvita');
    expect(detail.summaryRecord).toMatchObject({ changedSinceDelivery: false });
    expect(detail.summaryRecord!.deliveredAt).toBe(detail.letters.at(-1)!.createdAt);
    await app.core.signOut('USER');
    // Giving it to the family is a disclosure in the child's access log.
    await app.signInAs('LEAD');
    const log = unwrap(await app.api.audit.childAccessLog({ caseId: id, language: 'fi' }));
    expect(log.entries.filter((e) => e.action === 'letters.create')).toMatchObject([
      { purpose: 'disclosure to the guardian', outcome: 'OK' },
    ]);
    await app.core.signOut('USER');
  });

  it('records support started, child welfare support only by the social worker, with its LsL 27 § letter', async () => {
    const id = await runningAssessment(app, { firstName: 'Otto', lastName: 'Tukinen', birthDate: '2014-02-01' });
    await app.signInAs('REGIONAL');
    unwrap(await app.api.assessment.setPair({ caseId: id, pairUserId: await idOf(app, 'COUNSELLOR') }));
    await refused(
      () => app.api.letters.create({ caseId: id, kind: 'SUPPORT_NOTICE', language: 'sv', recipient: 'Maija' }),
      'WRONG_STATE',
      'noChildWelfareSupport',
    );
    await app.core.signOut('USER');
    await app.signInAs('COUNSELLOR');
    const family = unwrap(
      await app.api.assessment.startSupport({ caseId: id, name: 'Perhetyö', startedDate: '2026-11-23' }),
    );
    expect(family.supports).toMatchObject([{ name: 'Perhetyö', childWelfare: false }]);
    expect(family.clientRelationshipSince).toBeNull();
    await refused(
      () =>
        app.api.assessment.startSupport({
          caseId: id,
          name: 'Tukihenkilö',
          startedDate: '2026-11-23',
          childWelfare: true,
        }),
      'FORBIDDEN',
      'socialWorkersCall',
      id,
    );
    await app.core.signOut('USER');
    await app.signInAs('REGIONAL');
    await refused(
      () => app.api.assessment.startSupport({ caseId: id, name: 'Tukihenkilö', startedDate: '2026-12-01' }),
      'INVALID_INPUT',
      'Invalid input: startedDate: is in the future',
    );
    const started = unwrap(
      await app.api.assessment.startSupport({
        caseId: id,
        name: 'Tukihenkilö',
        startedDate: '2026-11-23',
        childWelfare: true,
      }),
    );
    expect(started.clientRelationshipSince).toBe('2026-11-23');
    const { text } = await letterText(id, 'SUPPORT_NOTICE', 'sv');
    expect(text).toContain('klientrelationen inom barnskyddet');
    expect(text).toContain('stödåtgärder inom barnskyddet: Tukihenkilö.');
    expect(text).toContain('Klientrelationen inleddes 23.11.2026.');
    expect(text).not.toContain('Perhetyö');
    await app.core.signOut('USER');
  });

  it('keeps a case that needs longer support open until the hand-over meeting is held', async () => {
    const id = await runningAssessment(app, { firstName: 'Aino', lastName: 'Siirtola', birthDate: '2015-06-06' });
    // The lead's figures for the case's area (Loviisa is in the east) this month, before and after.
    const figures = async () => {
      await app.signInAs('LEAD');
      const d = unwrap(await app.api.reports.dashboard({ from: '2026-11-01', to: '2026-11-30' }));
      await app.core.signOut('USER');
      return d.assessmentWorkByArea.find((a) => a.areaId === 'east')!;
    };
    const before = await figures();
    await app.signInAs('REGIONAL');
    const completed = unwrap(
      await app.api.cases.completeAssessment({
        id,
        completedDate: '2026-11-23',
        outcome: 'PLANNED_SOCIAL_WORK',
        summary: 'Suunnitelmalliseen sosiaalityöhön.',
      }),
    );
    expect(completed.status).toBe('HANDOVER');
    expect(completed.clock.state).toBe('DONE');
    expect(completed.handover).toMatchObject({ state: 'PENDING', toUserId: null, meeting: null, heldDate: null });
    // Still open work: in the open queue and the worker's own cases, not among the closed.
    const inView = async (view: 'OPEN' | 'MINE' | 'CLOSED') =>
      unwrap(await app.api.cases.queue({ view, text: 'Siirtola' })).rows.some((r) => r.id === id);
    expect([await inView('OPEN'), await inView('MINE'), await inView('CLOSED')]).toEqual([true, true, false]);
    // And counted in the open tab: the tab's number is the sum of the open statuses, hand-overs included.
    const open = unwrap(await app.api.cases.queue({ view: 'OPEN', text: 'Siirtola' }));
    expect(open.counts).toMatchObject({ HANDOVER: 1, ASSESSMENT: 0 });
    expect(open.total).toBe(
      open.counts.AWAITING_BIRTH + open.counts.NEW + open.counts.TRIAGE + open.counts.ASSESSMENT + open.counts.HANDOVER,
    );

    await refused(() => app.api.assessment.holdHandover({ caseId: id }), 'WRONG_STATE', 'noHandoverMeeting');
    const advice = await idOf(app, 'ADVICE');
    await refused(
      () =>
        app.api.assessment.planHandover({
          caseId: id,
          toUserId: advice,
          startsAt: '2026-11-30 13:00',
          participants: [{ kind: 'GUARDIAN', name: 'Maija Siirtola' }],
        }),
      'INVALID_INPUT',
      'Invalid input: toUserId: not an active social worker or counsellor',
    );
    // Planned social work under the Social Welfare Act may be received by a counsellor (SHL 42 §).
    const counsellor = await idOf(app, 'COUNSELLOR');
    const planned = unwrap(
      await app.api.assessment.planHandover({
        caseId: id,
        toUserId: counsellor,
        startsAt: '2026-11-30 13:00',
        participants: [{ kind: 'GUARDIAN', name: 'Maija Siirtola' }],
      }),
    );
    const receiver = app.userOf('COUNSELLOR', 0).name;
    expect(planned.handover).toMatchObject({ state: 'PENDING', to: receiver, heldDate: null });
    expect(planned.handover!.meeting).toMatchObject({ kind: 'HANDOVER', status: 'PLANNED' });
    // The assessing and the receiving worker take part beside the family.
    expect(planned.handover!.meeting!.participants.map((p) => p.name)).toEqual([
      'Maija Siirtola',
      app.userOf('REGIONAL', 0).name,
      receiver,
    ]);
    // The hand-over meeting is not one of the assessment's meetings.
    expect(planned.meetings).toEqual([]);
    await refused(() => app.api.assessment.holdHandover({ caseId: id }), 'WRONG_STATE', 'handoverAhead');
    await app.core.signOut('USER');
    // The receiving worker has the hand-over meeting on their own calendar.
    await app.signInAs('COUNSELLOR');
    const calendar = unwrap(await app.api.assessment.myMeetings({ from: '2026-11-30', to: '2026-11-30' }));
    expect(calendar.filter((m) => m.caseId === id).map((m) => m.kind)).toEqual(['HANDOVER']);
    await app.core.signOut('USER');
    await app.signInAs('REGIONAL');

    // Moved to this morning (the tests' day is Monday 23.11. at noon): held, and the case closes on its day.
    const moved = unwrap(
      await app.api.assessment.planHandover({
        caseId: id,
        toUserId: counsellor,
        startsAt: '2026-11-23 11:00',
        participants: [{ kind: 'GUARDIAN', name: 'Maija Siirtola' }],
      }),
    );
    expect(moved.events.filter((e) => e.kind === 'HANDOVER_PLANNED')).toHaveLength(2);
    const held = unwrap(await app.api.assessment.holdHandover({ caseId: id }));
    expect(held.status).toBe('CLOSED');
    expect(held.handover).toMatchObject({ state: 'HELD', heldDate: '2026-11-23', to: receiver });
    expect(held.handover!.meeting).toMatchObject({ status: 'HELD' });
    expect([await inView('OPEN'), await inView('CLOSED')]).toEqual([false, true]);
    await refused(() => app.api.assessment.holdHandover({ caseId: id }), 'WRONG_STATE', 'noHandoverStep');
    await app.core.signOut('USER');
    // One more completed and handed over, on the day it was completed; its hand-over meeting is no assessment meeting.
    expect(await figures()).toEqual({
      ...before,
      completed: before.completed + 1,
      handedOver: before.handedOver + 1,
    });
  });

  it('has a child welfare client received by a social worker, and closes a case that needs nothing more at once', async () => {
    const id = await runningAssessment(app, { firstName: 'Leo', lastName: 'Asiakas', birthDate: '2013-03-03' });
    const other = await runningAssessment(app, { firstName: 'Vilja', lastName: 'Valmis', birthDate: '2012-01-01' });
    await app.signInAs('REGIONAL');
    const counsellor = await idOf(app, 'COUNSELLOR');
    unwrap(
      await app.api.cases.completeAssessment({
        id,
        completedDate: '2026-11-23',
        outcome: 'CHILD_WELFARE_CLIENT',
        summary: 'Lastensuojelun asiakkuus.',
      }),
    );
    await refused(
      () =>
        app.api.assessment.planHandover({
          caseId: id,
          toUserId: counsellor,
          startsAt: '2026-11-30 13:00',
          participants: [{ kind: 'CHILD', name: 'Leo Asiakas' }],
        }),
      'INVALID_INPUT',
      'Invalid input: toUserId: a child welfare client is received by a social worker (LsL 13 b §)',
    );
    const done = unwrap(
      await app.api.cases.completeAssessment({
        id: other,
        completedDate: '2026-11-23',
        outcome: 'NO_FURTHER_NEED',
        summary: 'Ei tarvetta.',
      }),
    );
    expect([done.status, done.handover]).toEqual(['CLOSED', null]);
    await app.core.signOut('USER');
  });
});
