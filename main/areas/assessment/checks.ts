/**
 * The checks of an assessment's own work: the state in which it is recorded (while the assessment runs; the
 * hand-over after it), what the law gives the social worker rather than the pair or a counsellor, and the
 * directory service a partner or a support names.
 */
import { invalidInput, LuukkuError, Refusal } from '../../../shared/errors';
import { SOCIAL_WORKER_ROLES, type Role } from '../../../shared/roles';
import type { CaseRow, Db } from '../../store/schema';
import { activeServiceName } from '../org/queries';

/** Throws WRONG_STATE (with its wording in the user's language) unless the case's assessment is running. */
export function requireRunningAssessment(row: Pick<CaseRow, 'status'>, what: string): void {
  if (row.status !== 'ASSESSMENT')
    throw new LuukkuError('WRONG_STATE', `${what} while the assessment runs.`, undefined, 'assessmentNotRunning');
}

/** Throws WRONG_STATE unless the case waits for its hand-over to planned social work. */
export function requireHandoverStep(row: Pick<CaseRow, 'status'>): void {
  if (row.status !== 'HANDOVER')
    throw new LuukkuError(
      'WRONG_STATE',
      'A hand-over follows a completed assessment whose outcome needs longer support.',
      undefined,
      'noHandoverStep',
    );
}

/**
 * A call only a social worker may make within an operation the pair may also use (the summary's conclusion on
 * child welfare, child welfare support): refused and logged with the case, nothing changed.
 */
export function requireSocialWorker(role: Role, caseId: string, what: string): void {
  if (!SOCIAL_WORKER_ROLES.includes(role))
    throw new Refusal(`${what} is the social worker's to record.`, 'social worker only', caseId, 'socialWorkersCall');
}

/** What a partner or a support is called: the directory service chosen (one in use), or the name typed. */
export async function serviceOrName(trx: Db, serviceId: string | undefined, typed: string): Promise<string> {
  if (!serviceId) return typed;
  const service = await activeServiceName(trx, serviceId);
  if (!service) throw invalidInput('serviceId: not a service in use in the directory');
  return typed || service.name;
}
