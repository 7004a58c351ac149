import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import type { AssessmentMeeting as Meeting, Participant } from '../../../../../shared/contract/meetings';
import {
  ASSESSMENT_MEETING_KINDS,
  PARTICIPANT_KINDS,
  type AssessmentMeetingKind,
  type MeetingStatus,
  type ParticipantKind,
} from '../../../../../shared/caseTypes';
import { ASSESSMENT_ROLES } from '../../../../../shared/roles';
import { ConfirmBar } from '../../../components/ConfirmBar';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDateTime, helsinkiNowForInput } from '../../../format';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useQueue } from '../queueStore';
import { PairField } from './PairField';

interface Draft {
  meetingId?: string;
  kind: AssessmentMeetingKind;
  startsAt: string;
  durationMinutes: number;
  participants: Participant[];
  note: string;
}

/** The next full hour in Helsinki, as a datetime-local input takes it. */
const nextHour = () => helsinkiNowForInput(new Date(Date.now() + 3_600_000)).slice(0, 14) + '00';

const emptyDraft = (): Draft => ({
  kind: 'HOME_VISIT',
  startsAt: nextHour(),
  durationMinutes: 60,
  participants: [],
  note: '',
});

/**
 * A running assessment's work (issue 22 items 1 and 2): its work pair, what the held meetings show (the count,
 * a home visit, the child met), the meetings planned and held, and one form to plan a meeting or record one
 * as held. Shown to the roles that carry out assessments; the main process enforces the roles and the scope.
 */
