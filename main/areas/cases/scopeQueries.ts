/**
 * The case scope as SQL (main/areas/cases/caseAccess.ts decides who the viewer is): which cases a viewer's
 * role, area and team let them see, as a condition every case read adds.
 */
import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CaseStatus } from '../../../shared/caseTypes';
import { CASE_SCOPE } from '../../../shared/roles';
import type { Database, Db } from '../../store/schema';
import type { CaseViewer } from './caseAccess';
import { never, notIndexed } from '../../store/engine';

type CaseEb = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;
export type CaseScopeFilter = ((eb: CaseEb) => Expression<SqlBool>) | null;

const INTAKE_STATUSES: CaseStatus[] = ['AWAITING_BIRTH', 'NEW', 'TRIAGE'];

/** The cases `viewer` may see, as a condition on `cases as c`; null when the role sees every case. */
export function caseScopeFilter(viewer: CaseViewer): CaseScopeFilter {
  const scope = CASE_SCOPE[viewer.role];
  // The assessment-week worker needs a child's earlier cases: every case, for the days of duty.
  if (scope === 'ALL' || viewer.onDuty) return null;
  switch (scope) {
    case 'NONE':
      return () => never;
    case 'INTAKE':
      return (eb) => eb.or(intake(eb, viewer));
    case 'DUTY':
      return (eb) =>
        eb.or([
          ...intake(eb, viewer),
          ...workedOn(eb, viewer),
          eb('c.decision_by', '=', viewer.userId),
          eb('c.urgency_assessed_by', '=', viewer.userId),
        ]);
    case 'AREA':
      return (eb) =>
        eb.or([
          ...workedOn(eb, viewer),
          ...(viewer.areaId ? [eb('c.area_id', '=', viewer.areaId)] : []),
          ...(viewer.teamId ? [eb('c.assigned_team_id', '=', viewer.teamId)] : []),
        ]);
  }
}

/** The cases not yet decided, and those of the notifications the viewer registered. */
function intake(eb: CaseEb, viewer: CaseViewer) {
  return [
    eb(notIndexed('c.status'), 'in', INTAKE_STATUSES),
    eb('c.notification_id', 'in', eb.selectFrom('notifications').select('id').where('created_by', '=', viewer.userId)),
  ];
}

/** The cases assigned to the viewer, that they are the pair of, or that they receive in a hand-over. */
function workedOn(eb: CaseEb, viewer: CaseViewer) {
  return [
    eb('c.assignee_user_id', '=', viewer.userId),
    eb('c.pair_user_id', '=', viewer.userId),
    // The worker who receives the family in planned social work takes part in its hand-over meeting.
    eb('c.handover_to', '=', viewer.userId),
  ];
}

/** Which of `caseIds` `viewer`'s scope covers, in one query (ids of no case are simply not in it). */
export async function casesViewerSees(viewer: CaseViewer, db: Db, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const filter = caseScopeFilter(viewer);
  let query = db.selectFrom('cases as c').select('c.id').where('c.id', 'in', caseIds);
  if (filter) query = query.where(filter);
  return new Set((await query.execute()).map((r) => r.id));
}

export async function caseExists(db: Db, caseId: string): Promise<boolean> {
  return !!(await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst());
}
