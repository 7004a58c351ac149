/** A client of the county server over HTTPS that trusts its certificate (pinned, as a first connection does). */
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
