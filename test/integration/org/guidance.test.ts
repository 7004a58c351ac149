import type { InputOf } from '../../../shared/contract';
import { describe, expect, it } from 'vitest';
import type { LetterKind, LetterLanguage } from '../../../shared/contract/letters';
import type { CaseType } from '../../../shared/caseTypes';
import { unwrap, useDemoCore } from '../../helpers/core';
import { isPdf, pdfText } from '../../helpers/pdfText';
import { countRows, lastAuditEntry } from '../../helpers/queries';

const app = useDemoCore(40);

const notification = {
  type: 'LSL25',
  channel: 'PHONE',
  receivedAt: '2026-11-20 16:40',
  reporterCategory: 'SCHOOL',
  municipalityId: 'loviisa', // east
  children: [{ firstName: 'Ella', lastName: 'Öhman', hetu: '150315A9033' }],
  guardians: [{ name: 'Åsa Öhman', language: 'sv' }],
} satisfies InputOf<'cases.register'>;

/** A new case with its urgency assessed, ready for the decision; signed in as the assessment-week worker. */
async function caseInTriage(): Promise<string> {
  await app.signInAs('ASSESSMENT_SW');
  const { caseIds } = unwrap(await app.api.cases.register(notification));
  unwrap(await app.api.cases.recordUrgency({ id: caseIds[0]!, urgent: false }));
  return caseIds[0]!;
}

const teams = async () => unwrap(await app.api.org.teams({}));
const assignable = async () => unwrap(await app.api.users.assignable({}));
const statusOf = async (id: string) =>
  (await app.core.db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('where a decision sends the case', () => {
  it('starts an assessment in the regional team of the child’s area, with a worker of that team or none yet', async () => {
    const id = await caseInTriage();
    const east = (await teams()).find((t) => t.areaId === 'east')!;
    const regionalTeams = new Set((await teams()).filter((t) => t.areaId).map((t) => t.id));
    const otherWorker = (await assignable()).find((u) => u.teamId !== east.id && regionalTeams.has(u.teamId ?? ''))!;
    const advice = (await teams()).find((t) => !t.areaId)!;
    const refused = [
      [{ teamId: east.id, assigneeUserId: otherWorker.id }, /assigneeUserId: is not in the chosen team/],
      [{ teamId: advice.id }, /teamId: choose a regional assessment team/],
      [{ teamId: 'nowhere' }, /teamId: choose a regional assessment team/],
      [{}, /teamId: choose the regional assessment team/],
    ] as const;
    for (const [to, message] of refused) {
      const result = await app.api.cases.recordDecision({
        id,
        decision: 'START_ASSESSMENT',
        reason: 'Arvioidaan.',
        ...to,
      });
      expect(!result.ok && result.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(message),
      });
      expect(await statusOf(id)).toBe('TRIAGE');
    }
    const decided = unwrap(
      await app.api.cases.recordDecision({
        id,
        decision: 'START_ASSESSMENT',
        reason: 'Arvioidaan.',
        teamId: east.id,
      }),
    );
    expect(decided).toMatchObject({ status: 'ASSESSMENT', assignedTeam: east.name, assignee: null });
  });

  it('takes the team from the worker when only a worker is chosen', async () => {
    const id = await caseInTriage();
    const regional = (await teams()).filter((t) => t.areaId && t.areaId !== 'east');
    const worker = (await assignable()).find((u) => regional.some((t) => t.id === u.teamId))!;
    const decided = unwrap(
      await app.api.cases.recordDecision({
        id,
        decision: 'START_ASSESSMENT',
        reason: 'Perhe asuu lännessä.',
        assigneeUserId: worker.id,
      }),
    );
    expect(decided.assignedTeam).toBe(regional.find((t) => t.id === worker.teamId)!.name);
  });

  it('guides the family to services picked from the directory, and refuses none or one out of use', async () => {
    const id = await caseInTriage();
    const services = unwrap(await app.api.guidance.services({ text: 'neuvola' }));
    expect(services.map((s) => s.id).sort()).toEqual(['child-health-clinic', 'family-counselling']);
    const guidance = { id, decision: 'GUIDANCE' as const, reason: 'Ohjattu.' };
    const none = await app.api.cases.recordDecision(guidance);
    expect(!none.ok && none.error.message).toMatch(/serviceIds: choose the services the family was guided to/);

    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    unwrap(
      await app.api.guidance.saveService({
        id: 'private-therapy',
        name: 'Yksityinen perheterapia / Privat familjeterapi',
        kind: 'PRIVATE',
        active: false,
      }),
    );
    await app.core.signOut('USER');
    await app.signInAs('ASSESSMENT_SW');
    const outOfUse = await app.api.cases.recordDecision({
      ...guidance,
      serviceIds: ['family-counselling', 'private-therapy'],
    });
    expect(!outOfUse.ok && outOfUse.error.message).toMatch(/serviceIds: private-therapy is not an active service/);
    expect(await countRows(app.core.db, 'case_guidance')).toBe(0);
    expect(await statusOf(id)).toBe('TRIAGE');

    const decided = unwrap(
      await app.api.cases.recordDecision({ ...guidance, serviceIds: ['mll', 'family-counselling'] }),
    );
    expect(decided.status).toBe('CLOSED');
    expect(decided.guidedTo.map((s) => s.id)).toEqual(['mll', 'family-counselling']);
    expect(decided.events.at(-1)).toMatchObject({
      kind: 'DECIDED',
      data: { decision: 'GUIDANCE', serviceIds: ['mll', 'family-counselling'] },
    });
  });

  it('hands a family that is already a client to the designated worker of its earlier case', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const earlier = await app.core.db
      .selectFrom('cases')
      .select(['id', 'assignee_user_id'])
      .where('assignee_user_id', 'is not', null)
      .where('child_hetu', 'is not', null)
      .executeTakeFirstOrThrow();
    const { caseIds } = unwrap(
      await app.api.cases.register({
        ...notification,
        children: [{ firstName: 'Emil', lastName: 'Öhman' }],
        linkToCaseId: earlier.id,
      }),
    );
    const id = caseIds[0]!;
    unwrap(await app.api.cases.recordUrgency({ id, urgent: false }));
    const shown = unwrap(await app.api.cases.get({ id }));
    expect(shown.linkedAssigneeUserId).toBe(earlier.assignee_user_id);
    const transfer = { id, decision: 'TRANSFER_EXISTING' as const, reason: 'Perhe on jo asiakkaana.' };
    const noWorker = await app.api.cases.recordDecision(transfer);
    expect(!noWorker.ok && noWorker.error.message).toMatch(/assigneeUserId: choose the designated worker/);
    const decided = unwrap(
      await app.api.cases.recordDecision({ ...transfer, assigneeUserId: earlier.assignee_user_id! }),
    );
    expect(decided).toMatchObject({ status: 'CLOSED', decision: 'TRANSFER_EXISTING' });
    expect(
      (await app.core.db.selectFrom('cases').select('assignee_user_id').where('id', '=', id).executeTakeFirstOrThrow())
        .assignee_user_id,
    ).toBe(earlier.assignee_user_id);
  });
});

