import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import type { ErrorPayload } from '../../../../../shared/errors';
import type { AccessLog } from '../../../../../shared/contract/team';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { downloadBase64, downloadText } from '../../../download';
import { formatDate, formatTime } from '../../../format';
import { helsinkiDate } from '../../../../../shared/dates';
import type { Language } from '../../../../../shared/schemas';
import { api } from '../../../api';
import { ScrollTable } from '../../../components/ScrollTable';
import { purposeText } from '../../../../../shared/accessPurposes';

/**
 * "Who has read my child's file?" (Asiakastietolaki 703/2023 § 11): for a team lead, every use of the
 * child's data across the child's cases, and the same as a file to hand to the family. Asking is logged.
 */
export function AccessLogPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [log, setLog] = useState<AccessLog | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const downloadPdf = async () => {
    const r = await api.audit.childAccessLogPdf({ caseId: detail.id, language: i18n.language as Language });
    if (!r.ok) return setError(r.error);
    setError(null);
    downloadBase64(r.value.fileName, r.value.pdfBase64, 'application/pdf');
  };
  const show = async () => {
    const r = await api.audit.childAccessLog({ caseId: detail.id, language: i18n.language as Language });
    if (r.ok) setLog(r.value);
    else setError(r.error);
  };
  return (
    <section className="access-log" aria-labelledby="access-log-title">
      <h3 id="access-log-title">{t('accessLog.title')}</h3>
      <ErrorBanner error={error} />
      {!log ? (
        <button type="button" onClick={() => void show()}>
          {t('accessLog.show')}
        </button>
      ) : (
        <>
          <p className="muted">
            {t('accessLog.entries', { count: log.entries.length })}, {t('accessLog.cases', { count: log.cases.length })}
          </p>
          <div className="toolbar">
            <button type="button" onClick={() => void downloadPdf()}>
              {t('accessLog.downloadPdf')}
            </button>
            <button type="button" onClick={() => downloadText(log.fileName, log.csv, 'text/csv')}>
              {t('accessLog.download')}
            </button>
          </div>
          <ScrollTable className="compact">
            <caption className="sr-only">{t('accessLog.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.col.time')}</th>
                <th scope="col">{t('accessLog.col.user')}</th>
                <th scope="col">{t('accessLog.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.seq} className={e.outcome === 'OK' ? undefined : 'past'}>
                  <td>
                    {/* Date and time on lines of their own: the narrow pane cannot hold them side by side. */}
                    <span className="entry-date">{formatDate(helsinkiDate(new Date(e.at)), i18n.language)}</span>{' '}
                    {formatTime(e.at, i18n.language)}
                  </td>
                  <td>
                    {e.user ?? e.userName ?? '–'}
                    {e.role && <span className="muted entry-role">{t(`roles.${e.role}`)}</span>}
                  </td>
                  <td>
                    {t(`accessLog.actions.${e.action}`, { defaultValue: e.action })}
                    {e.outcome !== 'OK' && <> · {t(`accessLog.outcomes.${e.outcome}`)}</>}
                    {e.purpose && <span className="muted entry-role">{purposeText(e.purpose, t, e.disclosedTo)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
