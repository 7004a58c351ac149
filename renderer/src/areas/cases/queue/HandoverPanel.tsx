import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import type { Participant } from '../../../../../shared/contract/meetings';
import { mayReceiveHandover, SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { ConfirmBar } from '../../../components/ConfirmBar';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDate, formatDateTime, helsinkiNowForInput } from '../../../format';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useQueue } from '../queueStore';
import { usePairCandidates } from './PairField';

/** Who from the family can take part: each guardian and the child. */
function familyOf(detail: CaseDetail): Participant[] {
  const child = [detail.childFirstName, detail.childLastName].filter(Boolean).join(' ');
  return [
    ...detail.guardians.map((g) => ({ kind: 'GUARDIAN' as const, name: g.name })),
    ...(child ? [{ kind: 'CHILD' as const, name: child }] : []),
  ];
}

/**
 * The hand-over to planned social work (issue 22 item 6): after a completion that needs longer support, a
 * social worker names the receiving worker and plans the hand-over meeting with the family; the case closes
 * when the meeting is recorded as held (confirmed first: it cannot be undone here).
 */
export function HandoverPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const handover = detail.handover;
  const plans = !!role && SOCIAL_WORKER_ROLES.includes(role) && handover?.state === 'PENDING';
  const family = familyOf(detail);
  const candidates = usePairCandidates(detail.id, plans) ?? [];
  const [toUserId, setToUserId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [taking, setTaking] = useState<string[]>([]);
  const [missingFamily, setMissingFamily] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    setToUserId(handover?.toUserId ?? '');
    setStartsAt(
      handover?.meeting
        ? helsinkiNowForInput(new Date(handover.meeting.startsAt))
        : helsinkiNowForInput(new Date(Date.now() + 7 * 86_400_000)).slice(0, 11) + '13:00',
    );
    setTaking(handover?.meeting?.participants.map((p) => p.name) ?? family.map((p) => p.name));
    setConfirming(false);
    // Only when another case is shown or the plan changed: a refresh must not undo what is being chosen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.id, handover?.meeting?.id, handover?.meeting?.startsAt, handover?.toUserId]);
  if (!handover) return null;

  const plan = async (e: FormEvent) => {
    e.preventDefault();
    const participants = family.filter((p) => taking.includes(p.name));
    setMissingFamily(participants.length === 0);
    if (participants.length === 0) return;
    await act(() => api.assessment.planHandover({ caseId: detail.id, toUserId, startsAt, participants }));
  };
  const hold = () => {
    setConfirming(false);
    void act(() => api.assessment.holdHandover({ caseId: detail.id }));
  };
  const meeting = handover.meeting;
  const receivers = candidates.filter((c) => mayReceiveHandover(c.role, detail.assessmentOutcome));
  return (
    <section className="triage handover" aria-labelledby="handover-heading">
      <h3 id="handover-heading">{t('handover.heading')}</h3>
      {handover.state === 'HELD' ? (
        <p className="fact-ok">
          {t('handover.held', { date: formatDate(handover.heldDate, i18n.language), to: handover.to ?? '–' })}
        </p>
      ) : (
        <p>{t('handover.pending')}</p>
      )}
      {handover.state === 'PENDING' && meeting && (
        <>
          <p>
            <strong>
              {t('handover.planned', {
                when: formatDateTime(meeting.startsAt, i18n.language),
                to: handover.to ?? '–',
              })}
            </strong>
          </p>
          <p className="muted">
            {meeting.participants.map((p) => `${t(`participantKinds.${p.kind}`)}: ${p.name}`).join(' · ')}
          </p>
        </>
      )}
      {plans && (
        <form onSubmit={plan}>
          <div className="meeting-form-row">
            <SelectField
              label={t('handover.receiver')}
              value={toUserId}
              onChange={setToUserId}
              empty={{ label: '–', selectable: false }}
              options={receivers.map((c) => [c.id, `${c.name} · ${t(`roles.${c.role}`)}`] as const)}
              required
            />
            <Field
              label={t('handover.startsAt')}
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              required
            />
          </div>
          {detail.assessmentOutcome === 'CHILD_WELFARE_CLIENT' && (
            <p className="hint">{t('handover.counsellorOnlyPlanned')}</p>
          )}
          <fieldset className="checkbox-group">
            <legend>{t('handover.family')}</legend>
            {family.map((p) => (
              <label key={p.name} className="checkbox">
                <input
                  type="checkbox"
                  checked={taking.includes(p.name)}
                  onChange={(e) =>
                    setTaking(e.target.checked ? [...taking, p.name] : taking.filter((n) => n !== p.name))
                  }
                />
                {p.kind === 'CHILD' ? t('handover.child', { name: p.name }) : p.name}
              </label>
            ))}
          </fieldset>
          {missingFamily && (
            <p className="field-error" role="alert">
              {t('handover.needsFamily')}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className={meeting ? '' : 'primary'}>
              {meeting ? t('handover.replan') : t('handover.plan')}
            </button>
            {meeting && (
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                {t('handover.hold')}
              </button>
            )}
          </div>
          {confirming && (
            <ConfirmBar
              question={t('handover.confirmHold')}
              confirmLabel={t('handover.hold')}
              onConfirm={hold}
              onCancel={() => setConfirming(false)}
            />
          )}
        </form>
      )}
    </section>
  );
}
