/** A client of the county server over HTTPS that trusts its certificate (pinned, as a first connection does). */
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';

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
