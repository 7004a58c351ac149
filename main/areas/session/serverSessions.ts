/**
 * The team lead's view of who is signed in through the county server, and ending a session (a workstation
 * left signed in, a lost laptop): the session ends for every instance at once (its row in the store), its
 * live stream closes, and the ending is audited. Sessions idle past the county's limit are over already
 * and are not listed. Sessions of the desktop app's own store are not here: it has no server.
 */
import type { ServerSession } from '../../../shared/contract/session';
import { LuukkuError } from '../../../shared/errors';
import type { Core } from '../../app/core';
import { activeServerSessions, endServerSession, findLiveServerSession } from './serverSessionQueries';

export async function listServerSessions(core: Core): Promise<ServerSession[]> {
  const since = new Date(core.now().getTime() - core.county.idleLockMinutes * 60_000).toISOString();
  const rows = await activeServerSessions(core.db, since);
  return rows.map((r) => ({
    id: r.token_hash,
    displayName: r.display_name,
    username: r.username,
    role: r.role,
    since: r.created_at,
    lastActivity: r.last_activity,
    current: r.token_hash === core.session.serverSessionId,
  }));
}

export async function endServerSessionAsLead(core: Core, id: string): Promise<ServerSession[]> {
  if (id === core.session.serverSessionId)
    throw new LuukkuError('CONFLICT', 'This is your own session: sign out instead.', undefined, 'ownSession');
  await core.transact(
    (userId: string) => ({ actor: core.actor(), action: 'sessions.end', details: { userId } }),
    async (trx) => {
      const found = await findLiveServerSession(trx, id);
      if (!found) throw new LuukkuError('NOT_FOUND', 'This session has already ended.', undefined, 'sessionEnded');
      await endServerSession(trx, id, core.now().toISOString(), 'LEAD');
      return found.user.id;
    },
  );
  return listServerSessions(core);
}
