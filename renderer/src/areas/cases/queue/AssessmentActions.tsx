import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import {
  ASSESSMENT_OUTCOMES,
  CONTACT_MODES,
  type AssessmentOutcome,
  type ContactMode,
} from '../../../../../shared/caseTypes';
import { helsinkiDate } from '../../../../../shared/dates';
import { SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { Field, TextAreaField } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDate } from '../../../format';
import { useApp } from '../../../state/appStore';
import { useQueue } from '../queueStore';
import { api } from '../../../api';

/** Contacts with the family (any open case) and the end of a service need assessment. */
export function AssessmentActions({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const today = helsinkiDate(new Date());
  const [contact, setContact] = useState<{ date: string; mode: ContactMode; note: string }>({
    date: today,
    mode: 'PHONE',
    note: '',
  });
  const [done, setDone] = useState<{ completedDate: string; outcome: AssessmentOutcome | ''; summary: string }>({
    completedDate: today,
    outcome: '',
    summary: '',
  });

  // What Varha's model expects of every assessment and the record does not show yet (issue 22 item 4): a
  // warning before completion, not a refusal; the social worker decides.
  const missing = [
    ...(detail.meetingFacts.homeVisitHeld ? [] : ['meetings.noHomeVisit']),
    ...(detail.meetingFacts.childMet ? [] : ['meetings.childNotMet']),
    ...(detail.summaryRecord?.deliveredAt ? [] : ['meetings.noSummaryDelivered']),
  ];

  const addContact = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => api.cases.recordContact({ id: detail.id, ...contact }))) setContact({ ...contact, note: '' });
  };
  const complete = async (e: FormEvent) => {
    e.preventDefault();
    if (!done.outcome) return;
    await act(() =>
      api.cases.completeAssessment({
        id: detail.id,
        completedDate: done.completedDate,
        outcome: done.outcome as AssessmentOutcome,
        summary: done.summary,
      }),
    );
  };

  return (
    <>
      {detail.status === 'ASSESSMENT' && !!role && SOCIAL_WORKER_ROLES.includes(role) && (
        <section className="triage" aria-labelledby="assessment-heading">
          <h3 id="assessment-heading">{t('detail.assessment')}</h3>
          <form onSubmit={complete}>
            <Field
              label={t('detail.completedDate')}
              type="date"
              max={today}
              value={done.completedDate}
              onChange={(e) => setDone({ ...done, completedDate: e.target.value })}
              required
            />
            <SelectField
              label={t('detail.outcome')}
              value={done.outcome}
              onChange={(outcome) => setDone({ ...done, outcome })}
              empty={{ label: '–', selectable: false }}
              options={ASSESSMENT_OUTCOMES.map((o) => [o, t(`outcomes.${o}`)] as const)}
              required
            />
            <TextAreaField
              label={t('detail.assessmentSummary')}
              rows={4}
              value={done.summary}
              onChange={(e) => setDone({ ...done, summary: e.target.value })}
              required
            />
            {missing.length > 0 && (
              <div className="banner banner-warning" id="assessment-missing">
                <p>{t('meetings.completionWarning')}</p>
                <ul>
                  {missing.map((m) => (
                    <li key={m}>{t(m)}</li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="submit"
              className="primary"
              disabled={!done.outcome || !done.summary.trim()}
              aria-describedby={missing.length > 0 ? 'assessment-missing' : undefined}
            >
              {t('detail.completeAssessment')}
            </button>
          </form>
        </section>
      )}
      {detail.assessmentOutcome && (
        <section className="triage" aria-labelledby="assessment-done-heading">
          <h3 id="assessment-done-heading">{t('detail.assessment')}</h3>
          <p>
            {t('detail.completed', {
              date: formatDate(detail.assessmentCompletedDate, i18n.language),
              outcome: t(`outcomes.${detail.assessmentOutcome}`),
            })}
          </p>
          {detail.assessmentSummary && <p className="summary">{detail.assessmentSummary}</p>}
        </section>
      )}
      {/* Contacts before the decision; while the assessment runs its meetings are the record (MeetingsPanel). */}
      {!['ASSESSMENT', 'HANDOVER', 'CLOSED'].includes(detail.status) && (
        <section className="triage" aria-labelledby="contact-heading">
          <h3 id="contact-heading">{t('detail.contacts')}</h3>
          <form onSubmit={addContact} className="contact-form">
            <Field
              label={t('detail.contactDate')}
              type="date"
              max={today}
              value={contact.date}
              onChange={(e) => setContact({ ...contact, date: e.target.value })}
              required
            />
            <SelectField
              label={t('detail.contactMode')}
              value={contact.mode}
              onChange={(mode) => setContact({ ...contact, mode })}
              options={CONTACT_MODES.map((m) => [m, t(`contactModes.${m}`)] as const)}
            />
            <Field
              label={t('detail.contactNote')}
              value={contact.note}
              onChange={(e) => setContact({ ...contact, note: e.target.value })}
            />
            <button type="submit">{t('detail.addContact')}</button>
          </form>
        </section>
      )}
    </>
  );
}
