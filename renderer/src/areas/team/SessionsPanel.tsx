import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerSession } from '../../../../shared/contract/session';
import type { ErrorPayload } from '../../../../shared/errors';
import { ConfirmBar } from '../../components/ConfirmBar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../format';
import { api } from '../../api';
import { useLive } from '../../state/liveUpdates';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * Who is signed in through the county server, and ending a session (a workstation left signed in, a lost
 * laptop): asked once more, since the person loses what they had not saved. Refreshes when sessions change.
 */
export function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const [sessions, setSessions] = useState<ServerSession[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [ending, setEnding] = useState<ServerSession | null>(null);
  // Who was signed out, shown in the language of the moment (the notice is not a stored sentence).
  const [endedName, setEndedName] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api.sessions.list({});
    if (r.ok) setSessions(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLive('team', () => void load());

  const end = async (session: ServerSession) => {
    setEnding(null);
    const r = await api.sessions.end({ id: session.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSessions(r.value);
    setEndedName(session.displayName);
  };

  if (!sessions) return <ErrorBanner error={error} />;
  return (
    <div className="sessions">
      <p>{t('team.sessions.intro')}</p>
      <ErrorBanner error={error} />
      {endedName && (
        <p className="banner banner-success" role="status">
          {t('team.sessions.ended', { name: endedName })}
        </p>
      )}
      {ending && (
        <ConfirmBar
          question={t('team.sessions.confirm', { name: ending.displayName })}
          confirmLabel={t('team.sessions.end')}
          onConfirm={() => void end(ending)}
          onCancel={() => setEnding(null)}
        />
      )}
      {sessions.length === 0 ? (
        <EmptyState title={t('team.sessions.emptyTitle')}>{t('team.sessions.emptyBody')}</EmptyState>
      ) : (
        <ScrollTable>
          <caption>{t('team.sessions.caption', { count: sessions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.sessions.who')}</th>
              <th scope="col">{t('team.sessions.role')}</th>
              <th scope="col">{t('team.sessions.since')}</th>
              <th scope="col">{t('team.sessions.lastActivity')}</th>
              <th scope="col">
                <span className="sr-only">{t('team.sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.displayName} <span className="muted">({s.username})</span>
                </th>
                <td>{t(`roles.${s.role}`)}</td>
                <td>{formatDateTime(s.since, i18n.language)}</td>
                <td>{formatDateTime(s.lastActivity, i18n.language)}</td>
                <td>
                  {s.current ? (
                    <span className="muted">{t('team.sessions.yours')}</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={t('team.sessions.endOf', { name: s.displayName })}
                      onClick={() => setEnding(s)}
                    >
                      {t('team.sessions.end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
