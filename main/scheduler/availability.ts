/** When a worker can be rostered: the working days of an ISO week, and absences. */
import type { WorkingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeekMonday, type LocalDate } from '../../shared/dates';
import type { Scenario } from '../../shared/rosterScenario';

/** Monday to Friday of the ISO week that are working days (the whole week, even where it leaves the period). */
export function weekWorkingDays(calendar: WorkingDayCalendar, week: string): LocalDate[] {
  const monday = isoWeekMonday(week);
  return [0, 1, 2, 3, 4].map((k) => addDays(monday, k)).filter((d) => calendar.isWorkingDay(d));
}

export function isAbsent(worker: Scenario['workers'][number], date: LocalDate): boolean {
  return worker.absences.some((a) => a.from <= date && date <= a.to);
}
