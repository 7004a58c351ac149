import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConfirmBar } from '../../components/ConfirmBar';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/appStore';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * The store's backups (made daily by the app, kept as many as the setting says): each with its time, size
 * and what it holds; back up now; restore one after a confirmation that says what will be replaced.
 */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const transition = useApp((s) => s.transition);
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const reload = useCallback(async () => {
    const r = await api.backups.list();
    if (r.ok) setBackups(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const backUpNow = async () => {
    setBusy(true);
    setError(null);
    const r = await api.backups.create();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setMessage(t('backups.made', { at: formatDateTime(r.value.at, i18n.language) }));
    await reload();
  };
  const restore = async (b: Backup) => {
    setConfirm(null);
    setBusy(true);
    // A restore ends the session: the app returns to sign-in on the restored store.
    await transition(() => api.backups.restore({ name: b.name }));
    setBusy(false);
  };
  const number = (n: number | null) => (n === null ? '–' : n.toLocaleString(i18n.language));
  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('backups.title')}</h2>
      <p className="muted">{t('backups.help')}</p>
      <button type="button" onClick={() => void backUpNow()} disabled={busy}>
        {t('backups.now')}
      </button>
      <p role="status" className="saved">
        {message}
      </p>
      <ErrorBanner error={error} />
      {confirm && (
        <ConfirmBar
          question={t('backups.confirm', {
            at: formatDateTime(confirm.at, i18n.language),
            cases: number(confirm.cases),
          })}
          confirmLabel={t('backups.restoreYes')}
          onConfirm={() => void restore(confirm)}
          onCancel={() => setConfirm(null)}
        />
      )}
      {backups && backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{t('backups.at')}</th>
              <th scope="col">{t('backups.cases')}</th>
              <th scope="col">{t('backups.auditEntries')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">
                <span className="sr-only">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups?.map((b) => (
              <tr key={b.name}>
                <th scope="row">{formatDateTime(b.at, i18n.language)}</th>
                <td className="number">{number(b.cases)}</td>
                <td className="number">{number(b.auditEntries)}</td>
                <td className="number">
                  {(b.bytes / 1_048_576).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} MB
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={t('backups.restoreLabel', { at: formatDateTime(b.at, i18n.language) })}
                    onClick={() => setConfirm(b)}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
