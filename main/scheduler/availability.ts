/** When a worker can be rostered: the working days of an ISO week, and absences. */
import type { WorkingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeekMonday, type LocalDate } from '../../shared/dates';
import type { Scenario } from '../../shared/rosterScenario';

/** Monday to Friday of the ISO week that are working days (the whole week, even where it leaves the period). */
export function weekWorkingDays(calendar: WorkingDayCalendar, week: string): LocalDate[] {
  const monday = isoWeekMonday(week);
  return calendar.workingDays(monday, addDays(monday, 4));
}

export function isAbsent(worker: Scenario['workers'][number], date: LocalDate): boolean {
  return worker.absences.some((a) => a.from <= date && date <= a.to);
}

/** The same for absences as the store lists them (main/areas/roster/queries.ts `listAbsences`), by worker id. */
export function awayOn(
  absences: readonly { staffId: string; from: LocalDate; to: LocalDate }[],
  staffId: string,
  date: LocalDate,
): boolean {
  return absences.some((a) => a.staffId === staffId && a.from <= date && date <= a.to);
}
