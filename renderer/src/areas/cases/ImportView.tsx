import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { parseCsv } from '../../../../shared/csv';
import type { ErrorPayload } from '../../../../shared/errors';
import { localizeFieldErrors } from '../../validationText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePolledProgress } from '../../state/usePolledProgress';
import { useApp } from '../../state/appStore';
import { useQueue } from './queueStore';
import { useImportFactText } from './importFacts';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

type Check = OutputOf<'cases.importCsv'>;
const PREVIEW_ROWS = 5;
const PROGRESS_POLL_MS = 300;
const PREVIEW_COLUMNS = ['external_id', 'type', 'received_at', 'municipality', 'child_last_name'];

/**
 * Import from the app: choose a file, see its first rows, see every error by line before anything is
 * written (a dry run of the same checks), then import in one transaction.
 */
export function ImportView() {
  const { t, i18n } = useTranslation();
  const setView = useApp((s) => s.setView);
  const casesChanged = useQueue((s) => s.casesChanged);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ header: string[]; rows: string[][] } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [done, setDone] = useState<Check | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { progress, withProgress } = usePolledProgress(() => api.cases.importProgress(), PROGRESS_POLL_MS);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setCheck(null);
    setDone(null);
    setError(null);
    if (!file) return;
    const content = await file.text();
    setText(content);
    try {
      const [header, ...rows] = parseCsv(content).slice(0, PREVIEW_ROWS + 1);
      setPreview({ header: header?.fields ?? [], rows: rows.map((r) => r.fields) });
    } catch {
      setPreview(null);
    }
    setBusy('checking');
    const result = await withProgress(() => api.cases.importCsv({ text: content, dryRun: true }));
    setBusy(null);
    if (result.ok) setCheck(result.value);
    else setError(result.error);
  };

  const runImport = async () => {
    if (!text) return;
    setBusy('importing');
    const result = await withProgress(() => api.cases.importCsv({ text, skipInvalid }));
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
    void casesChanged({ ids: [], created: true });
  };

  const columns = preview ? PREVIEW_COLUMNS.map((c) => preview.header.indexOf(c)).filter((i) => i >= 0) : [];
  const blocked = !!check?.rejected.length && !skipInvalid;
  return (
    <div className="import-view" aria-busy={!!busy}>
      <p className="muted">{t('import.intro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
      </div>
      {preview && preview.rows.length > 0 && (
        <ScrollTable>
          <caption>{t('import.preview', { count: preview.rows.length })}</caption>
          <thead>
            <tr>
              {columns.map((i) => (
                <th scope="col" key={i}>
                  {preview.header[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {columns.map((i) => (
                  <td key={i}>{row[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <div role="status" aria-live="polite">
        {busy === 'checking' && <p>{t('import.checking')}</p>}
        {busy === 'importing' && <p>{t('import.importing')}</p>}
        {busy && progress && progress.total > 0 && (
          <p className="import-progress">
            <progress
              value={progress.done}
              max={progress.total}
              aria-label={t(`import.progress.${progress.phase}`, { done: progress.done, total: progress.total })}
            />{' '}
            {t(`import.progress.${progress.phase}`, {
              done: progress.done.toLocaleString(i18n.language),
              total: progress.total.toLocaleString(i18n.language),
            })}
          </p>
        )}
        {done && (
          <p className="banner banner-success">
            {t('import.done', { imported: done.imported, updated: done.updated, skipped: done.skipped })}
          </p>
        )}
      </div>
      {done && <Conflicts conflicts={done.conflicts} />}
      <ErrorBanner error={error} />
      {check && !done && (
        <section className="panel import-check">
          {(check.imported > 0 || check.updated === 0) && <p>{t('import.ready', { count: check.imported })}</p>}
          {check.updated > 0 && <p>{t('import.updates', { count: check.updated })}</p>}
          {check.skipped > 0 && <p>{t('import.alreadyIn', { count: check.skipped })}</p>}
          <Conflicts conflicts={check.conflicts} />
          {check.rejected.length > 0 && (
            <>
              <p className="field-error">{t('import.invalid', { count: check.rejected.length })}</p>
              <ul className="rejected" tabIndex={0}>
                {check.rejected.slice(0, 200).map((r) => (
                  <li key={r.line}>
                    <strong>{t('import.line', { line: r.line })}:</strong>{' '}
                    {localizeFieldErrors(r.error, t, { fieldNames: false })}
                  </li>
                ))}
              </ul>
              <label className="checkbox">
                <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
                {t('import.skipInvalid')}
              </label>
              {blocked && <p className="muted">{t('import.allOrNothing')}</p>}
            </>
          )}
          <button
            type="button"
            className="primary"
            disabled={blocked || check.imported + check.updated === 0 || !!busy}
            onClick={() => void runImport()}
          >
            {t('import.import')}
          </button>
        </section>
      )}
      <p>
        <button type="button" onClick={() => setView('queue')}>
          {t('import.back')}
        </button>
      </p>
    </div>
  );
}

/** What the file says otherwise than Luukku's own record: listed for someone to settle, never overwritten. */
function Conflicts({ conflicts }: { conflicts: Check['conflicts'] }) {
  const { t } = useTranslation();
  const fact = useImportFactText();
  if (!conflicts.length) return null;
  return (
    <>
      <p className="banner banner-warning">{t('import.conflicts', { count: conflicts.length })}</p>
      <ul className="rejected" tabIndex={0} aria-label={t('import.conflicts', { count: conflicts.length })}>
        {conflicts.slice(0, 200).map((c) => (
          <li key={`${c.line}-${c.field}`}>
            <strong>
              {t('import.line', { line: c.line })} · {c.externalId}:
            </strong>{' '}
            {t('import.conflict', {
              field: fact.field(c.field),
              inLuukku: fact.value(c.field, c.inLuukku),
              inFile: fact.value(c.field, c.inFile),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
