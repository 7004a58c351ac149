/**
 * The password check of a sign-in and of a password change, throttled per user name (issue 16 item 6).
 */
import { LuukkuError } from '../../shared/errors';
import type { Actor } from '../store/audit';
import type { County } from './county';
import { recordSignInFailures, signInFailures } from '../areas/session/queries';

const SIGN_IN_FREE_TRIES = 5;

/**
 * Guessing is slowed per user name: after 5 misses, a pause that doubles with each further miss, kept in
 * the store so that restarting the app does not lift it. Each attempt is counted as a miss, atomically
 * (one transaction, which on this store runs alone) *before* the password is checked, and the count is
 * cleared only when the password was right: so attempts made at once cannot all slip through while the
 * slow password check runs. A paused name is refused without checking the password at all.
 */
export async function throttledPasswordCheck(
  core: Pick<County, 'now' | 'transact' | 'audit'>,
  name: string,
  action: string,
  actor: Actor | null,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const now = core.now().getTime();
  const pausedFor = await core.transact(
    (paused: number) => ({
      actor,
      action,
      outcome: paused > 0 ? 'REFUSED' : 'OK',
      details: { username: name, ...(paused > 0 ? { reason: 'throttled' } : { step: 'attempt counted' }) },
    }),
    async (trx) => {
      const row = await signInFailures(trx, name);
      const paused = row?.paused_until ? Date.parse(row.paused_until) - now : 0;
      if (paused > 0) return paused;
      const failures = (row?.failures ?? 0) + 1;
      const paused_until =
        failures >= SIGN_IN_FREE_TRIES
          ? new Date(now + 60_000 * 2 ** Math.min(failures - SIGN_IN_FREE_TRIES, 20)).toISOString()
          : null;
      await recordSignInFailures(trx, name, failures, paused_until);
      return 0;
    },
  );
  if (pausedFor > 0) {
    const minutes = Math.ceil(pausedFor / 60_000);
    throw new LuukkuError(
      'SIGN_IN_PAUSED',
      `Too many wrong passwords for this user name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a team lead to reset the password.`,
      { count: minutes },
    );
  }
  const ok = await check();
  if (!ok) await core.audit({ actor, action, outcome: 'REFUSED', details: { username: name } });
  return ok;
}
