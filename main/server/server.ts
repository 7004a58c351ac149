/**
 * The county server (issue 20): the very same dispatcher, roles, case scope and audit as the desktop app,
 * over HTTPS. `POST /api/<operation>` with the operation's JSON input answers exactly what IPC answers
 * (`{ok, value}` or `{ok: false, error}`); `GET /health` answers without client data; `GET /api/events` is
 * each signed-in session's stream of live updates (events.ts).
 *
 * Every /api request must carry `X-Luukku-Request: 1` and, when the browser sends an Origin, come from
 * the server's own origin: a page elsewhere can neither set that header without a CORS preflight (which
 * this server never grants) nor pass the Origin check. Bodies are limited to 1 MiB. A write sent with an
 * `Idempotency-Key` header is done once, however often it is retried (sessions.ts).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../shell/config';
import type { County } from '../app/county';
import { purgeIdempotencyKeys } from '../areas/session/idempotencyQueries';
import { purgeServerSessions } from '../areas/session/serverSessionQueries';
import { registerEvents } from './events';
import { logRefusal, refuse, refused, REFUSALS_LOGGED } from './refusals';
import { SESSION_COOKIE } from '../../shared/serverSession';
import { callAsSession, hashToken } from './sessions';

export const BODY_LIMIT = 1024 * 1024;
/** A client's key for one call (renderer/src/api.ts sends a random UUID), which a retry sends again. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
/** Calls a session (or an address without one) may make in a minute: far above a person's pace, below a script's. */
export const CALLS_PER_MINUTE = 600;
/** Sign-ins from one address in a minute: a shared workstation's shift change, not a guessing run. */
export const SIGN_INS_PER_MINUTE = 30;
/** How long an ended session's row is kept. */
const SESSIONS_KEPT_MS = 90 * 24 * 3600_000;
/** How long a call's answer is kept for its retry. */
const IDEMPOTENCY_DAY_MS = 24 * 3600_000;
/** The release of a version, without a build tag ("0.1.0-e2e" is release 0.1.0). */
const release = (version: string) => version.split('-')[0];

export interface ServerOptions {
  county: County;
  /** The certificate and key (PEM); null serves plain HTTP (`--insecure-http`, loopback only: serve.ts). */
  tls: { cert: string; key: string } | null;
  version: string;
  /** The built renderer (out/renderer), served at `/` to browsers; absent: `/` says how to build it. */
  rendererDir?: string | undefined;
  /**
   * The load balancer's address (an IP or CIDR, `--trust-proxy`): its X-Forwarded-For then names the
   * workstation, for the per-address limits and the log. Without it the peer's address is the caller's.
   */
  trustProxy?: string | undefined;
}

/**
 * What the network never reaches: the store itself is the server's to open, create and restore (the admin
 * CLI), and the first team lead of an empty county is created from the server's own machine only, so
 * that nobody else on the network can race to claim the account.
 */