describe('the service directory', () => {
  it('is kept by team leads: added, found by its description, taken out of use; others may only read it', async () => {
    await app.signInAs('ADVICE');
    const refused = await app.api.guidance.saveService({ name: 'X', kind: 'PUBLIC' });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const added = unwrap(
      await app.api.guidance.saveService({
        name: 'Nuorten talo',
        kind: 'PUBLIC',
        description: 'Avoin kohtaamispaikka 13-17-vuotiaille',
        contact: '040 123 4567',
      }),
    );
    expect(await lastAuditEntry(app.core.db)).toMatchObject({ action: 'guidance.saveService', outcome: 'OK' });
    const search = async (text: string, includeInactive = false) =>
      unwrap(await app.api.guidance.services({ text, includeInactive })).map((s) => s.id);
    expect(await search('kohtaamispaikka')).toEqual([added.id]);
    expect(await search('100%')).toEqual([]);
    const percent = unwrap(
      await app.api.guidance.saveService({
        name: 'Kerho',
        kind: 'THIRD_SECTOR',
        description: 'Maksuton 100% Äitien vapaaehtoisvoimin',
      }),
    );
    expect(await search('100%')).toEqual([percent.id]);
    expect(await search('10_%')).toEqual([]);
    expect(await search('ÄITIEN')).toEqual([percent.id]);
    unwrap(await app.api.guidance.saveService({ ...added, active: false }));
    expect(await search('kohtaamispaikka')).toEqual([]);
    expect(await search('kohtaamispaikka', true)).toEqual([added.id]);
    const missing = await app.api.guidance.saveService({ ...added, id: 'nope' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const blank = await app.api.guidance.saveService({ name: '  ', kind: 'PUBLIC' });
    expect(!blank.ok && blank.error.message).toMatch(/name: required/);
  });
});

describe('letters to guardians', () => {
  it('makes the notice in Swedish as a PDF, keeps it with the case and logs it as a disclosure', async () => {
    const id = await caseInTriage();
    const audits = await countRows(app.core.db, 'audit_log');
    const detail = unwrap(
      await app.api.letters.create({
        caseId: id,
        kind: 'RECEIPT_NOTICE',
        language: 'sv',
        recipient: 'Åsa Öhman',
      }),
    );
    expect(detail.letters).toMatchObject([{ kind: 'RECEIPT_NOTICE', language: 'sv', recipient: 'Åsa Öhman' }]);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'LETTER', data: { kind: 'RECEIPT_NOTICE', language: 'sv' } });
    const disclosure = await app.core.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'letters.create')
      .executeTakeFirstOrThrow();
    expect(disclosure).toMatchObject({ case_id: id, purpose: 'disclosure to the guardian', outcome: 'OK' });
    expect(disclosure.details).not.toContain('Öhman');
    expect(await countRows(app.core.db, 'audit_log')).toBeGreaterThan(audits);

    const file = unwrap(await app.api.letters.pdf({ id: detail.letters[0]!.id }));
    expect(file.fileName).toMatch(/^luukku-receipt-notice-\d+-2026-11-23\.pdf$/);
    expect(file.fileName).not.toContain('Öhman');
    const pdf = Buffer.from(file.pdfBase64, 'base64');
    expect(isPdf(pdf)).toBe(true);
    const text = pdfText(pdf).replace(/\n/g, ' ');
    expect(text).toContain('Meddelande om mottaget ärende');
    expect(text).toContain('Åsa Öhman');
    expect(text).toContain('ert barn Ella Öhman (15.3.2015)');
    // Received on Friday 20.11.2026: the 7th working day after it.
    expect(text).toContain('Senast 1.12.2026');
    expect(text).toContain('Itä-Uusimaa (demo)');
    expect(text).not.toMatch(/\{\{/);
    const worker = app.users.find((u) => u.role === 'ASSESSMENT_SW')!;
    expect(text).toContain(`Med vänlig hälsning ${worker.name}`);
    expect(await lastAuditEntry(app.core.db)).toMatchObject({ action: 'letters.read', case_id: id });
  });

  it('writes the decision letter only after the decision, naming the services; a failed letter stores nothing', async () => {
    const id = await caseInTriage();
    const early = await app.api.letters.create({
      caseId: id,
      kind: 'DECISION',
      language: 'fi',
      recipient: 'Åsa Öhman',
    });
    expect(!early.ok && early.error.code).toBe('WRONG_STATE');
    expect(await countRows(app.core.db, 'letters')).toBe(0);
    unwrap(
      await app.api.cases.recordDecision({
        id,
        decision: 'GUIDANCE',
        reason: 'Tuki riittää.',
        serviceIds: ['family-counselling'],
      }),
    );
    const detail = unwrap(
      await app.api.letters.create({ caseId: id, kind: 'DECISION', language: 'fi', recipient: 'Åsa' }),
    );
    const file = unwrap(await app.api.letters.pdf({ id: detail.letters[0]!.id }));
    const text = pdfText(Buffer.from(file.pdfBase64, 'base64')).replace(/\n/g, ' ');
    expect(text).toContain('Ohjattu muihin palveluihin');
    expect(text).toContain('Perustelut: Tuki riittää.');
    // The service in the letter's language only (issue 21 item 12).
    expect(text).toContain('Perheneuvola');
    expect(text).not.toContain('Familjerådgivningen');
    // No team for a guidance decision: the template's team line is left out rather than left blank.
    expect(text).not.toContain('Palvelutarpeen arvioinnin tekee');
  });

  it('uses the county’s own template once a lead has saved it, and refuses unknown placeholders', async () => {
    await app.signInAs('LEAD');
    const bad = await app.api.letters.saveTemplate({
      kind: 'RECEIPT_NOTICE',
      language: 'fi',
      body: 'Hei {{recipient}}, lapsenne {{lapsi}} asia on vireillä.',
    });
    expect(!bad.ok && bad.error.message).toMatch(/body: use only the placeholders/);
    unwrap(
      await app.api.letters.saveTemplate({
        kind: 'RECEIPT_NOTICE',
        language: 'fi',
        body: '# Hyvä {{recipient}}\nAsia on vireillä {{receivedDate}} alkaen; ratkaisu viimeistään {{startDue}}.',
      }),
    );
    const { caseIds } = unwrap(await app.api.cases.register(notification));
    const detail = unwrap(
      await app.api.letters.create({
        caseId: caseIds[0]!,
        kind: 'RECEIPT_NOTICE',
        language: 'fi',
        recipient: 'Åsa Öhman',
      }),
    );
    const file = unwrap(await app.api.letters.pdf({ id: detail.letters[0]!.id }));
    expect(pdfText(Buffer.from(file.pdfBase64, 'base64'))).toBe(
      'Hyvä Åsa Öhman\nAsia on vireillä 20.11.2026 alkaen; ratkaisu viimeistään 1.12.2026.\n1 / 1',
    );
    await app.core.signOut('USER');
    await app.signInAs('ADVICE');
    const notLead = await app.api.letters.saveTemplate({
      kind: 'DECISION',
      language: 'sv',
      body: 'Hej {{recipient}}, ett avgörande har fattats.',
    });
    expect(!notLead.ok && notLead.error.code).toBe('FORBIDDEN');
  });
});

describe('urgent measures and the statute a letter cites (issue 18 items 3, 8)', () => {
  const letterText = async (caseId: string, kind: LetterKind, language: LetterLanguage = 'fi') => {
    const detail = unwrap(await app.api.letters.create({ caseId, kind, language, recipient: 'Åsa Öhman' }));
    const newest = Math.max(...detail.letters.map((l) => l.id));
    const file = unwrap(await app.api.letters.pdf({ id: newest }));
    return pdfText(Buffer.from(file.pdfBase64, 'base64')).replace(/\n/g, ' ');
  };

  it('keeps an urgent case in assessment against its 3-month deadline, and its letter says so', async () => {
    const id = await caseInTriage();
    const noTeam = await app.api.cases.recordDecision({ id, decision: 'URGENT', reason: 'Sijoitus.' });
    expect(!noTeam.ok && noTeam.error.message).toMatch(/teamId: choose the regional assessment team/);
    const east = (await teams()).find((t) => t.areaId === 'east')!;
    const detail = unwrap(
      await app.api.cases.recordDecision({
        id,
        decision: 'URGENT',
        reason: 'Sijoitus.',
        teamId: east.id,
      }),
    );
    expect(detail).toMatchObject({
      status: 'ASSESSMENT',
      decision: 'URGENT',
      clock: { deadline: 'COMPLETE', due: detail.completeDue },
    });
    const text = await letterText(id, 'DECISION');
    expect(text).toContain('lastensuojelun asiakas (lastensuojelulaki 27 §)');
    // Received 20.11.2026: three months on is Saturday 20.2.2027, so the next working day.
    expect(text).toContain('valmistuu viimeistään 22.2.2027');
    expect(await letterText(id, 'DECISION', 'sv')).toContain('Bedömningen av servicebehovet fortsätter');
    unwrap(
      await app.api.cases.completeAssessment({
        id,
        completedDate: '2026-11-23',
        outcome: 'CHILD_WELFARE_CLIENT',
        summary: 'Yhteenveto.',
      }),
    );
    // Completed; a child welfare client is handed over to planned social work before the case closes.
    expect(await statusOf(id)).toBe('HANDOVER');
  });

  it('cites LsL 26 § for a child welfare notification and SHL 36 § for a contact; a child of 12 gets a notice too', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const register = async (type: CaseType, hetu: string) =>
      unwrap(
        await app.api.cases.register({
          ...notification,
          type,
          children: [{ firstName: 'Ella', lastName: 'Öhman', hetu }],
        }),
      ).caseIds[0]!;
    const notice = await letterText(await register('LSL25', '150315A9033'), 'RECEIPT_NOTICE');
    expect(notice).toContain('seitsemän arkipäivän kuluessa, lastensuojelulaki 26 §');
    // Born 23.11.2014: twelve on the day of the letter.
    const contact = await register('SHL35', '231114A1239');
    expect(await letterText(contact, 'RECEIPT_NOTICE', 'sv')).toContain('inom sju vardagar, socialvårdslagen 36 §');
    const child = await letterText(contact, 'CHILD_NOTICE');
    expect(child).toContain('Hei Åsa Öhman');
    expect(child).toContain('Saat kertoa oman mielipiteesi');
    const young = await app.api.letters.create({
      caseId: await register('LSL25', '241114A124Y'), // twelve only tomorrow
      kind: 'CHILD_NOTICE',
      language: 'fi',
      recipient: 'Ella',
    });
    expect(!young.ok && young.error).toMatchObject({
      code: 'WRONG_STATE',
      message: expect.stringMatching(/12 or more/),
    });
  });
});
