/**
 * Moving cases to another social worker (absences, conflicts of interest, region): one case or many, or
 * every open case of one worker. All of it is one transaction with its audit entry (naming every case);
 * each case gets a REASSIGNED event with the reason, and the previous and new assignees get a message in
 * their inbox. Progress is reported between slices so the app can show it for a thousand cases.
 */
import { ASSIGNABLE_ROLES } from '../../../shared/roles';
import type { Context } from '../../app/context';
import type { Inbox } from '../../../shared/contract/team';
import type { Db } from '../../store/schema';
import { FieldErrors } from '../cases/caseValidation';
import { yieldToEventLoop, type CountProgress } from '../../app/jobProgress';
import { updateCase } from '../cases/queries';
import { casesToMoveByIds, insertEvents, openCasesOf } from '../cases/recordQueries';
import { insertMessage, markRead, messagesOf } from './inboxQueries';
import { findUser, userNames, userWithTeam } from './userQueries';

const SLICE = 100;

export interface ReassignRequest {
  caseIds?: string[] | undefined;
  fromUserId?: string | undefined;
  toUserId: string;
  reason: string;
}

async function casesToMove(trx: Db, input: ReassignRequest, errors: FieldErrors) {
  if (input.fromUserId) {
    if (!(await findUser(trx, input.fromUserId))) errors.add('fromUserId', 'no such user');
    return openCasesOf(trx, input.fromUserId);
  }
  const ids = [...new Set(input.caseIds)];
  const rows = await casesToMoveByIds(trx, ids);
  if (rows.length < ids.length) errors.add('caseIds', `${ids.length - rows.length} of the cases do not exist`);
  const closed = rows.filter((r) => r.status === 'CLOSED').length;
  if (closed) errors.add('caseIds', `${closed} of the cases are closed and stay with who closed them`);
  return rows;
}

export async function reassignCases(
  core: Context,
  input: ReassignRequest,
  report: (progress: CountProgress) => void = () => {},
): Promise<{ reassigned: number; caseIds: string[] }> {
  const actor = core.actor()!;
  const now = core.now().toISOString();
  const moved = await core.transact(
    (ids: string[]) => ({
      actor,
      action: 'cases.reassign',
      purpose: 'workload balancing',
      caseIds: ids,
      details: { count: ids.length, toUserId: input.toUserId, fromUserId: input.fromUserId ?? null },
    }),
    async (trx) => {
      const errors = new FieldErrors();
      const target = await userWithTeam(trx, input.toUserId);
      if (!target?.active || !ASSIGNABLE_ROLES.includes(target.role))
        errors.add('toUserId', 'no such active social worker');
      const rows = await casesToMove(trx, input, errors);
      const moving = rows.filter((r) => r.assignee_user_id !== input.toUserId);
      if (!errors.any && !moving.length)
        errors.add(input.fromUserId ? 'fromUserId' : 'caseIds', 'no open cases to move to this worker');
      errors.throwIfAny();
      const names = await userNames(trx);
      for (let i = 0; i < moving.length; i += SLICE) {
        for (const row of moving.slice(i, i + SLICE)) {
          // A regional assessment follows its worker's team; other cases keep theirs.
          const team = row.status === 'ASSESSMENT' && target!.teamId ? target!.teamId : row.assigned_team_id;
          await updateCase(trx, row.id, { assignee_user_id: input.toUserId, assigned_team_id: team, updated_at: now });
          await insertEvents(trx, [
            {
              case_id: row.id,
              at: now,
              user_id: actor.id,
              kind: 'REASSIGNED',
              data: JSON.stringify({
                from: row.assignee_user_id ? (names.get(row.assignee_user_id) ?? null) : null,
                to: target!.name,
                reason: input.reason,
              }),
            },
          ]);
        }
        report({ done: Math.min(i + SLICE, moving.length), total: moving.length });
        await yieldToEventLoop();
      }
      await notify(trx, moving, target!, actor.id, names.get(actor.id) ?? actor.name, input.reason, now);
      return moving.map((r) => r.id);
    },
  );
  return { reassigned: moved.length, caseIds: moved };
}

/** One inbox message to the new assignee and one to each previous assignee (not to the lead who moved them). */
async function notify(
  trx: Db,
  moved: readonly { id: string; assignee_user_id: string | null }[],
  target: { id: string; name: string },
  actorId: string,
  actorName: string,
  reason: string,
  at: string,
) {
  const perPrevious = new Map<string, number>();
  for (const r of moved)
    if (r.assignee_user_id) perPrevious.set(r.assignee_user_id, (perPrevious.get(r.assignee_user_id) ?? 0) + 1);
  const messages = [
    // The receiver's message names the cases (by id only: the inbox shows no client data), so it opens them.
    {
      user_id: target.id,
      kind: 'CASES_RECEIVED',
      data: { count: moved.length, by: actorName, other: null, reason, caseIds: moved.map((r) => r.id) },
    },
    ...[...perPrevious].map(([userId, count]) => ({
      user_id: userId,
      kind: 'CASES_MOVED_AWAY',
      data: { count, by: actorName, other: target.name, reason },
    })),
  ].filter((m) => m.user_id !== actorId);
  for (const m of messages)
    await insertMessage(trx, { user_id: m.user_id, at, kind: m.kind, data: JSON.stringify(m.data) });
}

export async function inbox(core: Context) {
  const me = await core.requireUser();
  const { rows, unread } = await messagesOf(core.db, me.id, 50);
  return {
    unread,
    items: rows.map((r) => {
      const data = JSON.parse(r.data) as {
        count: number;
        by: string;
        other: string | null;
        reason: string;
        role?: string;
        caseIds?: string[];
      };
      return {
        id: r.id,
        at: r.at,
        kind: r.kind as Inbox['items'][number]['kind'],
        ...data,
        read: r.read_at !== null,
      };
    }),
  };
}

export async function markInboxRead(core: Context, ids: number[] | undefined) {
  const me = await core.requireUser();
  await markRead(core.db, me.id, ids, core.now().toISOString());
  return inbox(core);
}
