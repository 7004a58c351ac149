/**
 * Where a case stands against its statutory deadlines (docs/domain.md, "The statutory clock"), as shown in the
 * queue and the detail pane: the running deadline, working days left and in time / due soon / overdue.
 */
import type { WorkingDayCalendar } from './calendar';
import { runsAssessment, type CaseStatus } from './caseTypes';
import type { LocalDate } from './dates';

export type ClockState = 'AWAITING_BIRTH' | 'IN_TIME' | 'DUE_SOON' | 'OVERDUE' | 'DONE';

export interface CaseClock {
  state: ClockState;
  /** START: the decision to start the assessment (7 working days); COMPLETE: the assessment (3 months). */
  deadline: 'START' | 'COMPLETE' | null;
  due: LocalDate | null;
  /** Working days from today to the due date: 0 on the due day, negative when overdue. */
  workingDaysLeft: number | null;
}

/** The last due date that is "due soon" today: caseClock's rule as a date bound, for queries. */
export function dueSoonUntil(today: LocalDate, calendar: WorkingDayCalendar, dueSoonWorkingDays: number): LocalDate {
  return dueSoonWorkingDays > 0 ? calendar.addWorkingDays(today, dueSoonWorkingDays) : today;
}

export function caseClock(
  c: { status: CaseStatus; startDue: LocalDate | null; completeDue: LocalDate | null },
  today: LocalDate,
  calendar: WorkingDayCalendar,
  dueSoonWorkingDays: number,
): CaseClock {
  if (c.status === 'AWAITING_BIRTH')
    return { state: 'AWAITING_BIRTH', deadline: null, due: null, workingDaysLeft: null };
  // After completion no statutory clock runs, also while the hand-over to planned social work is pending.
  if (c.status === 'CLOSED' || c.status === 'HANDOVER')
    return { state: 'DONE', deadline: null, due: null, workingDaysLeft: null };
  const deadline = c.status === 'ASSESSMENT' ? 'COMPLETE' : 'START';
  const due = deadline === 'COMPLETE' ? c.completeDue : c.startDue;
  if (!due) return { state: 'IN_TIME', deadline, due: null, workingDaysLeft: null };
  const left = calendar.workingDaysBetween(today, due);
  const state = today > due ? 'OVERDUE' : left <= dueSoonWorkingDays ? 'DUE_SOON' : 'IN_TIME';
  return { state, deadline, due, workingDaysLeft: left };
}

/**
 * Whether a statutory deadline was missed, as of `today`: decided or completed after it, or still open past
 * it. The main process refuses an overrun reason on a case for which this is false; the pane asks for one
 * when it is true.
 */
export function deadlineMissed(
  c: {
    decision: string | null;
    decisionDate: LocalDate | null;
    startDue: LocalDate | null;
    completeDue: LocalDate | null;
    assessmentCompletedDate: LocalDate | null;
  },
  deadline: 'START' | 'COMPLETE',
  today: LocalDate,
): boolean {
  if (deadline === 'START') return !!c.startDue && (c.decisionDate ?? today) > c.startDue;
  if (!runsAssessment(c.decision) || !c.completeDue) return false;
  return (c.assessmentCompletedDate ?? today) > c.completeDue;
}

/**
 * A just-recorded urgency can be taken back for a few minutes by whoever recorded it, before any decision: a
 * mis-click on "urgent" or "not urgent" is undone, not corrected with a reason (the case history keeps both).
 * After that it is corrected (cases.correctUrgency) with the reason.
 */
export const URGENCY_UNDO_MINUTES = 5;

/** Until when `viewerId` may undo the case's urgency, or null. */
export function urgencyUndoUntil(
  c: { urgencyRecordedAt: string | null; urgencyAssessedBy: string | null; decided: boolean },
  viewerId: string,
  now: Date,
): string | null {
  if (!c.urgencyRecordedAt || c.decided || c.urgencyAssessedBy !== viewerId) return null;
  const until = Date.parse(c.urgencyRecordedAt) + URGENCY_UNDO_MINUTES * 60_000;
  return until > now.getTime() ? new Date(until).toISOString() : null;
}
