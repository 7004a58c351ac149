/**
 * The desktop app as a client of the county server (issue 20 item 4): in county mode the main process sends
 * each call of the renderer to the server as `POST /api/<operation>` and answers the renderer with the
 * server's very answer, so the renderer cannot tell the transports apart. The session is the server's cookie,
 * kept here in the main process's memory only: never handed to the renderer, never written to disk.
 *
 * The server is trusted as county IT set it up: its certificate pinned at the first connection (the user
 * compares its SHA-256 fingerprint with the one county IT gave), or the county's CA. A server presenting
 * another certificate is sent nothing. Like the browser's transport (renderer/src/api.ts), each call carries
 * an idempotency key of its own and is sent again with it when the connection drops before the answer, so a
 * write is done at most once; when the server stays out of reach the answer is NO_CONNECTION.
 */
import { randomUUID, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { connect, type PeerCertificate } from 'node:tls';
import type { ErrorPayload, Result } from '../../shared/errors';
import type { LiveEvent } from '../../shared/liveChanges';
import { SESSION_COOKIE } from '../../shared/serverSession';

/** How this workstation trusts its county server. */
export type ServerTrust =
  /** One certificate, confirmed by its fingerprint once (a self-signed certificate, or any). */
  | { kind: 'PINNED'; certificate: string }
  /** The county's certificate authority (PEM), for a server whose certificate it signed. */
  | { kind: 'CA'; ca: string };

export interface CountyServerOptions {
  /** The server's address, `https://host:port`. */
  url: string;
  trust: ServerTrust;
  /** This app's version: a server of another release tells the app to update instead of answering. */
  version: string;
  /** Pauses before sending a call again after a lost connection; NO_CONNECTION after the last. */
  retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [500, 1500];

/** A certificate's SHA-256 fingerprint as servers print it (`AB:CD:…`). */
export function fingerprintOf(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256;
}

/**
 * The certificate a server presents, read without trusting it, for the user to confirm once by its
 * fingerprint. Nothing but the TLS handshake is sent.
 */
export function fetchServerCertificate(url: string): Promise<{ certificate: string; fingerprint: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: hostname,
      port: Number(port || 443),
      ...(isIP(hostname) ? {} : { servername: hostname }),
      rejectUnauthorized: false,
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('The county server did not answer.')));
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      if (!raw) return reject(new Error('The county server presented no certificate.'));
      const certificate = new X509Certificate(raw).toString();
      resolve({ certificate, fingerprint: fingerprintOf(certificate) });
    });
    socket.once('error', reject);
  });
}

class CertificateRefused extends Error {}

/** OpenSSL's and Node's refusals of a certificate not trusted here: never retried, nothing sent. */
const TLS_TRUST_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const noConnection = (): ErrorPayload => ({
  code: 'NO_CONNECTION',
  message: 'No connection to the Luukku server: what was being saved may not have been saved.',
});

/** Reads Server-Sent Events from `chunks` as they come: one call of `onEvent` per complete event. */
export function sseReader(onEvent: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) onEvent(event, data.join('\n'));
    }
  };
}

export class CountyServerClient {
  private cookie: string | null = null;
  private readonly pinned: string | null;

  constructor(private readonly options: CountyServerOptions) {
    this.pinned = options.trust.kind === 'PINNED' ? fingerprintOf(options.trust.certificate) : null;
  }

  /** Whether the server gave this workstation a session (someone is signed in through it). */
  get hasSession(): boolean {
    return this.cookie !== null;
  }

  /** One operation on the server: its answer as IPC gives it, or NO_CONNECTION. */
  async call(operation: string, input: unknown): Promise<Result<unknown>> {
    const key = randomUUID();
    const body = JSON.stringify(input ?? {});
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(operation, body, key);
      } catch (error) {
        if (error instanceof CertificateRefused)
          return {
            ok: false,
            error: {
              code: 'NO_CONNECTION',
              key: 'serverCertificateChanged',
              message:
                'The county server presented a certificate this workstation does not trust (not the one confirmed for it, or not the county’s), so nothing was sent to it. Tell county IT.',
            },
          };
        const delay = delays[attempt];
        if (delay === undefined) return { ok: false, error: noConnection() };
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * The session's live updates (`GET /api/events`), for the renderer: each event as it comes, then `closed`
   * once when the stream ends for any reason. Returns how to close it.
   */
  openEvents(onEvent: (event: LiveEvent) => void): () => void {
    let done = false;
    const closed = () => {
      if (done) return;
      done = true;
      onEvent({ type: 'closed' });
    };
    const read = sseReader((event, data) => {
      if (event === 'ready') onEvent({ type: 'ready' });
      else if (event === 'ended') onEvent({ type: 'ended', data });
      else if (event === 'message') onEvent({ type: 'message', data });
    });
    const req = request(
      `${this.options.url}/api/events`,
      {
        ...this.tls(),
        headers: {
          accept: 'text/event-stream',
          ...this.cookieHeader(),
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return closed();
        }
        res.setEncoding('utf8').on('data', read);
        res.on('end', closed);
        res.on('close', closed);
        res.on('error', closed);
      },
    );
    req.on('error', closed);
    req.end();
    return () => {
      done = true;
      req.destroy();
    };
  }

  private tls() {
    const trust = this.options.trust;
    if (trust.kind === 'CA') return { ca: trust.ca };
    // The pinned certificate is the only one trusted, whatever name it carries: the fingerprint is its identity.
    return {
      ca: trust.certificate,
      checkServerIdentity: (_host: string, peer: PeerCertificate) =>
        peer.fingerprint256 === this.pinned ? undefined : new CertificateRefused('another certificate'),
    };
  }

  private send(operation: string, body: string, key: string): Promise<Result<unknown>> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.options.url}/api/${operation}`,
        {
          method: 'POST',
          ...this.tls(),
          headers: {
            'content-type': 'application/json',
            'x-luukku-request': '1',
            'x-luukku-version': this.options.version,
            'idempotency-key': key,
            ...this.cookieHeader(),
          },
        },
        (res) => {
          this.keepCookie(res.headers['set-cookie']);
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text) as Result<unknown>);
            } catch {
              reject(new Error(`The county server answered ${res.statusCode} without Luukku's answer.`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        reject(TLS_TRUST_ERRORS.has(code) ? new CertificateRefused(code) : error);
      });
      req.end(body);
    });
  }

  private cookieHeader(): { cookie?: string } {
    return this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {};
  }

  /** The session cookie the server set or cleared (sign-in, sign-out, an ended session). */
  private keepCookie(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name?.trim() !== SESSION_COOKIE) continue;
      const cleared = !value || attributes.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a));
      this.cookie = cleared ? null : value.trim();
    }
  }
}
