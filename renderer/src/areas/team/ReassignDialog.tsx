import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { CHILDREN_PER_SOCIAL_WORKER, type AssigneeSuggestion } from '../../../../shared/contract/team';
import type { OutputOf } from '../../../../shared/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePolledProgress } from '../../state/usePolledProgress';
import { api } from '../../api';

export type ReassignSelection =
  { caseIds: string[] } | { fromUserId: string; fromName: string; from?: string | undefined; to?: string | undefined };

/**
 * Moving cases to another social worker: the picked cases, or every open case of one worker (for their
 * absence). Suggested assignees come first: not away in the period, in the cases' area, lightest load per
 * FTE. The reason is required and goes into each case's history; a long move shows its progress.
 */
export function ReassignDialog({
  selection,
  onDone,
  onCancel,
}: {
  selection: ReassignSelection;
  onDone: (moved: OutputOf<'cases.reassign'>) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [suggestions, setSuggestions] = useState<AssigneeSuggestion[] | null>(null);
  const [toUserId, setToUserId] = useState('');
  // LsL 13 b §: the chosen worker would have more than 30 children; the lead is warned, not stopped.
  const overLimit = suggestions?.find((s) => s.userId === toUserId && s.childrenAfter > CHILDREN_PER_SOCIAL_WORKER);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const { progress, withProgress } = usePolledProgress(() => api.cases.reassignProgress({}), 300);
  const query =
    'caseIds' in selection
      ? { caseIds: selection.caseIds }
      : { fromUserId: selection.fromUserId, from: selection.from, to: selection.to };

  useEffect(() => {
    void api.cases.suggestAssignees(query).then((r) => {
      if (!r.ok) return setError(r.error);
      setSuggestions(r.value);
      setToUserId((current) => current || r.value[0]?.userId || '');
    });
    // The selection is fixed for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const payload =
      'caseIds' in selection
        ? { caseIds: selection.caseIds, toUserId, reason }
        : { fromUserId: selection.fromUserId, toUserId, reason };
    const r = await withProgress(() => api.cases.reassign(payload));
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  const number = (n: number) => n.toLocaleString(i18n.language);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const open = dialog.current;
    open?.showModal();
    return () => open?.close();
  }, []);
  return (
    // A modal dialog (the browser's own): focus stays inside, the rest of the page is inert, Escape cancels.
    <dialog
      ref={dialog}
      className="reassign-dialog panel"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>
          {'caseIds' in selection
            ? t('team.reassign.titleCases', { count: selection.caseIds.length })
            : t('team.reassign.titleWorker', { name: selection.fromName })}
        </h2>
        <fieldset>
          <legend>{t('team.reassign.to')}</legend>
          {suggestions === null && <p className="muted">{t('common.loading')}</p>}
          {suggestions?.length === 0 && <p>{t('team.reassign.nobody')}</p>}
          <ul className="suggestions">
            {suggestions?.map((s, i) => (
              <li key={s.userId}>
                <label>
                  <input
                    type="radio"
                    name={`${id}-to`}
                    value={s.userId}
                    checked={toUserId === s.userId}
                    onChange={() => setToUserId(s.userId)}
                    autoFocus={i === 0}
                  />
                  <strong>{s.name}</strong> · {t(`roles.${s.role}`)}
                  <span className="muted">
                    {' '}
                    {t('team.reassign.load', {
                      open: number(s.openCases),
                      weighted: s.weighted.toLocaleString(i18n.language),
                      fte: s.fte.toLocaleString(i18n.language),
                    })}
                    {s.assessmentWeek && ` · ${t('team.reassign.assessmentWeek')}`}
                    {s.inArea > 0 && ` · ${t('team.reassign.inArea', { count: s.inArea })}`}
                    {s.absentDays > 0 && ` · ${t('team.reassign.away', { count: s.absentDays })}`}
                  </span>
                  <span className={s.childrenAfter > CHILDREN_PER_SOCIAL_WORKER ? 'child-limit over' : 'child-limit'}>
                    {' '}
                    · {t('team.reassign.childrenAfter', { count: s.childrenAfter, limit: CHILDREN_PER_SOCIAL_WORKER })}
                  </span>
                  {i === 0 && s.absentDays === 0 && <span className="badge">{t('team.reassign.suggested')}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {overLimit && (
          <p className="banner banner-warning" role="alert">
            {t('team.reassign.overLimit', {
              name: overLimit.name,
              count: overLimit.childrenAfter,
              limit: CHILDREN_PER_SOCIAL_WORKER,
            })}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('team.reassign.reason')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
            maxLength={500}
            rows={2}
            aria-describedby={`${id}-reason-hint`}
          />
          <p className="hint" id={`${id}-reason-hint`}>
            {t('team.reassign.reasonHint')}
          </p>
        </div>
        {progress && (
          <div className="generate-progress">
            <progress aria-label={t('team.reassign.moving')} value={progress.done} max={Math.max(progress.total, 1)} />
            <span role="status">
              {t('team.reassign.progress', { done: number(progress.done), total: number(progress.total) })}
            </span>
          </div>
        )}
        <ErrorBanner error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !toUserId || reason.trim().length < 3}>
            {t('team.reassign.submit')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
