/** A client of the county server over HTTPS that trusts its certificate (pinned, as a first connection does). */
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { sseReader } from '../../main/client/countyServerClient';
import { SESSION_COOKIE } from '../../shared/serverSession';

export interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } & Record<string, unknown>;
  setCookie: string[];
}

export function httpsCall(
  base: string,
  cert: string,
  path: string,
  options: { body?: unknown; raw?: string; cookie?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<Reply> {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        ca: cert,
        servername: 'localhost',
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as Reply['body']) : ({ ok: false } as Reply['body']),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A GET of `path` as text, with the answer's headers: for what the server serves to browsers. */
export function httpsGet(
  server: { url: string; cert: string | null },
  path: string,
): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { ca: server.cert ?? undefined, servername: 'localhost' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ServerEvent {
  event: string;
  data: unknown;
  /** When it arrived (Date.now()), for the delivery times the tests measure. */
  at: number;
}

export interface EventStream {
  status: number;
  events: ServerEvent[];
  /** The first event (from the start of the stream) that matches, waiting up to `timeoutMs` for it. */
  next(match: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  /** Resolves when the server has closed the stream. */
  closed: Promise<void>;
  close(): void;
}

/** The server's event stream (`GET /api/events`) as a browser's EventSource reads it (the desktop's reader). */
export function httpsEvents(
  server: { url: string; cert: string | null },
  cookie: string | undefined,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/events`,
      {
        ca: server.cert ?? undefined,
        servername: 'localhost',
        headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}), ...headers },
      },
      (res) => {
        const events: ServerEvent[] = [];
        const waiting = new Set<() => void>();
        const read = sseReader((event, data) => {
          events.push({ event, data: JSON.parse(data), at: Date.now() });
          for (const wake of waiting) wake();
        });
        let onClosed: () => void = () => {};
        const closed = new Promise<void>((r) => (onClosed = r));
        res.setEncoding('utf8').on('data', read);
        res.on('end', onClosed);
        res.on('close', onClosed);
        const next = (match: (e: ServerEvent) => boolean, timeoutMs = 5000) =>
          new Promise<ServerEvent>((found, fail) => {
            const check = () => {
              const hit = events.find(match);
              if (!hit) return false;
              waiting.delete(check);
              clearTimeout(timer);
              found(hit);
              return true;
            };
            const timer = setTimeout(() => {
              waiting.delete(check);
              fail(new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            if (!check()) waiting.add(check);
          });
        resolve({ status: res.statusCode ?? 0, events, next, closed, close: () => req.destroy() });
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

/** The header every call from Luukku's own page carries (the server's CSRF defence). */
export const CSRF = { 'x-luukku-request': '1' };

type Server = { url: string; cert: string | null };

/** `POST /api/<operation>` as the browser app makes it, with a session cookie and headers of the caller's. */
export function apiCall(
  server: Server,
  operation: string,
  body: unknown,
  options: { cookie?: string | undefined; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return httpsCall(server.url, server.cert ?? '', `/api/${operation}`, {
    body,
    ...(options.cookie ? { cookie: options.cookie } : {}),
    headers: { ...CSRF, ...options.headers },
  });
}

/** Signs `username` in (the demo password) and gives the session cookie as a `Cookie` header's value. */
export async function signInOverHttps(server: Server, username: string, password: string): Promise<string> {
  const reply = await apiCall(server, 'session.signIn', { username, password });
  if (!reply.body.ok) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(reply.body)}`);
  return sessionCookieOf(reply.setCookie);
}

/** The session cookie a sign-in's answer set, as a `Cookie` header's value. */
export function sessionCookieOf(setCookie: string[]): string {
  return setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
}
