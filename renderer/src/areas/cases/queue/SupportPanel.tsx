import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import { helsinkiDate } from '../../../../../shared/dates';
import { nameIn } from '../../../../../shared/names';
import { ASSESSMENT_ROLES, SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDate } from '../../../format';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useServiceSearch } from '../../org/useServiceSearch';
import { useQueue } from '../queueStore';

/**
 * Support started while the assessment runs (issue 22 item 5): from the service directory or named. Child
 * welfare support starts the client relationship (LsL 27 §), a social worker's call; the pane then says so
 * and the family is told with the SUPPORT_NOTICE letter.
 */
export function SupportPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const today = helsinkiDate(new Date());
  const { services } = useServiceSearch('');
  const empty = { serviceId: '', name: '', startedDate: today, childWelfare: false };
  const [draft, setDraft] = useState(empty);
  if (!role || !ASSESSMENT_ROLES.includes(role)) return null;
  if (detail.status !== 'ASSESSMENT' && detail.supports.length === 0) return null;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const done = await act(() =>
      api.assessment.startSupport({
        caseId: detail.id,
        ...(draft.serviceId ? { serviceId: draft.serviceId } : {}),
        name: draft.name,
        startedDate: draft.startedDate,
        childWelfare: draft.childWelfare,
      }),
    );
    if (done) setDraft(empty);
  };
  return (
    <section className="triage supports" aria-labelledby="support-heading">
      <h3 id="support-heading">{t('support.heading')}</h3>
      {detail.clientRelationshipSince && (
        <p className="banner banner-info">
          {t('support.clientSince', { date: formatDate(detail.clientRelationshipSince, i18n.language) })}
        </p>
      )}
      {detail.supports.length === 0 ? (
        <p className="muted">{t('support.none')}</p>
      ) : (
        <ul className="partner-list">
          {detail.supports.map((s) => (
            <li key={s.id}>
              <strong>{nameIn(s.name, i18n.language)}</strong> · {formatDate(s.startedDate, i18n.language)}
              {s.childWelfare && <> · {t('support.childWelfareTag')}</>}
            </li>
          ))}
        </ul>
      )}
      {detail.status === 'ASSESSMENT' && (
        <details className="invite-partner">
          <summary>{t('support.add')}</summary>
          <form onSubmit={add}>
            <div className="meeting-form-row">
              <SelectField
                label={t('support.service')}
                value={draft.serviceId}
                onChange={(serviceId) => setDraft({ ...draft, serviceId })}
                empty={{ label: '–', selectable: true }}
                options={services.map((s) => [s.id, nameIn(s.name, i18n.language)] as const)}
              />
              <Field
                label={t('support.name')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                required={!draft.serviceId}
              />
              <Field
                label={t('support.startedDate')}
                type="date"
                max={today}
                value={draft.startedDate}
                onChange={(e) => setDraft({ ...draft, startedDate: e.target.value })}
                required
              />
            </div>
            {SOCIAL_WORKER_ROLES.includes(role) && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.childWelfare}
                  onChange={(e) => setDraft({ ...draft, childWelfare: e.target.checked })}
                />
                {t('support.childWelfare')}
              </label>
            )}
            <button type="submit">{t('support.add')}</button>
          </form>
        </details>
      )}
    </section>
  );
}
