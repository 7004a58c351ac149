/**
 * Starting the county server on a county (issue 20 item 1): the county's certificate, or a self-signed one
 * for `localhost` made at start (its SHA-256 fingerprint printed for the first connection to confirm), on
 * loopback only in that case. Plain HTTP only with `insecureHttp`, and only on loopback.
 */
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { LuukkuError } from '../../shared/errors';
import type { County } from '../app/county';
import { buildServer } from './server';

export const DEFAULT_PORT = 8443;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export interface ListenOptions {
  county: County;
  version: string;
  host?: string | undefined;
  port?: number | undefined;
  /** The county's certificate and key (PEM). Without them a self-signed certificate for localhost. */
  tls?: { cert: string; key: string } | undefined;
  insecureHttp?: boolean;
  /** The built renderer to serve to browsers; out/renderer of the working directory by default. */
  rendererDir?: string;
  /** The load balancer in front of several instances (server.ts `trustProxy`). */
  trustProxy?: string | undefined;
}

export interface RunningServer {
  url: string;
  /** The certificate's SHA-256 fingerprint (null over plain HTTP). */
  fingerprint: string | null;
  /** The certificate in PEM, for a client that pins it (tests, the desktop app's first connection). */
  cert: string | null;
  close(): Promise<void>;
}

/** A self-signed certificate for `localhost` and 127.0.0.1 (a trial server; the bench's and tests' servers). */
export async function selfSigned(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export async function listen(options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = LOOPBACK.has(host);
  if (options.insecureHttp && !loopback)
    throw new LuukkuError('INVALID_INPUT', '--insecure-http is allowed on loopback only (--host 127.0.0.1).');
  if (!options.tls && !options.insecureHttp && !loopback)
    throw new LuukkuError(
      'INVALID_INPUT',
      'Without the county certificate (--tls-cert, --tls-key) the server listens on loopback only: a self-signed certificate is for trying Luukku on this machine.',
    );
  const tls = options.insecureHttp ? null : (options.tls ?? (await selfSigned()));
  const app = await buildServer({
    county: options.county,
    tls,
    version: options.version,
    rendererDir: options.rendererDir ?? join(process.cwd(), 'out', 'renderer'),
    trustProxy: options.trustProxy,
  });
  await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  const name = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls ? 'https' : 'http'}://${name}:${port}`,
    fingerprint: tls ? new X509Certificate(tls.cert).fingerprint256 : null,
    cert: tls?.cert ?? null,
    close: () => app.close(),
  };
}
