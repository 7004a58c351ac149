/**
 * The county server's sessions (issue 20 item 2): a random 256-bit token in an HttpOnly, Secure,
 * SameSite=Strict cookie, only its SHA-256 in the store, so that any server instance takes the session up
 * and a copy of the store lets nobody in. Each request takes the session up on a Core of its own
 * (Session.resume), runs the call through the one dispatcher, and writes back what changed: the last
 * activity, a new session after a sign-in (never the old token again: no session fixation), or its end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { alreadyReceived, Core } from '../app/core';
import { Session } from '../app/session';
import type { County } from '../app/county';
import {
  endServerSession,
  findLiveServerSession,
  insertServerSession,
  touchServerSession,
} from '../areas/session/serverSessionQueries';
import { findIdempotencyKey, saveIdempotentResult } from '../areas/session/idempotencyQueries';
import { dispatch, toPayload } from '../ipc/dispatcher';
import type { Result } from '../../shared/errors';
import type { UserRow } from '../store/schema';

/** A session's key in the store: its token's SHA-256. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CallOutcome {
  result: Result<unknown>;
  /** A new token to set (after a sign-in), or null to clear the cookie (the session ended), or undefined. */
  cookie?: string | null;
}

/**
 * What a retry (its idempotency key already claimed) gets: the first call's very answer; while the first call
 * is still under way, a refusal that says so; a key reused for another operation is bad input.
 */
function answerOfRetry(prior: { operation: string; result: string | null }, operation: string): Result<unknown> {
  if (prior.operation !== operation)
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'This idempotency key was used for another request.' },
    };
  if (prior.result) return JSON.parse(prior.result) as Result<unknown>;
  return { ok: false, error: toPayload(alreadyReceived()) };
}

/**
 * Runs one call for the holder of `token` (if any), keeping the session in the store. With an idempotency
 * key (the client's, per call) a signed-in user's write is done once: a retry of a call whose writes claimed
 * the key gets the first call's answer and changes nothing (Core.expectOnce).
 */
export async function callAsSession(
  county: County,
  token: string | undefined,
  operation: string,
  input: unknown,
  idempotencyKey?: string,
): Promise<CallOutcome> {
  try {
    return await sessionCall(county, token, operation, input, idempotencyKey);
  } catch (error) {
    // The store failed around the call (the database went away while the session was read, or before a
    // sign-in's or sign-out's row was written): "nothing was saved", in the contract's shape, as IPC says it.
    return { result: { ok: false, error: toPayload(error) } };
  }
}

/**
 * Bookkeeping after a call that already committed (the session's last activity, the answer kept for a retry):
 * when the store fails here, the call's own answer still stands, since what it saved is saved. A retry of a
 * call whose answer could not be kept is told it was already received.
 */
function afterwards(what: string, work: Promise<unknown>): Promise<unknown> {
  return work.catch((error: unknown) => console.error(`[luukku] ${what} not recorded: ${toPayload(error).code}`));
}

async function sessionCall(
  county: County,
  token: string | undefined,
  operation: string,
  input: unknown,
  idempotencyKey: string | undefined,
): Promise<CallOutcome> {
  const core = new Core({ county });
  const now = () => county.now().toISOString();
  const hash = token && county.openStore ? hashToken(token) : null;
  const found = hash ? await findLiveServerSession(county.db, hash) : undefined;
  if (found?.user.active) core.session.resume(found.user, Date.parse(found.session.last_activity), hash!);
  const once =
    idempotencyKey && found?.user.active
      ? { keyHash: hashToken(`${found.user.id}:${idempotencyKey}`), userId: found.user.id, operation }
      : null;
  if (once) {
    const prior = await findIdempotencyKey(county.db, once.keyHash);
    if (prior) return { result: answerOfRetry(prior, operation) };
    core.expectOnce(once);
  }
  const result = await dispatch(core, operation, input);
  if (once && core.claimedOnce)
    await afterwards('answer kept for a retry', saveIdempotentResult(county.db, once.keyHash, JSON.stringify(result)));

  const signedInNow = operation === 'session.signIn' && result.ok;
  if (found && hash) {
    const stillIn = core.session.lastActivity !== null && !signedInNow;
    if (stillIn) {
      await afterwards(
        'session activity',
        touchServerSession(county.db, hash, new Date(core.session.lastActivity!).toISOString()),
      );
    } else {
      const reason = !found.user.active ? 'REVOKED' : core.session.notice === 'IDLE_LOCK' ? 'IDLE' : 'USER';
      await endServerSession(county.db, hash, now(), signedInNow ? 'USER' : reason);
      if (!signedInNow) return { result, cookie: null };
    }
  } else if (token && !signedInNow) {
    // A cookie the store does not know (ended, forged, another county's): drop it.
    return { result, cookie: null };
  }
  if (signedInNow) {
    const fresh = randomBytes(32).toString('base64url');
    const actor = core.session.actor()!;
    await insertServerSession(county.db, {
      token_hash: hashToken(fresh),
      user_id: actor.id,
      created_at: now(),
      last_activity: now(),
      ended_at: null,
      ended_reason: null,
    });
    return { result, cookie: fresh };
  }
  return { result };
}

/**
 * The account behind `token` while its session is live: not ended, the account in use, not idle past the
 * county's limit. For the event stream, which only listens: it never counts as activity, so a workstation
 * left open with its stream still gets signed out when idle.
 */
export async function liveAccount(county: County, token: string | undefined): Promise<UserRow | null> {
  if (!token || !county.openStore) return null;
  const hash = hashToken(token);
  const found = await findLiveServerSession(county.db, hash);
  if (!found?.user.active) return null;
  // The idle rule is the session's own (Session.user), taken up without counting as activity.
  const session = new Session(county);
  session.resume(found.user, Date.parse(found.session.last_activity), hash);
  return session.user ? found.user : null;
}
