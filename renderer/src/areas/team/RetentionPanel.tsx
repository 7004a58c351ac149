import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Retention } from '../../../../shared/contract/team';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../format';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

/** Retention periods and what is due for archiving; Luukku deletes nothing by itself. */
export function RetentionPanel() {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<Retention | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void api.retention.report({}).then((r) => (r.ok ? setReport(r.value) : setError(r.error)));
  }, []);
  if (!report) return <ErrorBanner error={error} />;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="retention">
      <p>{t('team.retention.intro')}</p>
      <ScrollTable>
        <caption>{t('team.retention.rules')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.retention.record')}</th>
            <th scope="col">{t('team.retention.kept')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rules.map((r) => (
            <tr key={r.record}>
              <th scope="row">{t(`team.retention.records.${r.record}`)}</th>
              <td>{t(`team.retention.after.${r.after}`, { years: r.years })}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <ul className="summary-cards">
        <li className={report.casesDue ? 'alert' : undefined}>
          <span className="figure">{number(report.casesDue)}</span>
          {t('team.retention.casesDue')}
        </li>
        <li>
          <span className="figure">{number(report.casesDueSoon)}</span>
          {t('team.retention.casesDueSoon')}
        </li>
        <li>
          <span className="figure">{number(report.childWelfareKept)}</span>
          {t('team.retention.childWelfareKept')}
        </li>
        <li className={report.logEntriesDue ? 'alert' : undefined}>
          <span className="figure">{number(report.logEntriesDue)}</span>
          {t('team.retention.logsDue')}
        </li>
      </ul>
      <p className="muted">
        {report.oldestLogEntry
          ? t('team.retention.oldestLog', { at: formatDateTime(report.oldestLogEntry, i18n.language) })
          : null}
      </p>
      {report.sample.length > 0 && (
        <ScrollTable>
          <caption>{t('team.retention.sample')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('export.caseId')}</th>
              <th scope="col">{t('team.retention.closedOn')}</th>
              <th scope="col">{t('team.retention.dueOn')}</th>
              <th scope="col">{t('team.retention.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sample.map((c) => (
              <tr key={c.id}>
                <td>{c.id}</td>
                <td>{formatDate(c.closedOn, i18n.language)}</td>
                <td>{formatDate(c.dueOn, i18n.language)}</td>
                <td>
                  {t(`team.retention.records.${c.record}`)}: {t('team.retention.after.closing', { years: 30 })}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <p className="hint">{t('team.retention.noDelete')}</p>
    </div>
  );
}