const STORE_OPERATIONS = new Set(['store.create', 'store.unlock', 'store.restoreLatest']);
/** A workstation's own first-start choice of its county server (main/areas/session/countyServerChoice.ts). */
const WORKSTATION_ONLY = new Set(['setup.probeServer', 'setup.useServer']);
const FROM_THE_SERVER_ONLY = new Set(['setup.createFirstLead']);
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function buildServer({
  county,
  tls,
  version,
  rendererDir,
  trustProxy,
}: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}),
    bodyLimit: BODY_LIMIT,
    logger: false,
    ...(trustProxy ? { trustProxy } : {}),
    // Graceful shutdown: close() waits for the requests under way.
    forceCloseConnections: 'idle',
  });
  await app.register(cookie);
  // Limits are per route (below): /health, the app's files and the event stream have none of their own.
  await app.register(rateLimit, { global: false });
  const secure = !!tls;

  // Every answer: the renderer's strict CSP (connect-src to this server only), no sniffing, no referrer,
  // no framing, and HSTS over TLS.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (secure) reply.header('strict-transport-security', 'max-age=31536000');
  });
  if (rendererDir && existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'] });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Luukku server: the app for browsers is not built here. Run "npm run build" and start the server again.'),
    );
  }

  const ownOrigin = (request: FastifyRequest) => `${secure ? 'https' : 'http'}://${request.headers.host ?? ''}`;
  const streams = registerEvents(app, county, ownOrigin);

  app.get('/health', async () => ({ ok: true, version, store: county.storePhase(), engine: county.engine }));

  // Limits per session (or, without one, per address), and a tighter one on signing in per address: together
  // with the per-user-name throttle in the store (signInThrottle.ts), guessing is slow from anywhere.
  const perCaller = {
    max: CALLS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const token = request.cookies?.[SESSION_COOKIE];
      return token ? `session:${hashToken(token)}` : `address:${request.ip}`;
    },
  };
  const perAddress = { max: SIGN_INS_PER_MINUTE, timeWindow: 60_000, keyGenerator: (r: FastifyRequest) => r.ip };

  const call = async (request: FastifyRequest<{ Params: { operation?: string } }>, reply: FastifyReply) => {
    if (request.headers['x-luukku-request'] !== '1')
      return refuse(request, reply, 403, 'FORBIDDEN', 'This request is missing the X-Luukku-Request header.');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin(request))
      return refuse(request, reply, 403, 'FORBIDDEN', 'Requests from another site are refused.');
    // A page loaded before the server was upgraded speaks an older contract: it is told to reload, not answered.
    const pageVersion = request.headers['x-luukku-version'];
    if (typeof pageVersion === 'string' && release(pageVersion) !== release(version))
      return reply.code(409).send({
        ok: false,
        error: {
          code: 'WRONG_STATE',
          message: `Luukku on the server is now version ${version}: reload the page to use it. Nothing was saved.`,
          key: 'clientOutdated',
          params: { version },
        },
      });
    const operation = request.params.operation ?? 'session.signIn';
    if (STORE_OPERATIONS.has(operation))
      return refuse(request, reply, 403, 'FORBIDDEN', 'The county server opens its store itself (luukku serve).');
    if (WORKSTATION_ONLY.has(operation))
      return refuse(request, reply, 403, 'FORBIDDEN', 'A workstation chooses its county server in the desktop app.');
    if (FROM_THE_SERVER_ONLY.has(operation) && !LOOPBACK_ADDRESSES.has(request.ip))
      return refuse(request, reply, 403, 'FORBIDDEN', 'The first team lead is created on the server machine itself.');
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)))
      return refuse(
        request,
        reply,
        400,
        'INVALID_INPUT',
        'The Idempotency-Key header must be 16-128 letters, digits or dashes.',
      );
    const token = request.cookies[SESSION_COOKIE];
    const outcome = await callAsSession(county, token, operation, request.body ?? {}, key);
    if (outcome.cookie === null) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    else if (outcome.cookie)
      reply.setCookie(SESSION_COOKIE, outcome.cookie, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
    // The session this cookie held has ended (signed out, idle, replaced by a new sign-in): so have its streams.
    if (token && outcome.cookie !== undefined) streams.endSession(token);
    const result = outcome.result;
    if (!result.ok && REFUSALS_LOGGED.has(result.error.code)) logRefusal(request, result.error.code);
    return reply.header('cache-control', 'no-store').send(result);
  };
  app.post('/api/session.signIn', { config: { rateLimit: perAddress } }, call);
  app.post<{ Params: { operation: string } }>('/api/:operation', { config: { rateLimit: perCaller } }, call);

  // Answers kept for retries are removed after a day, and sessions over for 90 days (the audit log keeps who
  // signed in): hourly and at start, on every instance (it is idempotent).
  const purge = () => {
    if (!county.openStore) return;
    const now = county.now().getTime();
    const db = county.db;
    void Promise.all([
      purgeIdempotencyKeys(db, new Date(now - IDEMPOTENCY_DAY_MS).toISOString()),
      purgeServerSessions(db, new Date(now - SESSIONS_KEPT_MS).toISOString()),
    ]).catch((error: Error) => console.error('[luukku] purge of old sessions and keys failed:', error.message));
  };
  purge();
  const purging = setInterval(purge, 3600_000);
  purging.unref();
  app.addHook('onClose', async () => clearInterval(purging));

  // Errors of the transport itself (a body too large, not JSON, too many calls) in the contract's shape,
  // never a stack.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return refuse(request, reply, 413, 'INVALID_INPUT', 'The request is too large.');
    if (status === 429) {
      logRefusal(request, 'too many requests');
      return reply.code(429).send({
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: 'Too many requests in a short time. Wait a moment and try again.',
          key: 'tooManyRequests',
        },
      });
    }
    if (status >= 400 && status < 500)
      return reply.code(status).send(refused('INVALID_INPUT', 'The request could not be read as JSON.'));
    console.error('[luukku] server error', (error as Error).message);
    return reply.code(500).send(refused('INTERNAL', 'Something went wrong inside Luukku. Nothing was saved.'));
  });
  return app;
}
