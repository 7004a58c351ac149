/** The one state in which an assessment's own work (pair, meetings, partners) is recorded: while it runs. */
import { LuukkuError } from '../../../shared/errors';
import type { CaseRow } from '../../store/schema';

/** Throws WRONG_STATE (with its wording in the user's language) unless the case's assessment is running. */
export function requireRunningAssessment(row: Pick<CaseRow, 'status'>, what: string): void {
  if (row.status !== 'ASSESSMENT')
    throw new LuukkuError('WRONG_STATE', `${what} while the assessment runs.`, undefined, 'assessmentNotRunning');
}
