/**
 * The partners of an assessment and the client's consent (issue 22 item 3). Partners (services of the
 * county's directory or named professionals: school curators, family counselling, the police's Ankkuri team)
 * are invited into the assessment; they get no accounts. Information goes to one only on a recorded basis:
 * the client's consent given and not withdrawn, or the partner's statutory duty to take part. Each disclosure
 * is an audit entry with that purpose, its recipient and basis, so the child's access-log report lists it.
 */
import { randomUUID } from 'node:crypto';
import { DISCLOSURE_TO_PARTNER } from '../../../shared/accessPurposes';
import type { Consent, DisclosureBasis } from '../../../shared/caseTypes';
import type { CaseDetail } from '../../../shared/contract/cases';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput, LuukkuError, Refusal } from '../../../shared/errors';
import type { Context } from '../../app/context';
import type { Db } from '../../store/schema';
import { changeCase } from '../cases/triage';
import { requireRunningAssessment, serviceOrName } from './checks';
import { insertPartner, partnerRow, setPartnerConsent } from './queries';

async function partnerOf(trx: Db, caseId: string, partnerId: string) {
  const partner = await partnerRow(trx, partnerId);
  if (!partner || partner.case_id !== caseId)
    throw new LuukkuError('NOT_FOUND', 'This assessment has no such partner.', undefined, 'noSuchPartner');
  return partner;
}

export async function invitePartner(
  core: Context,
  input: { caseId: string; serviceId?: string | undefined; name: string; role: string; statutory: boolean },
): Promise<CaseDetail> {
  const id = randomUUID();
  let name = input.name;
  return changeCase(
    core,
    input.caseId,
    'assessment.invitePartner',
    () => ({
      kind: 'PARTNER_INVITED',
      data: { partnerId: id, name, role: input.role, statutory: input.statutory },
      audit: { partnerId: id, statutory: input.statutory },
    }),
    async (row, trx) => {
      requireRunningAssessment(row, 'Partners are invited');
      name = await serviceOrName(trx, input.serviceId, name);
      return {};
    },
    async (trx) => {
      const now = core.now().toISOString();
      await insertPartner(trx, {
        id,
        case_id: input.caseId,
        service_id: input.serviceId ?? null,
        name,
        role: input.role,
        statutory: input.statutory ? 1 : 0,
        consent: null,
        consent_date: null,
        created_by: core.actor()!.id,
        created_at: now,
        updated_at: now,
      });
    },
  );
}

export async function recordConsent(
  core: Context,
  input: { caseId: string; partnerId: string; consent: Consent; date: string },
): Promise<CaseDetail> {
  if (input.date > helsinkiDate(core.now())) throw invalidInput('date: is in the future');
  return changeCase(
    core,
    input.caseId,
    'assessment.recordConsent',
    {
      kind: 'CONSENT_RECORDED',
      data: { partnerId: input.partnerId, consent: input.consent, date: input.date },
      audit: { partnerId: input.partnerId, consent: input.consent, date: input.date },
    },
    async (row, trx) => {
      requireRunningAssessment(row, 'Consent is recorded');
      if (input.date < row.received_date) throw invalidInput('date: is before the notification was received');
      await partnerOf(trx, input.caseId, input.partnerId);
      return {};
    },
    async (trx) =>
      setPartnerConsent(trx, input.partnerId, {
        consent: input.consent,
        consent_date: input.date,
        updated_at: core.now().toISOString(),
      }),
  );
}

/** A disclosure without its basis in the record: refused, and the refusal is in the log with the case. */
export class DisclosureRefused extends Refusal {
  constructor(caseId: string, basis: DisclosureBasis) {
    super(
      basis === 'CONSENT'
        ? 'The client has not given consent to share with this partner (or has withdrawn it).'
        : 'This partner takes part under no statutory duty: share only with the client’s consent.',
      basis === 'CONSENT' ? 'no consent' : 'no statutory basis',
      caseId,
      basis === 'CONSENT' ? 'disclosureNoConsent' : 'disclosureNoStatute',
    );
  }
}

export async function disclose(
  core: Context,
  input: { caseId: string; partnerId: string; basis: DisclosureBasis; what: string },
): Promise<CaseDetail> {
  let recipient = '';
  return changeCase(
    core,
    input.caseId,
    'assessment.disclose',
    () => ({
      kind: 'DISCLOSED',
      data: { partnerId: input.partnerId, recipient, basis: input.basis, what: input.what },
      purpose: DISCLOSURE_TO_PARTNER,
      // The recipient is a service or a professional, never the family: the log names it (703/2023 § 10).
      audit: { partnerId: input.partnerId, recipient, basis: input.basis },
    }),
    async (row, trx) => {
      requireRunningAssessment(row, 'Information is shared with partners');
      const partner = await partnerOf(trx, input.caseId, input.partnerId);
      const allowed = input.basis === 'CONSENT' ? partner.consent === 'GIVEN' : partner.statutory === 1;
      if (!allowed) throw new DisclosureRefused(input.caseId, input.basis);
      recipient = partner.role ? `${partner.name} (${partner.role})` : partner.name;
      return {};
    },
  );
}
