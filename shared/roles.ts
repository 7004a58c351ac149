/** User roles (issue 5 extends the matrix; the main process enforces it on every call). */
export const ROLES = ['ADVICE', 'ASSESSMENT_SW', 'REGIONAL', 'LEAD', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Every signed-in role. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Roles that manage the county's configuration and users. */
export const MANAGERS: readonly Role[] = ['LEAD', 'ADMIN'];
/** Roles whose task needs client data (Asiakastietolaki 703/2023 § 9): not the county's IT admin. */
export const CLIENT_ROLES: readonly Role[] = ['ADVICE', 'ASSESSMENT_SW', 'REGIONAL', 'LEAD'];
/** Roles held by qualified social workers: urgency and the decision are theirs (LsL 26 § 2 and 4 mom). */
export const SOCIAL_WORKER_ROLES: readonly Role[] = ['ASSESSMENT_SW', 'REGIONAL', 'LEAD'];
/** Roles that build the duty roster: the advice team runs it, leads and admins too. Publishing is MANAGERS'. */
export const ROSTER_EDITORS: readonly Role[] = ['ADVICE', 'LEAD', 'ADMIN'];
