import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { addDays, helsinkiDate } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScrollTable } from '../../components/ScrollTable';
import { downloadText } from '../../download';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/appStore';
import { api } from '../../api';
import { useQueue } from '../cases/queueStore';
import { PeriodForm } from '../reports/PeriodForm';

type CalendarMeeting = OutputOf<'assessment.myMeetings'>[number];

/** The range a worker sees first: the past week (to record what was held) and the next four. */
const DAYS_BACK = 7;
const DAYS_AHEAD = 27;

/**
 * A worker's meetings (issue 22 item 2): the planned and held meetings of the assessments they are responsible
 * for or work on as the pair, from the past week to four weeks ahead (or any range), each a step from its case; and the same as an .ics file
 * for Outlook or a phone, which names no one.
 */
export function MeetingsView() {
  const { t, i18n } = useTranslation();
  const language = useApp((s) => s.language);
  const setView = useApp((s) => s.setView);
  const select = useQueue((s) => s.select);
  // The range first shown; later ones when the user asks for them (PeriodForm applies them on submit).
  const [initial] = useState(() => {
    const today = helsinkiDate(new Date());
    return { from: addDays(today, -DAYS_BACK), to: addDays(today, DAYS_AHEAD) };
  });
  const [shown, setShown] = useState(initial);
  const [meetings, setMeetings] = useState<CalendarMeeting[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState('');

  const load = useCallback(async (which: { from: string; to: string }) => {
    setError(null);
    const result = await api.assessment.myMeetings(which);
    if (!result.ok) return setError(result.error);
    setMeetings(result.value);
    setShown(which);
  }, []);
  useEffect(() => {
    void load(initial);
  }, [load, initial]);

  const exportIcs = async () => {
    setError(null);
    const result = await api.assessment.meetingsIcs({ ...shown, language });
    if (!result.ok) return setError(result.error);
    // iCalendar is UTF-8 without a byte-order mark (RFC 5545 § 3.1.4).
    downloadText(result.value.fileName, result.value.ics, 'text/calendar', { bom: false });
    setDone(t('meetings.exported', { count: result.value.meetings, file: result.value.fileName }));
  };
  const open = (caseId: string) => {
    setView('queue');
    void select(caseId);
  };
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meetings.myTitle')}</h2>
      <PeriodForm
        fields={[
          { key: 'from', label: t('meetings.from') },
          { key: 'to', label: t('meetings.to') },
        ]}
        value={initial}
        submitLabel={t('meetings.show')}
        onSubmit={(period) => void load(period)}
      />
      <div className="button-row">
        <button type="button" onClick={() => void exportIcs()} disabled={!meetings?.length} aria-describedby="ics-hint">
          {t('meetings.exportIcs')}
        </button>
      </div>
      <p className="hint" id="ics-hint">
        {t('meetings.icsHint')}
      </p>
      <p role="status" className="saved">
        {done}
      </p>
      <ErrorBanner error={error} />
      {meetings === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {meetings?.length === 0 && <EmptyState title={t('meetings.emptyTitle')}>{t('meetings.emptyMine')}</EmptyState>}
      {!!meetings?.length && (
        <ScrollTable className="data-table">
          <caption className="sr-only">{t('meetings.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.col.time')}</th>
              <th scope="col">{t('meetings.col.kind')}</th>
              <th scope="col">{t('meetings.col.child')}</th>
              <th scope="col">{t('meetings.col.status')}</th>
              <th scope="col">{t('meetings.col.participants')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.startsAt, i18n.language)}</td>
                <td>{t(`meetingKinds.${m.kind}`)}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => open(m.caseId)}
                    aria-label={t('meetings.openCase', { child: m.childName ?? t('queue.unborn') })}
                  >
                    {m.childName ?? t('queue.unborn')}
                  </button>
                </th>
                <td>{t(`meetingStatuses.${m.status}`)}</td>
                <td>{m.participants.map((p) => p.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
