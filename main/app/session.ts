/**
 * One connection's session: who is signed in there and when they last did something. The desktop window has
 * one; tests and the e2e harness open several on one county, and the county server will open one per client.
 * Signing in, the idle sign-out and the "choose your own password first" gate are per session; the sign-in
 * throttle is per user name and kept in the store, so it holds whichever session a guess comes through.
 */
import type { CurrentUser } from '../../shared/contract';
import { invalidInput, LuukkuError } from '../../shared/errors';
import { DUMMY_HASH_PROMISE, hashPassword, requireGoodPassword, verifyPassword } from '../security/passwords';
import type { Actor } from '../store/audit';
import type { UserRow } from '../store/schema';
import { clearSignInFailures, recordSignIn } from '../areas/session/queries';
import { findUserByUsername, setPassword } from '../areas/team/userQueries';
import type { County } from './county';
import { throttledPasswordCheck } from './signInThrottle';

/** The signed-in user as the renderer sees it, from the account's row. */
export function currentUserOf(user: UserRow): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    staffId: user.staff_id,
    mustChangePassword: user.must_change_password === 1,
    previousSignInAt: user.previous_sign_in_at,
  };
}

export class Session {
  private signedIn: { user: CurrentUser; lastActivity: number; generation: number } | null = null;
  /** Why the session last ended, for the sign-in screen (IDLE_LOCK after the idle sign-out). */
  notice: string | null = null;

  constructor(private readonly county: County) {}

  /** The signed-in user while their session is live: not idle too long, and on the store they signed in to. */
  get user(): CurrentUser | null {
    const s = this.signedIn;
    if (!s || s.generation !== this.county.generation || !this.county.openStore) return null;
    if (this.county.now().getTime() - s.lastActivity > this.county.idleLockMinutes * 60_000) return null;
    return s.user;
  }

  /**
   * Takes up a session the county server keeps in the store (main/server/sessions.ts) for one request: the
   * account as it is now, and when it was last used. The idle sign-out is then decided as for any session.
   */
  resume(user: UserRow, lastActivity: number, serverSessionId: string): void {
    this.signedIn = { user: currentUserOf(user), lastActivity, generation: this.county.generation };
    this.serverSessionId = serverSessionId;
  }

  /** The county server's session this one took up (its key in the store), so a lead's list can mark it. */
  serverSessionId: string | null = null;

  /** Whether someone is signed in (idle or not) and when they last did something: what the server keeps. */
  get lastActivity(): number | null {
    return this.signedIn?.lastActivity ?? null;
  }

  actor(): Actor | null {
    const s = this.signedIn;
    return s ? { id: s.user.id, name: s.user.username, role: s.user.role } : null;
  }

  async signIn(username: string, password: string): Promise<void> {
    const county = this.county;
    county.requireStorePhase('READY');
    const name = username.trim().toLowerCase();
    let user: UserRow | undefined;
    const ok = await throttledPasswordCheck(county, name, 'session.signIn', null, async () => {
      user = await findUserByUsername(county.db, name);
      return user && user.active ? verifyPassword(password, user.password_hash) : (await DUMMY_HASH_PROMISE(), false);
    });
    if (!ok || !user) throw new LuukkuError('BAD_CREDENTIALS', 'Wrong user name or password.');
    const signedInAt = county.now();
    this.signedIn = {
      // Until now, the latest sign-in was the one before this one.
      user: currentUserOf({ ...user, previous_sign_in_at: user.last_sign_in_at }),
      lastActivity: signedInAt.getTime(),
      generation: county.generation,
    };
    this.notice = null;
    await county.transact({ actor: this.actor()!, action: 'session.signIn' }, async (trx) => {
      await clearSignInFailures(trx, name);
      await recordSignIn(trx, user!.id, signedInAt);
    });
  }

  /** The signed-in user's own new password; also how a password a lead reset is replaced. */
  async changePassword(current: string, next: string): Promise<void> {
    const county = this.county;
    const me = await this.requireUser();
    const ok = await throttledPasswordCheck(county, me.username, 'session.changePassword', this.actor(), async () => {
      const user = await findUserByUsername(county.db, me.username);
      return !!user && (await verifyPassword(current, user.password_hash));
    });
    if (!ok) throw invalidInput('current: the current password is wrong');
    requireGoodPassword('next', next, [me.username, me.displayName]);
    const hash = await hashPassword(next);
    await county.transact({ actor: this.actor(), action: 'session.changePassword' }, async (trx) => {
      await setPassword(trx, me.id, hash, county.now(), false);
      await clearSignInFailures(trx, me.username);
    });
    this.signedIn!.user = { ...me, mustChangePassword: false };
  }

  async signOut(reason: 'USER' | 'IDLE'): Promise<void> {
    const actor = this.actor();
    const onThisStore = this.signedIn?.generation === this.county.generation;
    this.signedIn = null;
    if (actor && onThisStore && this.county.openStore)
      await this.county.audit({ actor, action: 'session.signOut', details: { reason } });
    this.notice = reason === 'IDLE' ? 'IDLE_LOCK' : null;
  }

  /** For every non-public call: the session, refreshed; or an error the UI turns into the sign-in screen. */
  async requireUser(): Promise<CurrentUser> {
    if (!this.signedIn || !this.county.openStore) throw new LuukkuError('NOT_SIGNED_IN', 'Please sign in.');
    if (this.signedIn.generation !== this.county.generation) {
      // The store was closed or replaced (a restore) since this session signed in.
      this.signedIn = null;
      throw new LuukkuError('NOT_SIGNED_IN', 'Please sign in.');
    }
    const user = this.user;
    if (!user) {
      await this.signOut('IDLE');
      throw new LuukkuError(
        'SESSION_EXPIRED',
        'You were signed out after a period of inactivity. Please sign in again.',
      );
    }
    this.signedIn.lastActivity = this.county.now().getTime();
    return user;
  }
}
