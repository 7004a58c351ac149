/**
 * Partners of an assessment and the client's consent (issue 22 item 3): information goes to a partner only on
 * a recorded basis (consent given and not withdrawn, or the partner's statutory duty to take part); anything
 * else is refused, changes nothing and is logged; every disclosure is in the child's access-log report with
 * its recipient and basis.
 */
import { describe, expect, it } from 'vitest';
import { lastAuditEntry, storeDigest } from '../../helpers/queries';
import { unwrap, useDemoCore } from '../../helpers/core';
import { runningAssessment } from '../../helpers/assessment';

const app = useDemoCore(40);

describe('partners and consent', () => {
  it('shares only with consent or a statutory duty, and the access log lists each disclosure with its basis', async () => {
    const id = await runningAssessment(app);
    await app.signInAs('REGIONAL');
    const service = unwrap(await app.api.guidance.services({}))[0]!;
    const withService = unwrap(
      await app.api.assessment.invitePartner({ caseId: id, serviceId: service.id, role: 'perheneuvoja' }),
    );
    expect(withService.partners).toMatchObject([{ name: service.name, serviceId: service.id, consent: null }]);
    const curator = unwrap(
      await app.api.assessment.invitePartner({ caseId: id, name: 'Liisa Laine', role: 'koulukuraattori' }),
    ).partners.find((p) => p.name === 'Liisa Laine')!;
    const police = unwrap(
      await app.api.assessment.invitePartner({ caseId: id, name: 'Ankkuri-tiimi', role: 'poliisi', statutory: true }),
    ).partners.find((p) => p.name === 'Ankkuri-tiimi')!;

    const refused = async (basis: 'CONSENT' | 'STATUTORY', partnerId: string, why: RegExp) => {
      const before = await storeDigest(app.core.db);
      const r = await app.api.assessment.disclose({ caseId: id, partnerId, basis, what: 'Yhteenveto' });
      expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toMatch(why);
      expect(await storeDigest(app.core.db)).toBe(before);
      const logged = await lastAuditEntry(app.core.db);
      expect([logged.action, logged.outcome, logged.case_id]).toEqual(['assessment.disclose', 'REFUSED', id]);
    };
    // No consent recorded yet; a school curator has no statutory duty that would stand in for it.
    await refused('CONSENT', curator.id, /^FORBIDDEN: The client has not given consent/);
    await refused('STATUTORY', curator.id, /^FORBIDDEN: This partner takes part under no statutory duty/);
    unwrap(
      await app.api.assessment.recordConsent({
        caseId: id,
        partnerId: curator.id,
        consent: 'GIVEN',
        date: '2026-11-23',
      }),
    );
    const shared = unwrap(
      await app.api.assessment.disclose({
        caseId: id,
        partnerId: curator.id,
        basis: 'CONSENT',
        what: 'Koulunkäynnin tilanne',
      }),
    );
    expect(shared.partners.find((p) => p.id === curator.id)).toMatchObject({
      consent: 'GIVEN',
      consentDate: '2026-11-23',
      disclosures: 1,
    });
    const entry = await lastAuditEntry(app.core.db);
    expect([entry.action, entry.purpose, entry.case_id]).toEqual([
      'assessment.disclose',
      'disclosure to a partner of the assessment',
      id,
    ]);
    expect(JSON.parse(entry.details)).toMatchObject({ recipient: 'Liisa Laine (koulukuraattori)', basis: 'CONSENT' });
    // The police's Ankkuri team takes part under its statutory duty: no consent needed.
    unwrap(await app.api.assessment.disclose({ caseId: id, partnerId: police.id, basis: 'STATUTORY', what: 'Huoli' }));
    // Withdrawn consent ends the sharing; the history keeps both.
    unwrap(
      await app.api.assessment.recordConsent({
        caseId: id,
        partnerId: curator.id,
        consent: 'WITHDRAWN',
        date: '2026-11-23',
      }),
    );
    await refused('CONSENT', curator.id, /^FORBIDDEN: The client has not given consent/);
    await app.core.signOut('USER');

    // The child's access-log report, as a lead hands it to the family: each disclosure, to whom and why.
    await app.signInAs('LEAD');
    const log = unwrap(await app.api.audit.childAccessLog({ caseId: id, language: 'fi' }));
    const disclosures = log.entries.filter((e) => e.action === 'assessment.disclose' && e.outcome === 'OK');
    expect(disclosures.map((e) => e.disclosedTo)).toEqual([
      { recipient: 'Liisa Laine (koulukuraattori)', basis: 'CONSENT' },
      { recipient: 'Ankkuri-tiimi (poliisi)', basis: 'STATUTORY' },
    ]);
    expect(log.csv).toContain(
      'tietojen luovutus arvioinnin yhteistyökumppanille: Liisa Laine (koulukuraattori) (asiakkaan suostumus)',
    );
    expect(log.csv).toContain('Ankkuri-tiimi (poliisi) (lakisääteinen velvollisuus osallistua)');
    // The refused attempts are in it too, as refused, with no recipient.
    expect(log.entries.filter((e) => e.action === 'assessment.disclose' && e.outcome === 'REFUSED')).toHaveLength(3);
    const sv = unwrap(await app.api.audit.childAccessLog({ caseId: id, language: 'sv' }));
    expect(sv.csv).toContain('Liisa Laine (koulukuraattori) (klientens samtycke)');
  });

  it('refuses consent and partners that are not in order, changing nothing', async () => {
    const id = await runningAssessment(app);
    const other = await runningAssessment(app, { firstName: 'Eino', lastName: 'Muu', birthDate: '2015-02-02' });
    await app.signInAs('REGIONAL');
    const partner = unwrap(await app.api.assessment.invitePartner({ caseId: other, name: 'Kuraattori', role: '' }))
      .partners[0]!;
    const undecided = (
      await app.core.db.selectFrom('cases').select('id').where('status', '=', 'NEW').executeTakeFirstOrThrow()
    ).id;
    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const calls: [string, () => Promise<{ ok: boolean; error?: { code: string; key?: string } }>, string][] = [
      [
        'consent in the future',
        () =>
          app.api.assessment.recordConsent({
            caseId: other,
            partnerId: partner.id,
            consent: 'GIVEN',
            date: '2027-01-01',
          }),
        'INVALID_INPUT',
      ],
      [
        'consent before the notification came',
        () =>
          app.api.assessment.recordConsent({
            caseId: other,
            partnerId: partner.id,
            consent: 'GIVEN',
            date: '2026-11-01',
          }),
        'INVALID_INPUT',
      ],
      [
        "another case's partner",
        () =>
          app.api.assessment.recordConsent({ caseId: id, partnerId: partner.id, consent: 'GIVEN', date: '2026-11-23' }),
        'NOT_FOUND',
      ],
      [
        'a service not in the directory',
        () => app.api.assessment.invitePartner({ caseId: id, serviceId: 'no-such-service' }),
        'INVALID_INPUT',
      ],
      ['nobody named', () => app.api.assessment.invitePartner({ caseId: id, name: '  ' }), 'INVALID_INPUT'],
      [
        'a case not in assessment',
        () => app.api.assessment.invitePartner({ caseId: undecided, name: 'X' }),
        'WRONG_STATE',
      ],
    ];
    for (const [what, call, code] of calls) {
      const before = await storeDigest(app.core.db);
      const r = await call();
      expect(r.ok ? 'ok' : r.error!.code, what).toBe(code);
      // Each refusal has its own words in the user's language (errors.messages), not the English message.
      if (code === 'NOT_FOUND') expect(r.error!.key, what).toBe('noSuchPartner');
      expect(await storeDigest(app.core.db), what).toBe(before);
    }
  });
});
