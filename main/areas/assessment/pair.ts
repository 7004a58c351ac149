/**
 * The work pair of a running service need assessment (issue 22 item 1): a counsellor, nurse or second social
 * worker beside the responsible social worker. The pair sees the case (its scope and "my cases") and plans and
 * records its meetings; what the law gives the social worker stays with the social worker's roles.
 */
import type { CaseDetail } from '../../../shared/contract/cases';
import { invalidInput } from '../../../shared/errors';
import { PAIR_ROLES } from '../../../shared/roles';
import type { Context } from '../../app/context';
import { requireCaseAccess } from '../cases/caseAccess';
import { caseRow } from '../cases/recordQueries';
import { changeCase } from '../cases/triage';
import { findUser } from '../team/userQueries';
import { pairCandidateRows } from './queries';
import { requireRunningAssessment } from './checks';

export async function setPair(
  core: Context,
  input: { caseId: string; pairUserId: string | null },
): Promise<CaseDetail> {
  return changeCase(
    core,
    input.caseId,
    'assessment.setPair',
    { kind: input.pairUserId ? 'PAIR_SET' : 'PAIR_REMOVED', data: { pairUserId: input.pairUserId } },
    async (row, trx) => {
      requireRunningAssessment(row, 'A work pair is named');
      if (input.pairUserId) {
        const user = await findUser(trx, input.pairUserId);
        if (!user || !user.active || !PAIR_ROLES.includes(user.role))
          throw invalidInput('pairUserId: not an active counsellor or social worker');
        if (user.id === row.assignee_user_id) throw invalidInput('pairUserId: is the responsible social worker');
      }
      return { pair_user_id: input.pairUserId };
    },
  );
}

/** Who can be the case's pair: active counsellors and social workers, the case's own team first. */
export async function pairCandidates(core: Context, input: { caseId: string }) {
  await requireCaseAccess(core, core.db, input.caseId);
  const row = (await caseRow(core.db, input.caseId))!;
  return (await pairCandidateRows(core.db))
    .filter((u) => u.id !== row.assignee_user_id)
    .map((u) => ({ id: u.id, name: u.name, role: u.role, sameTeam: !!u.teamId && u.teamId === row.assigned_team_id }))
    .sort((a, b) => Number(b.sameTeam) - Number(a.sameTeam));
}
