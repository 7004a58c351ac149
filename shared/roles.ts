/** User roles (issue 5 extends the matrix; the main process enforces it on every call). */
export const ROLES = ['ADVICE', 'ASSESSMENT_SW', 'REGIONAL', 'LEAD', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Every signed-in role. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Roles that manage the county's configuration and users. */
export const MANAGERS: readonly Role[] = ['LEAD', 'ADMIN'];
