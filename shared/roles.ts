/** User roles (issue 5 extends the matrix; the main process enforces it on every call). */
export const ROLES = ['ADVICE', 'ASSESSMENT_SW', 'REGIONAL', 'COUNSELLOR', 'LEAD', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Every signed-in role. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Roles that manage the county's configuration and users. */
export const MANAGERS: readonly Role[] = ['LEAD', 'ADMIN'];
/** Roles whose task needs client data (Asiakastietolaki 703/2023 § 9): not the county's IT admin. */
export const CLIENT_ROLES: readonly Role[] = ['ADVICE', 'ASSESSMENT_SW', 'REGIONAL', 'COUNSELLOR', 'LEAD'];
/**
 * Roles that carry out service need assessments (issue 22): the regional social workers and their work pairs
 * (a regional team's counsellor), the assessment-week worker and leads. They plan and record the meetings.
 */
export const ASSESSMENT_ROLES: readonly Role[] = ['ASSESSMENT_SW', 'REGIONAL', 'COUNSELLOR', 'LEAD'];
/** Roles held by qualified social workers: urgency and the decision are theirs (LsL 26 § 2 and 4 mom). */
export const SOCIAL_WORKER_ROLES: readonly Role[] = ['ASSESSMENT_SW', 'REGIONAL', 'LEAD'];
/** Roles that build the duty roster: the advice team runs it, leads and admins too. Publishing is MANAGERS'. */
export const ROSTER_EDITORS: readonly Role[] = ['ADVICE', 'LEAD', 'ADMIN'];
/** Roles a case can be assigned or reassigned to: the decision and the assessment are a social worker's. */
export const ASSIGNABLE_ROLES: readonly Role[] = SOCIAL_WORKER_ROLES;
/**
 * Who may work as an assessment's pair beside its responsible social worker (issue 22 item 1): a counsellor
 * or a second social worker. The pair sees the case and its meetings but holds none of the social worker's
 * statutory decisions unless their own role does.
 */
export const PAIR_ROLES: readonly Role[] = ['COUNSELLOR', ...SOCIAL_WORKER_ROLES];

/**
 * Which cases each role may read or act on (Asiakastietolaki 703/2023 § 9: only what the task needs). The
 * operation matrix is each operation's `access` in the contract; this is its second half, and the main
 * process applies it to every case read and change (main/areas/cases/caseAccess.ts).
 *
 * - ALL: every case (leads).
 * - INTAKE: cases not yet decided (awaiting birth, new, in triage) and the notifications the user registered.
 * - DUTY: the assessment-week social worker (issue 22 item 8): every case while on assessment duty (the week
 *   of the rotation, or the dedicated worker, or the deputy on the worker's absent days), who needs a child's
 *   earlier cases; off duty, what the advice team sees (INTAKE) plus the cases they decided or assessed the
 *   urgency of, are assigned, are the pair of or receive in a hand-over.
 * - AREA: the cases of the user's area, of their team, and those assigned to them, that they work on as the
 *   assessment's pair or that they receive in a hand-over to planned social work (regional workers and
 *   counsellors); a regional social worker who holds a rotation's assessment week sees every case that week.
 * - NONE: no client data (the county's IT admin).
 */
export type CaseScope = 'ALL' | 'INTAKE' | 'DUTY' | 'AREA' | 'NONE';
export const CASE_SCOPE: Readonly<Record<Role, CaseScope>> = {
  ADVICE: 'INTAKE',
  ASSESSMENT_SW: 'DUTY',
  REGIONAL: 'AREA',
  COUNSELLOR: 'AREA',
  LEAD: 'ALL',
  ADMIN: 'NONE',
};

/**
 * Who may receive a family in planned social work after an assessment (issue 22 item 6): a social worker; for
 * planned social work under the Social Welfare Act also a counsellor (sosiaaliohjaaja, SHL 42 §), but a child
 * welfare client's worker is a social worker (LsL 13 b §).
 */
export function mayReceiveHandover(role: string, outcome: string | null): boolean {
  if ((SOCIAL_WORKER_ROLES as readonly string[]).includes(role)) return true;
  return role === 'COUNSELLOR' && outcome === 'PLANNED_SOCIAL_WORK';
}
