import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import { SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { Field } from '../../../components/Field';
import { helsinkiDate } from '../../../../../shared/dates';
import { formatDate, formatDateTime, formatInputDateTime, formatTime, helsinkiNowForInput } from '../../../format';
import { useApp } from '../../../state/appStore';
import { useQueue } from '../queueStore';
import { DecisionForm } from './DecisionForm';
import { EnteredLater, RecordPanel } from './RecordPanel';
import { api } from '../../../api';
import { nameIn } from '../../../../../shared/names';

/** Urgency, the decision with its reason, and the birth of an anticipatory notification's child. */
export function TriageActions({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const socialWorker = !!role && SOCIAL_WORKER_ROLES.includes(role);
  const [birth, setBirth] = useState({ birthDate: '', firstName: '', lastName: '', hetu: '', knownOn: '' });
  useEffect(
    () => setBirth({ birthDate: '', firstName: '', lastName: '', hetu: '', knownOn: helsinkiDate(new Date()) }),
    [detail.id],
  );
  const [assessedAt, setAssessedAt] = useState(() => helsinkiNowForInput());
  useEffect(() => setAssessedAt(helsinkiNowForInput()), [detail.id]);
  // Recording urgency is asked once more (a mis-click files a legal fact); a recorded one can be undone for
  // a few minutes by whoever recorded it (urgencyUndoUntil, shared/clock.ts), and both are in the history.
  const [confirming, setConfirming] = useState<boolean | null>(null);
  useEffect(() => setConfirming(null), [detail.id]);
  const recordUrgency = async (urgent: boolean) => {
    if (await act(() => api.cases.recordUrgency({ id: detail.id, urgent, assessedAt }))) setConfirming(null);
  };
  const undoOpen = useUntil(detail.urgencyUndoUntil);

  const recordBirth = async (e: FormEvent) => {
    e.preventDefault();
    await act(() => api.cases.recordBirth({ id: detail.id, ...birth }));
  };

  const birthSection = detail.status === 'AWAITING_BIRTH' && (
    <section className="triage" aria-labelledby="birth-heading">
      <h3 id="birth-heading">{t('detail.birth')}</h3>
      <p className="muted">{t('detail.birthNote')}</p>
      <form onSubmit={recordBirth}>
        <Field
          label={t('detail.birthDate')}
          type="date"
          value={birth.birthDate}
          onChange={(e) => setBirth({ ...birth, birthDate: e.target.value })}
          required
        />
        <Field
          label={t('detail.firstName')}
          value={birth.firstName}
          onChange={(e) => setBirth({ ...birth, firstName: e.target.value })}
          required
        />
        <Field
          label={t('detail.lastName')}
          value={birth.lastName}
          onChange={(e) => setBirth({ ...birth, lastName: e.target.value })}
          required
        />
        <Field
          label={t('detail.hetu')}
          value={birth.hetu}
          onChange={(e) => setBirth({ ...birth, hetu: e.target.value })}
        />
        <Field
          label={t('detail.birthKnownOn')}
          type="date"
          max={helsinkiDate(new Date())}
          min={birth.birthDate || undefined}
          value={birth.knownOn}
          onChange={(e) => setBirth({ ...birth, knownOn: e.target.value })}
          required
        />
        <button type="submit" className="primary">
          {t('detail.saveBirth')}
        </button>
      </form>
    </section>
  );

  const urgencyText = detail.urgencyAssessedAt
    ? t('detail.urgencyDone', {
        when: formatDateTime(detail.urgencyAssessedAt, i18n.language),
        result: t(detail.urgencyResult === 'URGENT' ? 'detail.urgent' : 'detail.notUrgent'),
        who: detail.urgencyAssessedBy ?? '–',
      })
    : null;

  return (
    <>
      {birthSection}
      <section className="triage" aria-labelledby="urgency-heading">
        <h3 id="urgency-heading">{t('detail.urgency')}</h3>
        {urgencyText ? (
          <>
            <p>
              {urgencyText}
              <EnteredLater happened={detail.urgencyAssessedAt} entered={detail.urgencyRecordedAt} />
            </p>
            {undoOpen && detail.urgencyUndoUntil && (
              <p className="button-row">
                <button type="button" onClick={() => void act(() => api.cases.undoUrgency({ id: detail.id }))}>
                  {t('detail.undoUrgency', { until: formatTime(detail.urgencyUndoUntil, i18n.language) })}
                </button>
              </p>
            )}
          </>
        ) : confirming !== null ? (
          <div
            className="confirm"
            role="group"
            aria-labelledby="urgency-confirm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirming(null);
            }}
          >
            <p id="urgency-confirm">
              {t('detail.confirmUrgency', {
                result: t(confirming ? 'detail.urgent' : 'detail.notUrgent'),
                when: formatInputDateTime(assessedAt, i18n.language),
              })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className={confirming ? 'danger' : 'primary'}
                autoFocus
                onClick={() => void recordUrgency(confirming)}
              >
                {t('detail.confirmUrgencyButton')}
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <p className="muted">{t('detail.urgencyNote')}</p>
            {socialWorker ? (
              <>
                <Field
                  label={t('record.assessedAt')}
                  type="datetime-local"
                  value={assessedAt}
                  max={helsinkiNowForInput()}
                  onChange={(e) => setAssessedAt(e.target.value)}
                  hint={t('record.realTimeHint')}
                  required
                />
                <div className="button-row">
                  <button type="button" onClick={() => setConfirming(false)}>
                    {t('detail.notUrgent')}
                  </button>
                  <button type="button" className="danger" onClick={() => setConfirming(true)}>
                    {t('detail.urgent')}
                  </button>
                </div>
              </>
            ) : (
              <p className="banner banner-info">{t('detail.onlySocialWorker')}</p>
            )}
          </>
        )}
      </section>
      {detail.status !== 'AWAITING_BIRTH' && (
        <section className="triage" aria-labelledby="decision-heading">
          <h3 id="decision-heading">{t('detail.decision')}</h3>
          {detail.closedReason ? (
            <p>
              {t('record.closedAs', { reason: t(`record.closureReasons.${detail.closedReason}`) })}
              {detail.closedNote && <span className="reason"> {detail.closedNote}</span>}
            </p>
          ) : detail.decision ? (
            <p>
              {t('detail.decided', {
                date: formatDate(detail.decisionDate, i18n.language),
                decision: t(`decisions.${detail.decision}`),
                who: detail.decisionBy ?? '–',
              })}
              <EnteredLater happened={detail.decisionDate} entered={detail.decisionRecordedAt} />
              {detail.decisionReason && <span className="reason"> {detail.decisionReason}</span>}
              {detail.concern && (
                <span className="reason">
                  {' '}
                  {t('record.concernShown', { concern: t(`record.concerns.${detail.concern}`) })}
                </span>
              )}
              {detail.assignedTeam && (
                <span className="reason">
                  {' '}
                  {t('detail.assignedTeam', { team: nameIn(detail.assignedTeam, i18n.language) })}
                </span>
              )}
              {detail.guidedTo.length > 0 && (
                <span className="reason">
                  {' '}
                  {t('detail.guidedTo', {
                    services: detail.guidedTo.map((s) => nameIn(s.name, i18n.language)).join(', '),
                  })}
                </span>
              )}
            </p>
          ) : !socialWorker ? (
            <p className="banner banner-info">{t('detail.onlySocialWorker')}</p>
          ) : detail.urgencyAssessedAt ? (
            <DecisionForm detail={detail} />
          ) : (
            <p className="muted">{t('detail.urgencyNote')}</p>
          )}
        </section>
      )}
      {socialWorker && detail.status !== 'AWAITING_BIRTH' && <RecordPanel detail={detail} />}
    </>
  );
}

/** Whether `until` (an ISO time) is still ahead; turns false by itself when it passes. */
function useUntil(until: string | null): boolean {
  const [, tick] = useState(0);
  const left = until ? Date.parse(until) - Date.now() : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => tick((n) => n + 1), left + 50);
    return () => window.clearTimeout(timer);
  }, [left > 0, until]); // eslint-disable-line react-hooks/exhaustive-deps
  return left > 0;
}
