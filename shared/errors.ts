/** Error codes that cross the IPC bridge and the CLI. Each has a user-presentable message. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_OPERATION'
  | 'FORBIDDEN'
  | 'NOT_SIGNED_IN'
  | 'SESSION_EXPIRED'
  | 'BAD_CREDENTIALS'
  | 'SIGN_IN_PAUSED'
  | 'RATE_LIMITED'
  | 'WRONG_PASSPHRASE'
  | 'WEAK_PASSPHRASE'
  | 'STORE_EXISTS'
  | 'STORE_MISSING'
  | 'KEY_MISSING'
  | 'STORE_CORRUPT'
  | 'STORE_TOO_NEW'
  | 'WRONG_STATE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CANCELLED'
  | 'DISK_FULL'
  | 'STORAGE_ERROR'
  /** The county server could not be reached (a browser or the desktop app as its client): nothing was saved. */
  | 'NO_CONNECTION'
  | 'INTERNAL';

/** Values the renderer's translation of an error needs (e.g. `count` for a plural). */
export type ErrorParams = Record<string, string | number>;

/**
 * An error a user caused and can fix: the English `message` is what the CLI and the logs show; `key`, when
 * given, names its wording under `errors.messages` in shared/i18n, filled with `params`, so the app says it in
 * the user's language (a param named `somethingKey` is itself a text key, translated first; `date` is a date).
 */
export class LuukkuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'LuukkuError';
  }
}

/**
 * A call refused because of who makes it (their role, the case's scope, a password they must change
 * first): FORBIDDEN to the caller, and the dispatcher logs it as a REFUSED entry with `reason`.
 */
export class Refusal extends LuukkuError {
  constructor(
    message: string,
    readonly reason: string,
    readonly caseId?: string,
    /** Its own wording under `errors.messages` (the renderer's errorText.ts), where the role's will not do. */
    key?: string,
  ) {
    super('FORBIDDEN', message, undefined, key);
  }
}

/**
 * The one wording of bad input, "Invalid input: field: problem; ...": the dispatcher's schema errors and
 * the services' own checks alike. The CLI and the logs show it as it is; the renderer translates it.
 */
export const INVALID_INPUT_PREFIX = 'Invalid input: ';

export function invalidInput(problems: string): LuukkuError {
  return new LuukkuError('INVALID_INPUT', `${INVALID_INPUT_PREFIX}${problems}`);
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
  /** The wording's key under `errors.messages` (see LuukkuError). */
  key?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
