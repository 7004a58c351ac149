/**
 * The case half of the role matrix (shared/roles.ts CASE_SCOPE), enforced in the main process: queue
 * pages and exports are filtered by it, and every read or change of one case checks it first. A refusal is
 * audit-logged by the dispatcher like a role refusal.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { Refusal } from '../../../shared/errors';
import { CASE_SCOPE, type Role } from '../../../shared/roles';
import type { Core } from '../../app/core';
import type { Database, Db } from '../../store/schema';

export interface CaseViewer {
  userId: string;
  role: Role;
  areaId: string | null;
  teamId: string | null;
}

type CaseEb = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;
export type CaseScopeFilter = ((eb: CaseEb) => Expression<SqlBool>) | null;

const INTAKE_STATUSES = ['AWAITING_BIRTH', 'NEW', 'TRIAGE'];

/** The signed-in user with the area and team of their roster entry: what their case scope is measured by. */
export async function caseViewer(core: Core, db: Db = core.db): Promise<CaseViewer> {
  const user = await core.requireUser();
  const staff = user.staffId
    ? await db.selectFrom('staff').select(['area_id', 'team_id']).where('id', '=', user.staffId).executeTakeFirst()
    : undefined;
  return { userId: user.id, role: user.role, areaId: staff?.area_id ?? null, teamId: staff?.team_id ?? null };
}

/** The cases `viewer` may see, as a condition on `cases as c`; null when the role sees every case. */
export function caseScopeFilter(viewer: CaseViewer): CaseScopeFilter {
  switch (CASE_SCOPE[viewer.role]) {
    case 'ALL':
      return null;
    case 'NONE':
      return () => sql<SqlBool>`0`;
    case 'INTAKE':
      return (eb) =>
        eb.or([
          eb(sql`+c.status`, 'in', INTAKE_STATUSES),
          eb(
            'c.notification_id',
            'in',
            eb.selectFrom('notifications').select('id').where('created_by', '=', viewer.userId),
          ),
        ]);
    case 'AREA':
      return (eb) =>
        eb.or([
          eb('c.assignee_user_id', '=', viewer.userId),
          ...(viewer.areaId ? [eb('c.area_id', '=', viewer.areaId)] : []),
          ...(viewer.teamId ? [eb('c.assigned_team_id', '=', viewer.teamId)] : []),
        ]);
  }
}

/** Which of `caseIds` `viewer`'s scope covers, in one query (ids of no case are simply not in it). */
export async function casesViewerSees(viewer: CaseViewer, db: Db, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const filter = caseScopeFilter(viewer);
  let query = db.selectFrom('cases as c').select('c.id').where('c.id', 'in', caseIds);
  if (filter) query = query.where(filter);
  return new Set((await query.execute()).map((r) => r.id));
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
  const exists = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  return exists ? 'OUT_OF_SCOPE' : 'NO_SUCH_CASE';
}

/**
 * Throws FORBIDDEN unless the signed-in user's scope covers the case, with the same answer for a case
 * outside the scope and one that does not exist. Returns the viewer, for further scope checks.
 */
export async function requireCaseAccess(core: Core, db: Db, caseId: string): Promise<CaseViewer> {
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
