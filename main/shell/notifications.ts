/**
 * Desktop notifications: at most one digest an hour (and one shortly after sign-in) of cases that turned
 * due soon or overdue, for users who work with cases. Counts only; clicking shows the window.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { TFunction } from 'i18next';
import { CLIENT_ROLES } from '../../shared/roles';
import type { Core } from '../app/core';
import { DueDigest } from '../areas/team/dueDigest';

export const DIGEST_INTERVAL_MS = 60 * 60_000;
const FIRST_DIGEST_MS = 60_000;

export function startDueNotifications(core: Core, window: () => BrowserWindow | null, t: () => TFunction): () => void {
  const digest = new DueDigest();
  let userId: string | null = null;
  const tick = async () => {
    const status = core.status();
    if (status.phase !== 'SIGNED_IN' || !status.user || !CLIENT_ROLES.includes(status.user.role)) {
      userId = null;
      digest.reset();
      return;
    }
    if (status.user.id !== userId) {
      userId = status.user.id;
      digest.reset();
    }
    const found = await digest.next(core);
    if (!found || !Notification.isSupported()) return;
    const translate = t();
    const notification = new Notification({
      title: translate('notifications.title'),
      body: [
        found.overdue ? translate('notifications.overdue', { count: found.overdue }) : '',
        found.dueSoon ? translate('notifications.dueSoon', { count: found.dueSoon }) : '',
        found.birthsExpected ? translate('notifications.birthsExpected', { count: found.birthsExpected }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    notification.on('click', () => window()?.show());
    notification.show();
  };
  const run = () => void tick().catch((error: unknown) => console.error('[luukku] digest failed', error));
  const first = setTimeout(run, FIRST_DIGEST_MS);
  const hourly = setInterval(run, DIGEST_INTERVAL_MS);
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
