/**
 * The team area's handlers, one per operation of its slice of the contract (shared/contract/team.ts):
 * `users.list`, `users.save`, `users.setActive`, `users.resetPassword`, `users.assignable`, `workload.board`, `cases.suggestAssignees`, `cases.reassign`, `cases.reassignProgress`, `inbox.list`, `inbox.markRead`, `audit.childAccessLog`, `audit.childAccessLogPdf`, `retention.report`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { jobProgress, trackJob } from '../../app/jobProgress';
import { childAccessLogFor, childAccessLogPdf } from './accessLog';
import { inbox, markInboxRead, reassignCases } from './reassign';
import { retentionReport } from './retention';
import { listUsers, resetPassword, saveUser, setUserActive } from './users';
import { assignableUsers } from './userQueries';
import { suggestAssignees, workloadBoard } from './workload';

export const teamHandlers: AreaHandlers<'team'> = {
  'users.list': async ({ core }) => listUsers(core.db),
  'users.save': async ({ core }, input) => saveUser(core, input),
  'users.setActive': async ({ core }, { id, active }) => setUserActive(core, id, active),
  'users.resetPassword': async ({ core }, { id, password }) => resetPassword(core, id, password),
  'users.assignable': async ({ core }) => assignableUsers(core.db),
  'workload.board': async ({ core }) => workloadBoard(core),
  'cases.suggestAssignees': async ({ core }, input) => suggestAssignees(core, input),
  'cases.reassign': async ({ core }, input) =>
    trackJob(core, 'reassign', { done: 0, total: 0 }, (report) => reassignCases(core, input, report)),
  'cases.reassignProgress': async ({ core }) => jobProgress(core, 'reassign'),
  'inbox.list': async ({ core }) => inbox(core),
  'inbox.markRead': async ({ core }, { ids }) => markInboxRead(core, ids),
  'audit.childAccessLog': async ({ core }, input) => childAccessLogFor(core, input),
  'audit.childAccessLogPdf': async ({ core }, input) => childAccessLogPdf(core, input),
  'retention.report': async ({ core }) => retentionReport(core),
};
