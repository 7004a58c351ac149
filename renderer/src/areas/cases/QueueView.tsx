import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS } from '../../../../shared/contract/cases';
import { ASSESSMENT_GAPS, CASE_TYPES, type AssessmentGap, type CaseType } from '../../../../shared/caseTypes';
import { ASSESSMENT_ROLES } from '../../../../shared/roles';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/SelectField';
import { useApp } from '../../state/appStore';
import { useQueue } from './queueStore';
import { CaseDetailPane } from './queue/CaseDetailPane';
import { ExportQueue } from './queue/ExportQueue';
import { QueueTable } from './queue/QueueTable';
import { ReassignDialog } from '../team/ReassignDialog';
import { useReference } from '../../state/referenceStore';
import { useLive } from '../../state/liveUpdates';
import { useRegisterDraft } from './registerDraft';
import { usePaneLayout } from './queue/caseNavigation';

/** The main screen: saved views with counts, filters, the virtualized queue and the detail pane. */
export function QueueView() {
  const { t, i18n } = useTranslation();
  const hasDraft = useRegisterDraft((s) => s.draft !== null);
  const wide = usePaneLayout((s) => s.wide);
  const setView = useApp((s) => s.setView);
  const role = useApp((s) => s.status?.user?.role);
  // Who carries out assessments can narrow the queue to those still missing a home visit or the child.
  const assesses = !!role && ASSESSMENT_ROLES.includes(role);
  const { query, result, loading, setQuery, load, marked, clearMarks, casesChanged } = useQueue();
  const [moving, setMoving] = useState(false);
  const [movedNotice, setMovedNotice] = useState<string | null>(null);
  const [text, setText] = useState(query.text ?? '');
  const { municipalities } = useReference();

  useEffect(() => {
    void load();
  }, [load]);
  // What another workstation changed in this user's scope (county server): the page and the open case.
  useLive('cases', (change) => void casesChanged({ ids: change.caseIds, created: change.created }));

  // Search as the user types, after a short pause.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ((query.text ?? '') !== text) setQuery({ text: text || undefined });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [text, query.text, setQuery]);

  const counts = result?.counts;
  const countOf = (view: (typeof QUEUE_VIEWS)[number]): number | null => {
    if (!counts) return null;
    switch (view) {
      case 'OPEN':
        return counts.NEW + counts.TRIAGE + counts.ASSESSMENT + counts.HANDOVER + counts.AWAITING_BIRTH;
      case 'ASSESSMENT_WEEK':
        return counts.NEW + counts.TRIAGE;
      case 'OVERDUE':
        return counts.overdue;
      case 'AWAITING_BIRTH':
        return counts.AWAITING_BIRTH;
      case 'CLOSED':
      case 'MINE':
        return query.view === view && result && !result.totalCapped ? result.total : null;
    }
  };
  const nothingAtAll =
    counts &&
    query.view === 'OPEN' &&
    !query.text &&
    !query.types &&
    !query.municipalityId &&
    !query.due &&
    result?.total === 0;

  return (
    <div className={wide ? 'queue-layout wide-pane' : 'queue-layout'}>
      <div className="queue-main">
        <div className="queue-toolbar">
          <div className="segmented" role="group" aria-label={t('queue.views')}>
            {QUEUE_VIEWS.map((view) => {
              const n = countOf(view);
              return (
                <button key={view} type="button" aria-pressed={query.view === view} onClick={() => setQuery({ view })}>
                  {t(`queue.view.${view}`)}
                  {n !== null && (
                    <span className={`count${view === 'OVERDUE' && n > 0 ? ' count-alert' : ''}`}>{n}</span>
                  )}
                </button>
              );
            })}
          </div>
          <div className="button-row">
            {role === 'LEAD' && <ExportQueue />}
            <button type="button" onClick={() => setView('import')}>
              {t('import.button')}
            </button>
            <button type="button" className="primary" onClick={() => setView('register')} aria-keyshortcuts="Alt+N">
              {hasDraft ? t('queue.continueDraft') : t('queue.register')}
            </button>
          </div>
        </div>
        <div className={assesses ? 'filters with-gap' : 'filters'}>
          <div className="field">
            <label htmlFor="queue-search">{t('queue.search')}</label>
            <input id="queue-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <SelectField
            label={t('queue.type')}
            value={query.types?.[0] ?? ''}
            onChange={(v: CaseType | '') => setQuery({ types: v ? [v] : undefined })}
            empty={{ label: t('queue.allTypes'), selectable: true }}
            options={CASE_TYPES.map((type) => [type, t(`caseTypes.${type}`)] as const)}
          />
          <SelectField
            label={t('queue.municipality')}
            value={query.municipalityId ?? ''}
            onChange={(v) => setQuery({ municipalityId: v || undefined })}
            empty={{ label: t('queue.allMunicipalities'), selectable: true }}
            options={municipalities.map((m) => [m.id, i18n.language === 'sv' ? m.nameSv : m.nameFi] as const)}
          />
          <SelectField<'OVERDUE' | 'DUE_SOON'>
            label={t('queue.due')}
            value={query.due ?? ''}
            onChange={(v) => setQuery({ due: v || undefined })}
            empty={{ label: t('queue.anyDue'), selectable: true }}
            options={[
              ['OVERDUE', t('queue.dueOverdue')],
              ['DUE_SOON', t('queue.dueSoon')],
            ]}
          />
          {assesses && (
            <SelectField<AssessmentGap>
              label={t('queue.gap.label')}
              value={query.gap ?? ''}
              onChange={(v) => setQuery({ gap: v || undefined })}
              empty={{ label: t('queue.gap.ALL'), selectable: true }}
              options={ASSESSMENT_GAPS.map((g) => [g, t(`queue.gap.${g}`)] as const)}
            />
          )}
        </div>
        {nothingAtAll ? (
          <EmptyState title={t('queue.emptyTitle')}>{t('queue.emptyBody')}</EmptyState>
        ) : (
          <>
            <p className="muted" role="status" aria-busy={loading}>
              {result &&
                (result.total
                  ? t(result.totalCapped ? 'queue.showingMany' : 'queue.showing', {
                      shown: result.rows.length,
                      total: result.total.toLocaleString(i18n.language),
                    })
                  : t('queue.noResults'))}
            </p>
            {role === 'LEAD' && marked.size > 0 && !moving && (
              <div className="button-row marked-bar">
                <span role="status">{t('queue.marked', { count: marked.size })}</span>
                <button type="button" className="primary" onClick={() => setMoving(true)}>
                  {t('queue.moveMarked')}
                </button>
                <button type="button" onClick={clearMarks}>
                  {t('queue.clearMarks')}
                </button>
              </div>
            )}
            {moving && (
              <ReassignDialog
                selection={{ caseIds: [...marked] }}
                onCancel={() => setMoving(false)}
                onDone={(moved) => {
                  setMoving(false);
                  clearMarks();
                  setMovedNotice(t('team.reassign.done', { count: moved.reassigned }));
                  // The moved rows, and the open case if it was one of them, show their new worker.
                  void casesChanged({ ids: moved.caseIds });
                }}
              />
            )}
            {movedNotice && (
              <p className="banner banner-success" role="status">
                {movedNotice}
              </p>
            )}
            <QueueTable markable={role === 'LEAD'} />
          </>
        )}
      </div>
      <CaseDetailPane />
    </div>
  );
}
