/**
 * The renderer's one way to the main process (issue 17 item 4): the only code that touches `window.luukku`.
 * Every call goes through `api.<area>.<op>(input)`, typed from the contract, and comes back as the same
 * `Result` the dispatcher returns, so a view can show `result.error` as it stands. Two things happen here
 * for every call at once:
 * - an ended session (idle sign-out, sign-out elsewhere) becomes one sign-in prompt, however many calls were
 *   on their way when it ended: the handler registered with `onSessionEnded` runs once until the next call
 *   succeeds;
 * - `unwrap(result)` gives the value or throws an `ApiError` with the error's code, for code that would
 *   rather throw.
 * In the desktop app the preload provides `window.luukku`; in an e2e build the Playwright harness exposes one
 * function into the very same dispatcher and the client is built over it; in a browser on the county server
 * (issue 20) each call is a `POST /api/<operation>` to the server the page came from. Only the transport differs.
 */
import { createClient, type LuukkuApi } from '../../shared/client';
import type { OperationName } from '../../shared/contract';
import type { ErrorCode, ErrorPayload, Result } from '../../shared/errors';
import { useServerVersion } from './state/serverVersion';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.payload = payload;
  }
}

/** The value of a successful call; an `ApiError` otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

const SESSION_ENDED = new Set<ErrorCode>(['SESSION_EXPIRED', 'NOT_SIGNED_IN']);
export const sessionEnded = (error: ErrorPayload): boolean => SESSION_ENDED.has(error.code);

let sessionEndedHandler: () => void = () => {};
let prompted = false;

/** What to do when a call finds the session ended (the app store shows the sign-in screen). */
export function onSessionEnded(handler: () => void): void {
  sessionEndedHandler = handler;
}

/** The session ended where a call did not see it (the server's event stream said so): the sign-in prompt. */
export function reportSessionEnded(): void {
  if (prompted) return;
  prompted = true;
  sessionEndedHandler();
}

type Transport = (name: OperationName, input: unknown) => Promise<Result<unknown>>;

/** Tries after a lost connection, the same call with the same key each time. */
const RETRY_DELAYS_MS = [500, 1500];

/**
 * The county server's transport: the session is the server's HttpOnly cookie (the page never sees the
 * token), and every call carries the header that tells the server it comes from Luukku's own page (CSRF).
 * Each call has an idempotency key of its own: when the connection drops before the answer comes, the call
 * is sent again with the same key, and the server does a write at most once (main/server/sessions.ts).
 */
const overHttps: Transport = async (name, input) => {
  const key = crypto.randomUUID();
  const body = JSON.stringify(input ?? {});
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          'x-luukku-request': '1',
          'idempotency-key': key,
          'x-luukku-version': __LUUKKU_VERSION__,
        },
        body,
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined)
        return {
          ok: false,
          error: {
            code: 'NO_CONNECTION',
            message: 'No connection to the Luukku server: what was being saved may not have been saved.',
          },
        };
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
};

function transport(): Transport {
  if (import.meta.env?.MODE === 'e2e' && !window.luukku && window.__luukkuInvoke) {
    const invoke = window.__luukkuInvoke;
    return (name, input) => invoke(name, input);
  }
  if (!window.luukku) return overHttps;
  return (name, input) => {
    const [area, op] = name.split('.') as [string, string];
    const client = window.luukku as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<Result<unknown>>>
    >;
    return client[area]![op]!(input);
  };
}

let send: Transport | null = null;

/** Whether this page talks to the county server over HTTPS (a browser), which pushes live updates to it. */
export function onCountyServer(): boolean {
  send ??= transport();
  return send === overHttps;
}

async function call(name: OperationName, input: unknown): Promise<Result<unknown>> {
  send ??= transport();
  const result = await send(name, input);
  if (result.ok) prompted = false;
  else if (sessionEnded(result.error)) reportSessionEnded();
  else if (result.error.key === 'clientOutdated')
    useServerVersion.setState({ newer: String(result.error.params?.version ?? '') });
  return result;
}

export const api: LuukkuApi = createClient(call);
