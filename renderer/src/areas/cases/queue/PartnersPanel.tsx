import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import type { Partner } from '../../../../../shared/contract/meetings';
import { CONSENTS, type Consent, type DisclosureBasis } from '../../../../../shared/caseTypes';
import { helsinkiDate } from '../../../../../shared/dates';
import { nameIn } from '../../../../../shared/names';
import { ASSESSMENT_ROLES } from '../../../../../shared/roles';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDate } from '../../../format';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useServiceSearch } from '../../org/useServiceSearch';
import { useQueue } from '../queueStore';

/**
 * The partners of a running assessment (issue 22 item 3): invited from the county's service directory or by
 * name, each with the client's consent to share with it and the disclosures made to it. The form offers only
 * the bases the record supports; the main process refuses any other and logs the refusal.
 */
export function PartnersPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  if (detail.status !== 'ASSESSMENT' || !role || !ASSESSMENT_ROLES.includes(role)) return null;
  return (
    <section className="triage partners" aria-labelledby="partners-heading">
      <h3 id="partners-heading">{t('partners.heading')}</h3>
      <p className="hint">{t('partners.discloseHint')}</p>
      {detail.partners.length === 0 ? (
        <p className="muted">{t('partners.none')}</p>
      ) : (
        <ul className="partner-list">
          {detail.partners.map((p) => (
            <PartnerItem key={p.id} caseId={detail.id} partner={p} />
          ))}
        </ul>
      )}
      <InvitePartner caseId={detail.id} />
    </section>
  );
}

function PartnerItem({ caseId, partner }: { caseId: string; partner: Partner }) {
  const { t, i18n } = useTranslation();
  const act = useQueue((s) => s.act);
  const today = helsinkiDate(new Date());
  const [consent, setConsent] = useState<{ consent: Consent; date: string }>({ consent: 'GIVEN', date: today });
  const bases: DisclosureBasis[] = [
    ...(partner.consent === 'GIVEN' ? (['CONSENT'] as const) : []),
    ...(partner.statutory ? (['STATUTORY'] as const) : []),
  ];
  const [disclosure, setDisclosure] = useState<{ basis: DisclosureBasis | ''; what: string }>({ basis: '', what: '' });
  const basis = disclosure.basis || bases[0] || '';

  const saveConsent = async (e: FormEvent) => {
    e.preventDefault();
    await act(() => api.assessment.recordConsent({ caseId, partnerId: partner.id, ...consent }));
  };
  const disclose = async (e: FormEvent) => {
    e.preventDefault();
    if (!basis) return;
    const done = await act(() =>
      api.assessment.disclose({ caseId, partnerId: partner.id, basis, what: disclosure.what }),
    );
    if (done) setDisclosure({ basis: '', what: '' });
  };

  return (
    <li className="partner">
      <p>
        <strong>{nameIn(partner.name, i18n.language)}</strong>
        {partner.role && <> · {partner.role}</>}
        {partner.statutory && <> · {t('partners.statutory')}</>}
      </p>
      <p className={partner.consent === 'GIVEN' ? 'fact-ok' : 'muted'}>
        {partner.consent
          ? `${t(`consents.${partner.consent}`)} ${formatDate(partner.consentDate, i18n.language)}`
          : t('partners.noConsent')}
        {partner.disclosures > 0 && <> · {t('partners.disclosures', { count: partner.disclosures })}</>}
      </p>
      <details>
        <summary>{t('partners.consentOf', { name: partner.name })}</summary>
        <form className="meeting-form-row" onSubmit={saveConsent}>
          <SelectField
            label={t('partners.consent')}
            value={consent.consent}
            onChange={(v) => setConsent({ ...consent, consent: v })}
            options={CONSENTS.map((c) => [c, t(`consents.${c}`)] as const)}
          />
          <Field
            label={t('partners.consentDate')}
            type="date"
            max={today}
            value={consent.date}
            onChange={(e) => setConsent({ ...consent, date: e.target.value })}
            required
          />
          <button type="submit">{t('partners.saveConsent')}</button>
        </form>
      </details>
      {bases.length > 0 && (
        <details>
          <summary>{t('partners.discloseTo', { name: partner.name })}</summary>
          <form onSubmit={disclose}>
            <SelectField<DisclosureBasis>
              label={t('partners.basis')}
              value={basis}
              onChange={(v) => setDisclosure({ ...disclosure, basis: v })}
              options={bases.map((b) => [b, t(`accessLog.bases.${b}`)] as const)}
            />
            <Field
              label={t('partners.what')}
              value={disclosure.what}
              onChange={(e) => setDisclosure({ ...disclosure, what: e.target.value })}
              minLength={3}
              required
            />
            <button type="submit">{t('partners.disclose')}</button>
          </form>
        </details>
      )}
    </li>
  );
}

function InvitePartner({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const act = useQueue((s) => s.act);
  const [search, setSearch] = useState('');
  const { services } = useServiceSearch(search);
  const empty = { serviceId: '', name: '', role: '', statutory: false };
  const [draft, setDraft] = useState(empty);
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const done = await act(() =>
      api.assessment.invitePartner({
        caseId,
        ...(draft.serviceId ? { serviceId: draft.serviceId } : {}),
        name: draft.name,
        role: draft.role,
        statutory: draft.statutory,
      }),
    );
    if (done) setDraft(empty);
  };
  return (
    <details className="invite-partner">
      <summary>{t('partners.invite')}</summary>
      <form onSubmit={invite}>
        <div className="meeting-form-row">
          <Field
            label={t('guidance.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            label={t('partners.service')}
            value={draft.serviceId}
            onChange={(serviceId) => setDraft({ ...draft, serviceId })}
            empty={{ label: t('partners.namedProfessional'), selectable: true }}
            options={services.map((s) => [s.id, nameIn(s.name, i18n.language)] as const)}
          />
        </div>
        <div className="meeting-form-row">
          <Field
            label={t('partners.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            required={!draft.serviceId}
          />
          <Field
            label={t('partners.role')}
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.statutory}
            onChange={(e) => setDraft({ ...draft, statutory: e.target.checked })}
          />
          {t('partners.statutory')}
        </label>
        <button type="submit">{t('partners.invite')}</button>
      </form>
    </details>
  );
}
