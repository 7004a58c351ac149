import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inbox } from '../../../shared/contract/team';
import { formatDateTime } from '../format';
import { api } from '../api';
import { useApp } from '../state/appStore';
import { useQueue } from '../areas/cases/queueStore';
import { useLive } from '../state/liveUpdates';

/**
 * Messages for the signed-in user (cases moved to them or away from them), with the unread count in the
 * top bar. Opening the list marks them read.
 */
export function InboxButton({ refreshKey }: { refreshKey: string }) {
  const { t, i18n } = useTranslation();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(async () => {
    const r = await api.inbox.list({});
    if (r.ok) setInbox(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  useLive('inbox', () => void load());
  const toggle = async () => {
    const opening = !open;
    setOpen(opening);
    if (opening && inbox?.unread) {
      // The list keeps showing what was new when it opened; the count clears.
      const r = await api.inbox.markRead({});
      if (r.ok) setInbox({ ...inbox, unread: 0 });
    }
  };
  const unread = inbox?.unread ?? 0;
  // The moved cases are now the user's own: "my cases", with the first of them open.
  const showCases = (caseIds: string[]) => {
    setOpen(false);
    useApp.getState().setView('queue');
    useQueue.getState().setQuery({ view: 'MINE' });
    void useQueue.getState().select(caseIds[0]!);
  };
  return (
    <div className="inbox">
      <button type="button" aria-expanded={open} aria-controls="inbox-list" onClick={() => void toggle()}>
        {t('inbox.button')}
        {unread > 0 && (
          <span className="count count-alert" aria-label={t('inbox.unread', { count: unread })}>
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="inbox-list" className="inbox-list panel" role="region" aria-label={t('inbox.title')}>
          {inbox?.items.length ? (
            <ul>
              {inbox.items.map((m) => (
                <li key={m.id} className={m.read ? undefined : 'unread'}>
                  <p>
                    {t(`inbox.${m.kind}`, {
                      count: m.count,
                      by: m.by,
                      other: m.other,
                      role: m.role ? t(`roles.${m.role}`) : '',
                    })}
                    {!m.read && <span className="badge">{t('inbox.new')}</span>}
                  </p>
                  <p className="muted">
                    {formatDateTime(m.at, i18n.language)}
                    {m.reason && ` · ${t('inbox.reason', { reason: m.reason })}`}
                  </p>
                  {m.kind === 'CASES_RECEIVED' && m.caseIds?.length ? (
                    <button type="button" onClick={() => showCases(m.caseIds!)}>
                      {t('inbox.showCases', { count: m.caseIds.length })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('inbox.empty')}</p>
          )}
        </div>
      )}
    </div>
  );
}
