/**
 * Who is on assessment duty on a day (issue 22 item 8; docs/domain.md "Assessment week"): in the rotation, the
 * worker of the ISO week's ASSESSMENT_WEEK duty; with one dedicated social worker, that worker, or the named
 * deputy while the worker is away. New notifications are assigned to them as they are registered.
 */
import { isoWeek, type LocalDate } from '../../../shared/dates';
import { invalidInput } from '../../../shared/errors';
import { SOCIAL_WORKER_ROLES } from '../../../shared/roles';
import type { Settings } from '../../../shared/contract';
import type { Db } from '../../store/schema';
import { readSettings } from '../settings/queries';
import { hasOverlappingAbsence } from '../staff/queries';
import { findUser } from './userQueries';
import { assessmentWeekUser } from './workloadQueries';

/** The account if it is active and its worker is not away on `date`. */
async function presentOn(db: Db, userId: string | null, date: LocalDate): Promise<string | null> {
  if (!userId) return null;
  const user = await findUser(db, userId);
  if (!user?.active) return null;
  if (user.staff_id && (await hasOverlappingAbsence(db, user.staff_id, date, date))) return null;
  return user.id;
}

/** The worker on assessment duty on `date`, or null when nobody is (the team lead then assigns by hand). */
export async function assessmentWorkerOn(db: Db, date: LocalDate): Promise<string | null> {
  const settings = await readSettings(db);
  if (settings.assessmentModel === 'DEDICATED')
    return (
      (await presentOn(db, settings.assessmentWorkerId, date)) ??
      (await presentOn(db, settings.assessmentDeputyId, date))
    );
  return presentOn(db, await assessmentWeekUser(db, isoWeek(date)), date);
}

/**
 * Whether `userId` is on assessment duty on `date`, which binds the assessment-week worker's county-wide case
 * access (issue 22 item 8): in the rotation, the holder of the ISO week's ASSESSMENT_WEEK duty all that week;
 * with one dedicated social worker, that worker, and the deputy on the days the worker is away.
 */
export async function onAssessmentDuty(db: Db, userId: string, date: LocalDate): Promise<boolean> {
  const settings = await readSettings(db);
  if (settings.assessmentModel === 'DEDICATED')
    return userId === settings.assessmentWorkerId || (await assessmentWorkerOn(db, date)) === userId;
  return (await assessmentWeekUser(db, isoWeek(date))) === userId;
}

/** A dedicated model names an active social worker, and a deputy who is another one (or none). */
export async function checkAssessmentModel(db: Db, s: Settings): Promise<void> {
  if (s.assessmentModel !== 'DEDICATED') return;
  if (!s.assessmentWorkerId) throw invalidInput('assessmentWorkerId: name the social worker of the assessment week');
  for (const [field, id] of [
    ['assessmentWorkerId', s.assessmentWorkerId],
    ['assessmentDeputyId', s.assessmentDeputyId],
  ] as const) {
    if (!id) continue;
    const user = await findUser(db, id);
    if (!user?.active || !SOCIAL_WORKER_ROLES.includes(user.role))
      throw invalidInput(`${field}: not an active social worker`);
  }
  if (s.assessmentDeputyId === s.assessmentWorkerId)
    throw invalidInput('assessmentDeputyId: the deputy is another social worker');
}
