import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../../format';
import { useQueue } from '../queueStore';
import { ClockBadge, UrgentBadge } from './ClockBadge';
import { AssessmentActions } from './AssessmentActions';
import { MeetingsPanel } from './MeetingsPanel';
import { PartnersPanel } from './PartnersPanel';
import { SummaryPanel } from './SummaryPanel';
import { SupportPanel } from './SupportPanel';
import { HandoverPanel } from './HandoverPanel';
import { TriageActions } from './TriageActions';
import { LettersPanel } from './LettersPanel';
import { AccessLogPanel } from './AccessLogPanel';
import { SiblingsPanel } from './SiblingsPanel';
import { useApp } from '../../../state/appStore';
import { useImportFactText } from '../importFacts';
import { jumpToSection, PANE_SECTIONS, useCaseNavigation, usePaneLayout } from './caseNavigation';

export function CaseDetailPane() {
  const { t, i18n } = useTranslation();
  const { detail, selectedId, error, notice } = useQueue();
  const role = useApp((s) => s.status?.user?.role);
  const date = (d: string | null) => formatDate(d, i18n.language) || '–';
  const nav = useCaseNavigation();
  const { wide, toggle: toggleWide } = usePaneLayout();
  return (
    <aside className="detail-pane" aria-label={t('detail.title')} aria-live="polite" tabIndex={0}>
      {selectedId && (
        <div className="pane-bar no-print" role="toolbar" aria-label={t('detail.navHint')}>
          <button
            type="button"
            onClick={() => nav.step(-1)}
            disabled={!nav.canStep(-1)}
            aria-keyshortcuts="Alt+ArrowUp"
          >
            ↑ <span className="sr-only">{t('detail.previous')}</span>
          </button>
          <button
            type="button"
            onClick={() => nav.step(1)}
            disabled={!nav.canStep(1)}
            aria-keyshortcuts="Alt+ArrowDown"
          >
            ↓ <span className="sr-only">{t('detail.next')}</span>
          </button>
          {detail && (
            <button type="button" onClick={() => void nav.print()}>
              {t('detail.print')}
            </button>
          )}
          <button type="button" aria-pressed={wide} onClick={toggleWide}>
            {t('detail.widen')}
          </button>
          <button type="button" onClick={nav.close} aria-keyshortcuts="Escape">
            {t('detail.close')}
          </button>
          {detail && <SectionJumps detail={detail} />}
        </div>
      )}
      {notice && (
        <p className="banner banner-success" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner error={error} />
      {!selectedId && <p className="muted">{t('queue.selectCase')}</p>}
      {selectedId && !detail && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {detail && (
        <>
          <h2>{detail.childName ?? t('queue.unborn')}</h2>
          <p className="muted">
            {t(`caseTypes.${detail.type}`)} · {t(`statuses.${detail.status}`)}
          </p>
          <p className="badges">
            <UrgentBadge urgent={detail.urgent} />
            <ClockBadge clock={detail.clock} />
          </p>
          <dl className="facts">
            <dt>{t('detail.received')}</dt>
            <dd>{formatDateTime(detail.receivedAt, i18n.language)}</dd>
            <dt>{t('detail.pending')}</dt>
            <dd>{date(detail.pendingFrom)}</dd>
            <dt>{t('detail.startDue')}</dt>
            <dd>{date(detail.startDue)}</dd>
            <dt>{t('detail.completeDue')}</dt>
            <dd>{date(detail.completeDue)}</dd>
            {detail.childHetu && (
              <>
                <dt>{t('detail.hetu')}</dt>
                <dd>{detail.childHetu}</dd>
              </>
            )}
            {detail.childBirthDate && (
              <>
                <dt>{t('detail.birthDate')}</dt>
                <dd>{date(detail.childBirthDate)}</dd>
              </>
            )}
            {detail.expectedBirthDate && (
              <>
                <dt>{t('detail.expectedBirth')}</dt>
                <dd>{date(detail.expectedBirthDate)}</dd>
              </>
            )}
            <dt>{t('queue.col.municipality')}</dt>
            <dd>{detail.municipality}</dd>
            <dt>{t('detail.channel')}</dt>
            <dd>{t(`channels.${detail.channel}`)}</dd>
            <dt>{t('detail.reporter')}</dt>
            <dd>{t(`reporters.${detail.reporterCategory}`)}</dd>
            <dt>{t('detail.assignee')}</dt>
            <dd>{detail.assignee ?? '–'}</dd>
            {detail.pair && (
              <>
                <dt>{t('meetings.pair')}</dt>
                <dd>{detail.pair}</dd>
              </>
            )}
          </dl>
          {(detail.guardians.length > 0 || detail.reporterContact) && (
            <dl className="facts">
              {detail.guardians.map((g, i) => (
                <div key={i} className="fact-row">
                  <dt>{t('detail.guardians')}</dt>
                  <dd>
                    {g.name}
                    {g.phone && <> · {g.phone}</>} · {t(`advice.languages.${g.language}`)}
                  </dd>
                </div>
              ))}
              {detail.reporterContact && (
                <div className="fact-row">
                  <dt>{t('detail.reporterContact')}</dt>
                  <dd>{detail.reporterContact}</dd>
                </div>
              )}
            </dl>
          )}
          {detail.summary && (
            <>
              <h3>{t('detail.summary')}</h3>
              <p className="summary">{detail.summary}</p>
            </>
          )}
          <SiblingsPanel detail={detail} />
          <TriageActions detail={detail} />
          <MeetingsPanel detail={detail} />
          <PartnersPanel detail={detail} />
          <SupportPanel detail={detail} />
          <SummaryPanel detail={detail} />
          <AssessmentActions detail={detail} />
          <HandoverPanel detail={detail} />
          <LettersPanel detail={detail} />
          {role === 'LEAD' && <AccessLogPanel key={detail.id} detail={detail} />}
          <h3>{t('detail.history')}</h3>
          <ol className="timeline">
            {detail.events.map((e, i) => (
              <li key={i}>
                <span className="muted">{formatDateTime(e.at, i18n.language)}</span>{' '}
                {t(`detail.events.${e.kind}`, { defaultValue: e.kind })}
                {typeof e.data.decision === 'string' && <> · {t(`decisions.${e.data.decision}`)}</>}
                {typeof e.data.mode === 'string' && (
                  <>
                    {' '}
                    · {t(`contactModes.${e.data.mode}`)} {formatDate(e.data.date as string, i18n.language)}
                    {typeof e.data.note === 'string' && e.data.note && <> · {e.data.note}</>}
                  </>
                )}
                {typeof e.data.outcome === 'string' && <> · {t(`outcomes.${e.data.outcome}`)}</>}
                {e.kind.startsWith('MEETING_') && typeof e.data.kind === 'string' && (
                  <>
                    {' '}
                    · {t(`meetingKinds.${e.data.kind}`)} {formatDateTime(String(e.data.startsAt), i18n.language)}
                  </>
                )}
                {e.kind === 'DISCLOSED' && (
                  <>
                    {' '}
                    · {String(e.data.recipient)} ({t(`accessLog.bases.${String(e.data.basis)}`)}) ·{' '}
                    {String(e.data.what)}
                  </>
                )}
                {e.kind === 'CONSENT_RECORDED' && typeof e.data.consent === 'string' && (
                  <>
                    {' '}
                    · {t(`consents.${e.data.consent}`)} {formatDate(String(e.data.date), i18n.language)}
                  </>
                )}
                {e.kind === 'PARTNER_INVITED' && <> · {String(e.data.name)}</>}
                {e.kind === 'LETTER' && typeof e.data.kind === 'string' && <> · {t(`letters.kinds.${e.data.kind}`)}</>}
                {e.kind === 'REASSIGNED' && (
                  <>
                    {' '}
                    · {t('detail.reassignedTo', { from: e.data.from ?? '–', to: e.data.to })} · {String(e.data.reason)}
                  </>
                )}
                <EventFacts kind={e.kind} data={e.data} />
                {e.user && <> · {e.user}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

/** What a correction, an overrun reason or a closure recorded: the earlier and the new value, and why. */
function EventFacts({ kind, data }: { kind: string; data: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const fact = useImportFactText();
  const when = (v: unknown) =>
    typeof v !== 'string' ? '–' : v.length === 10 ? formatDate(v, i18n.language) : formatDateTime(v, i18n.language);
  const from = (data.from ?? {}) as Record<string, unknown>;
  const to = (data.to ?? {}) as Record<string, unknown>;
  const reason = typeof data.reason === 'string' ? data.reason : '';
  if (kind === 'DECISION_CORRECTED')
    return (
      <>
        {' '}
        · {when(from.decisionDate)} → {when(to.decisionDate)}
        {to.concern !== from.concern && typeof to.concern === 'string' && (
          <> · {t(`record.concerns.${to.concern}`)}</>
        )}{' '}
        · {reason}
      </>
    );
  if (kind === 'URGENCY_CORRECTED')
    return (
      <>
        {' '}
        · {when(from.assessedAt)} → {when(to.assessedAt)} · {t(to.urgent ? 'detail.urgent' : 'detail.notUrgent')} ·{' '}
        {reason}
      </>
    );
  if (kind === 'URGENCY_UNDONE')
    return (
      <>
        {' '}
        · {t(data.urgent ? 'detail.urgent' : 'detail.notUrgent')} · {when(data.assessedAt)}
      </>
    );
  if (kind === 'IMPORT_UPDATED' && Array.isArray(data.changes))
    return (
      <>
        {(data.changes as { field: string; from: string | null; to: string }[]).map((c) => (
          <span key={c.field}>
            {' '}
            · {fact.field(c.field)}: {fact.value(c.field, c.from)} → {fact.value(c.field, c.to)}
          </span>
        ))}
      </>
    );
  if (kind === 'OVERRUN_REASON')
    return (
      <>
        {' '}
        · {t(`record.overrunDeadlines.${String(data.deadline)}`)}: {t(`record.overrunReasons.${reason}`)}
        {typeof data.note === 'string' && data.note && <> · {data.note}</>}
      </>
    );
  if (kind === 'CLOSED_AS_NOT_CASE')
    return (
      <>
        {' '}
        · {t(`record.closureReasons.${reason}`)} · {String(data.note ?? '')}
      </>
    );
  return null;
}

/** Buttons to the sections this case has now (urgency, decision, contacts or meetings), each also Alt+8 / 9 / 0. */
function SectionJumps({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>([]);
  useEffect(() => {
    setPresent(PANE_SECTIONS.filter((p) => document.getElementById(p.id)).map((p) => p.id));
  }, [detail]);
  if (present.length === 0) return null;
  return (
    <span className="pane-jumps">
      {PANE_SECTIONS.filter((p) => present.includes(p.id)).map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => jumpToSection(p.id)}
          aria-keyshortcuts={`Alt+${p.key}`}
          aria-label={t('detail.jumpTo', { section: t(p.label) })}
        >
          {t(p.label)}
        </button>
      ))}
    </span>
  );
}