export function MeetingsPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [cancelling, setCancelling] = useState<Meeting | null>(null);
  const [missingPeople, setMissingPeople] = useState(false);
  useEffect(() => {
    setDraft(emptyDraft());
    setCancelling(null);
  }, [detail.id]);
  if (detail.status !== 'ASSESSMENT' || !role || !ASSESSMENT_ROLES.includes(role)) return null;

  const facts = detail.meetingFacts;
  const when = (m: Meeting) => formatDateTime(m.startsAt, i18n.language);
  const save = async (status: MeetingStatus, from: Draft = draft) => {
    if (status === 'HELD' && from.participants.length === 0) {
      setMissingPeople(true);
      return;
    }
    setMissingPeople(false);
    const done = await act(() =>
      api.assessment.saveMeeting({
        caseId: detail.id,
        ...(from.meetingId ? { meetingId: from.meetingId } : {}),
        kind: from.kind,
        startsAt: from.startsAt,
        durationMinutes: from.durationMinutes,
        status,
        participants: from.participants,
        note: from.note,
      }),
    );
    if (done) setDraft(emptyDraft());
  };
  const draftOf = (m: Meeting): Draft => ({
    meetingId: m.id,
    kind: m.kind,
    startsAt: helsinkiNowForInput(new Date(m.startsAt)),
    durationMinutes: m.durationMinutes,
    participants: m.participants,
    note: m.note,
  });
  const edited = detail.meetings.find((m) => m.id === draft.meetingId);

  return (
    <section className="triage meetings" aria-labelledby="meetings-heading">
      <h3 id="meetings-heading">{t('meetings.heading')}</h3>
      <ul className="meeting-facts" aria-label={t('meetings.heading')}>
        <li>{t('meetings.held', { count: facts.held })}</li>
        <li className={facts.homeVisitHeld ? 'fact-ok' : 'fact-missing'}>
          {t(facts.homeVisitHeld ? 'meetings.homeVisitHeld' : 'meetings.noHomeVisit')}
        </li>
        <li className={facts.childMet ? 'fact-ok' : 'fact-missing'}>
          {t(facts.childMet ? 'meetings.childMet' : 'meetings.childNotMet')}
        </li>
      </ul>
      <PairField detail={detail} />
      {detail.meetings.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <ol className="meeting-list">
          {detail.meetings.map((m) => (
            <li key={m.id} className={`meeting meeting-${m.status.toLowerCase()}`}>
              <p>
                <strong>{t(`meetingKinds.${m.kind}`)}</strong> · {when(m)} ({m.durationMinutes} min) ·{' '}
                <span className="meeting-status">{t(`meetingStatuses.${m.status}`)}</span>
              </p>
              {m.participants.length > 0 && (
                <p className="muted">
                  {m.participants.map((p) => `${t(`participantKinds.${p.kind}`)}: ${p.name}`).join(' · ')}
                </p>
              )}
              {m.note && <p className="summary">{m.note}</p>}
              {m.status !== 'CANCELLED' && (
                <div className="button-row">
                  {m.status === 'PLANNED' && (
                    <button type="button" className="primary" onClick={() => void save('HELD', draftOf(m))}>
                      {t('meetings.recordHeld')}
                      <span className="sr-only">: {`${t(`meetingKinds.${m.kind}`)} ${when(m)}`}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => setDraft(draftOf(m))}>
                    {t('meetings.edit')}
                    <span className="sr-only">: {`${t(`meetingKinds.${m.kind}`)} ${when(m)}`}</span>
                  </button>
                  {m.status === 'PLANNED' && (
                    <button type="button" onClick={() => setCancelling(m)}>
                      {t('meetings.cancelMeeting')}
                      <span className="sr-only">: {`${t(`meetingKinds.${m.kind}`)} ${when(m)}`}</span>
                    </button>
                  )}
                </div>
              )}
              {cancelling?.id === m.id && (
                <ConfirmBar
                  question={t('meetings.confirmCancel', { kind: t(`meetingKinds.${m.kind}`), at: when(m) })}
                  confirmLabel={t('meetings.cancelMeeting')}
                  onConfirm={() => {
                    setCancelling(null);
                    void save('CANCELLED', draftOf(m));
                  }}
                  onCancel={() => setCancelling(null)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <MeetingForm
        detail={detail}
        draft={draft}
        setDraft={(d) => {
          setDraft(d);
          if (d.participants.length) setMissingPeople(false);
        }}
        editing={edited ?? null}
        missingPeople={missingPeople}
        onSave={(status) => void save(status)}
      />
    </section>
  );
}

function MeetingForm({
  detail,
  draft,
  setDraft,
  editing,
  missingPeople,
  onSave,
}: {
  detail: CaseDetail;
  draft: Draft;
  setDraft: (d: Draft) => void;
  editing: Meeting | null;
  missingPeople: boolean;
  onSave: (status: MeetingStatus) => void;
}) {
  const { t } = useTranslation();
  const [other, setOther] = useState<{ kind: ParticipantKind; name: string }>({ kind: 'PARTNER', name: '' });
  // The people a meeting usually has, one tick each: the child and the guardians of the notification.
  const suggested: Participant[] = [
    { kind: 'CHILD', name: detail.childFirstName || t('participantKinds.CHILD') },
    ...detail.guardians.map((g) => ({ kind: 'GUARDIAN' as const, name: g.name })),
  ];
  const has = (p: Participant) => draft.participants.some((q) => q.kind === p.kind && q.name === p.name);
  const toggle = (p: Participant) =>
    setDraft({
      ...draft,
      participants: has(p)
        ? draft.participants.filter((q) => !(q.kind === p.kind && q.name === p.name))
        : [...draft.participants, p],
    });
  const extras = draft.participants.filter((p) => !suggested.some((s) => s.kind === p.kind && s.name === p.name));
  const addOther = () => {
    const name = other.name.trim();
    if (!name) return;
    setDraft({ ...draft, participants: [...draft.participants, { kind: other.kind, name }] });
    setOther({ ...other, name: '' });
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    onSave((submitter?.value as MeetingStatus | undefined) ?? (editing?.status === 'HELD' ? 'HELD' : 'PLANNED'));
  };
  return (
    <form className="meeting-form" onSubmit={submit} aria-labelledby="meeting-form-heading">
      <h4 id="meeting-form-heading">{editing ? t('meetings.editing') : t('meetings.new')}</h4>
      <div className="meeting-form-row">
        <SelectField
          label={t('meetings.kind')}
          value={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={ASSESSMENT_MEETING_KINDS.map((k) => [k, t(`meetingKinds.${k}`)] as const)}
        />
        <Field
          label={t('meetings.startsAt')}
          type="datetime-local"
          value={draft.startsAt}
          onChange={(e) => setDraft({ ...draft, startsAt: e.target.value })}
          required
        />
        <Field
          label={t('meetings.duration')}
          type="number"
          min={15}
          max={480}
          step={15}
          value={draft.durationMinutes}
          onChange={(e) => setDraft({ ...draft, durationMinutes: Number(e.target.value) || 60 })}
        />
      </div>
      <fieldset>
        <legend>{t('meetings.participants')}</legend>
        {suggested.map((p) => (
          <label key={`${p.kind}-${p.name}`} className="checkbox">
            <input type="checkbox" checked={has(p)} onChange={() => toggle(p)} />
            {t(`participantKinds.${p.kind}`)}: {p.name}
          </label>
        ))}
        {extras.length > 0 && (
          <ul className="participant-list">
            {extras.map((p) => (
              <li key={`${p.kind}-${p.name}`}>
                {t(`participantKinds.${p.kind}`)}: {p.name}{' '}
                <button
                  type="button"
                  onClick={() => toggle(p)}
                  aria-label={t('meetings.removeParticipant', { name: p.name })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="meeting-form-row">
          <SelectField
            label={t('meetings.participantKind')}
            value={other.kind}
            onChange={(kind) => setOther({ ...other, kind })}
            options={PARTICIPANT_KINDS.filter((k) => k !== 'CHILD').map(
              (k) => [k, t(`participantKinds.${k}`)] as const,
            )}
          />
          <Field
            label={t('meetings.participantName')}
            value={other.name}
            onChange={(e) => setOther({ ...other, name: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addOther();
              }
            }}
          />
          <button type="button" onClick={addOther} disabled={!other.name.trim()}>
            {t('meetings.addParticipant')}
          </button>
        </div>
        {missingPeople && (
          <p className="field-error" role="alert">
            {t('meetings.heldNeedsPeople')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="meeting-note">{t('meetings.note')}</label>
        <textarea
          id="meeting-note"
          rows={2}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.target.value })}
        />
      </div>
      <div className="button-row">
        {editing ? (
          <>
            <button type="submit" className="primary" value={editing.status}>
              {t('meetings.saveChanges')}
            </button>
            {editing.status === 'PLANNED' && (
              <button type="submit" value="HELD">
                {t('meetings.recordHeld')}
              </button>
            )}
            <button type="button" onClick={() => setDraft(emptyDraft())}>
              {t('meetings.stopEditing')}
            </button>
          </>
        ) : (
          <>
            <button type="submit" className="primary" value="PLANNED">
              {t('meetings.plan')}
            </button>
            <button type="submit" value="HELD">
              {t('meetings.recordHeld')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
