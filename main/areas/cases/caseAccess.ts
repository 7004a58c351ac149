/**
 * The case half of the role matrix (shared/roles.ts CASE_SCOPE), enforced in the main process: queue
 * pages and exports are filtered by it, and every read or change of one case checks it first. A refusal is
 * audit-logged by the dispatcher like a role refusal.
 */
import { Refusal } from '../../../shared/errors';
import type { CurrentUser } from '../../../shared/contract';
import { CASE_SCOPE, SOCIAL_WORKER_ROLES, type Role } from '../../../shared/roles';
import { helsinkiDate } from '../../../shared/dates';
import { onAssessmentDuty } from '../team/assessmentDuty';
import type { Context } from '../../app/context';
import type { Db } from '../../store/schema';
import { staffScope } from '../staff/queries';
import { caseExists, casesViewerSees } from './scopeQueries';

export interface CaseViewer {
  userId: string;
  role: Role;
  areaId: string | null;
  teamId: string | null;
  /** On assessment duty today (issue 22 item 8): a social worker's county-wide access is bound to it. */
  onDuty: boolean;
}

/**
 * The signed-in user with the area and team of their roster entry and whether they are on assessment duty
 * today: what their case scope is measured by.
 */
export async function caseViewer(core: Context, db: Db = core.db): Promise<CaseViewer> {
  return viewerOf(await core.requireUser(), db, core.now());
}

/** The case viewer of an account at `now` (the server's live updates measure each stream's scope by it). */
export async function viewerOf(
  user: Pick<CurrentUser, 'id' | 'role' | 'staffId'>,
  db: Db,
  now: Date,
): Promise<CaseViewer> {
  const staff = user.staffId ? await staffScope(db, user.staffId) : undefined;
  // A social worker whose scope is not every case may hold the assessment week (a rotation may include them).
  const scope = CASE_SCOPE[user.role];
  const dutyMatters = scope === 'DUTY' || (scope === 'AREA' && SOCIAL_WORKER_ROLES.includes(user.role));
  return {
    userId: user.id,
    role: user.role,
    areaId: staff?.area_id ?? null,
    teamId: staff?.team_id ?? null,
    onDuty: dutyMatters && (await onAssessmentDuty(db, user.id, helsinkiDate(now))),
  };
}

/**
 * Where a case stands for `viewer`: in scope, outside it, or no case at all. Callers answer the last two
 * alike, so that nobody learns from them whether an id exists (703/2023 § 9); only the log tells them apart.
 */
export async function caseScopeOf(
  viewer: CaseViewer,
  db: Db,
  caseId: string,
): Promise<'IN_SCOPE' | 'OUT_OF_SCOPE' | 'NO_SUCH_CASE'> {
  if ((await casesViewerSees(viewer, db, [caseId])).has(caseId)) return 'IN_SCOPE';
  return (await caseExists(db, caseId)) ? 'OUT_OF_SCOPE' : 'NO_SUCH_CASE';
}

/**
 * Throws FORBIDDEN unless the signed-in user's scope covers the case, with the same answer for a case
 * outside the scope and one that does not exist. Returns the viewer, for further scope checks.
 */
export async function requireCaseAccess(core: Context, db: Db, caseId: string): Promise<CaseViewer> {
  const viewer = await caseViewer(core, db);
  const scope = await caseScopeOf(viewer, db, caseId);
  if (scope === 'IN_SCOPE') return viewer;
  throw new CaseOutOfScope(scope === 'OUT_OF_SCOPE' ? caseId : undefined);
}

export const CASE_OUT_OF_SCOPE_MESSAGE = 'This case is not among the cases your role may see.';

/** A case outside the user's scope (or none at all): FORBIDDEN, and the dispatcher logs the refusal. */
export class CaseOutOfScope extends Refusal {
  constructor(caseId: string | undefined) {
    super(CASE_OUT_OF_SCOPE_MESSAGE, caseId ? 'case scope' : 'no such case', caseId);
  }
}
