/**
 * Live updates (issue 20 item 5): `GET /api/events` is a Server-Sent Events stream for a signed-in browser.
 * After each commit (store/changes.ts; on PostgreSQL from every instance) each stream gets what changed, in
 * its own session's scope: topics, and of the cases only those its user may see; a change wholly outside it
 * is not sent at all. The page then refreshes only what it shows (renderer/src/state/liveUpdates.ts).
 *
 * Changes arriving together are sent as one event after a short pause, so that a burst (an import, a
 * bulk reassignment) costs each stream one scope query and each page one refresh. Before each event, and
 * every HEARTBEAT_MS, the stream checks that its session is still live; when it has ended (signed out, idle,
 * the account taken out of use) the stream says so and closes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { County } from '../app/county';
import { viewerOf, type CaseViewer } from '../areas/cases/caseAccess';
import { casesViewerSees } from '../areas/cases/scopeQueries';
import type { LiveTopic } from '../../shared/liveChanges';
import type { Change } from '../store/changes';
import type { UserRow } from '../store/schema';
import { refuse } from './refusals';
import { SESSION_COOKIE } from '../../shared/serverSession';
import { hashToken, liveAccount } from './sessions';

const GATHER_MS = 50;
export const HEARTBEAT_MS = 20_000;

/** One event's worth of changes: topics together, case ids together (none named: every case view refreshes). */
export function merge(a: Change, b: Change): Change {
  return {
    topics: [...new Set([...a.topics, ...b.topics])].sort() as LiveTopic[],
    caseIds: a.caseIds && b.caseIds ? [...new Set([...a.caseIds, ...b.caseIds])] : null,
    created: a.created || b.created,
    scopeMayShrink: a.scopeMayShrink || b.scopeMayShrink,
    origin: a.origin === b.origin ? (a.origin ?? null) : null,
  };
}

/**
 * What of `change` a viewer may hear. Case ids outside their scope are left out; the cases topic stays only
 * when some changed case is theirs, or unnamed when a case may have just left their scope (they may be
 * showing it).
 */
async function inScope(county: County, viewer: CaseViewer, change: Change): Promise<Change | null> {
  if (!change.topics.includes('cases') || change.caseIds === null) return change;
  const seen = await casesViewerSees(viewer, county.db, change.caseIds);
  const caseIds = change.caseIds.filter((id) => seen.has(id));
  // A case that may just have left this scope cannot be named to it: "refresh what you show" instead.
  if (change.scopeMayShrink && caseIds.length < change.caseIds.length) return { ...change, caseIds: null };
  const topics = caseIds.length ? change.topics : change.topics.filter((t) => t !== 'cases');
  return topics.length ? { ...change, topics, caseIds } : null;
}

/** The open streams by session token, so that a sign-out through this instance ends its streams at once. */
type Streams = Map<(why?: string) => void, string>;

export interface EventStreams {
  /** Ends the streams of a session that just ended here (other instances notice at their next check). */
  endSession(token: string): void;
}

export function registerEvents(
  app: FastifyInstance,
  county: County,
  ownOrigin: (request: FastifyRequest) => string,
): EventStreams {
  const streams: Streams = new Map();
  // A stream never ends by itself: the server's shutdown ends them, so that close() can finish.
  app.addHook('preClose', async () => {
    for (const end of streams.keys()) end();
  });

  app.get('/api/events', async (request, reply) => {
    // EventSource cannot send Luukku's header; the cookie is SameSite=Strict, and a page elsewhere is refused
    // by its Origin or, where the browser says so, by Sec-Fetch-Site.
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if ((origin !== undefined && origin !== ownOrigin(request)) || (site !== undefined && site !== 'same-origin'))
      return refuse(request, reply, 403, 'FORBIDDEN', 'Requests from another site are refused.');
    const account = await liveAccount(county, request.cookies[SESSION_COOKIE]);
    if (!account) return refuse(request, reply, 401, 'NOT_SIGNED_IN', 'Please sign in.');
    const viewer = await viewerOf(
      { id: account.id, role: account.role, staffId: account.staff_id },
      county.db,
      county.now(),
    );
    await stream(request, reply, county, account, viewer, streams);
  });
  return {
    endSession(token) {
      for (const [end, of] of streams) if (of === token) end('SESSION_ENDED');
    },
  };
}

async function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  county: County,
  account: UserRow,
  viewer: CaseViewer,
  streams: Streams,
) {
  const token = request.cookies[SESSION_COOKIE]!;
  const sessionId = hashToken(token);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  let pending: Change | null = null;
  let timer: NodeJS.Timeout | null = null;
  let sent = 0;
  let open = true;

  const stillLive = async () => (await liveAccount(county, token))?.id === account.id;
  const end = (why?: string) => {
    if (!open) return;
    open = false;
    if (why) raw.write(`event: ended\ndata: ${JSON.stringify({ reason: why })}\n\n`);
    raw.end();
  };
  const flush = async () => {
    timer = null;
    const change = pending;
    pending = null;
    // What this session did itself, its page has already refreshed.
    if (!change || !open || change.origin === sessionId) return;
    try {
      if (!(await stillLive())) return end('SESSION_ENDED');
      const mine = await inScope(county, viewer, change);
      if (mine && open) {
        const { topics, caseIds, created } = mine;
        raw.write(`id: ${++sent}\ndata: ${JSON.stringify({ topics, caseIds, created })}\n\n`);
      }
    } catch {
      // The store could not be read (the database restarting): the page reconnects and refreshes everything.
      end();
    }
  };
  const unwatch = await county.watchChanges((change) => {
    pending = pending ? merge(pending, change) : change;
    timer ??= setTimeout(() => void flush(), GATHER_MS);
  });
  const heartbeat = setInterval(() => {
    void stillLive().then(
      (live) => open && (live ? raw.write(': still here\n\n') : end('SESSION_ENDED')),
      () => end(),
    );
  }, HEARTBEAT_MS);
  streams.set(end, token);
  // A connection that breaks mid-write ends the stream; it must not take the server down with it.
  raw.on('error', () => end());
  raw.on('close', () => {
    open = false;
    unwatch();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
    streams.delete(end);
  });
  raw.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
}
