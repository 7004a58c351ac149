import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { downloadText } from '../../../download';
import { useApp } from '../../../state/appStore';
import { useQueue } from '../queueStore';
import { api } from '../../../api';

/** Team leads export the current queue view as CSV, stating the purpose the usage log records. */
export function ExportQueue() {
  const { t } = useTranslation();
  const query = useQueue((s) => s.query);
  const language = useApp((s) => s.language);
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await api.cases.export({ ...query, purpose, language });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    setError(null);
    setOpen(false);
    setPurpose('');
    setDone(
      [t('export.done', { count: result.value.rows }), result.value.capped ? t('export.capped') : '']
        .filter(Boolean)
        .join(' '),
    );
  };

  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('export.button')}
      </button>
      <p role="status" className={done ? 'banner banner-success export-done' : 'sr-only'}>
        {done ?? ''}
      </p>
      {open && (
        <form className="export-form panel" onSubmit={(e) => void submit(e)}>
          <Field
            label={t('export.purpose')}
            hint={t('export.purposeHint')}
            required
            minLength={3}
            maxLength={200}
            autoFocus
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
          <ErrorBanner error={error} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {t('export.confirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
