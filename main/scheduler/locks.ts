/** Locks that no roster could keep (a hard rule would break), named so the admin can fix the scenario. */
import { workingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeek, isoWeekMonday } from '../../shared/dates';
import { ASSESSMENT_WEEK, type Scenario } from '../../shared/rosterScenario';

export function lockProblems(s: Scenario): string[] {
  const calendar = workingDayCalendar(s.closureDays);
  const problems: string[] = [];
  const absent = (workerId: string, date: string) =>
    s.workers.find((w) => w.id === workerId)!.absences.some((a) => a.from <= date && date <= a.to);
  s.locks.forEach((lock, i) => {
    const worker = s.workers.find((w) => w.id === lock.workerId)!;
    const at = `locks.${i}`;
    if (lock.duty === ASSESSMENT_WEEK) {
      const monday = isoWeekMonday(lock.week!);
      const days = [0, 1, 2, 3, 4].map((k) => addDays(monday, k)).filter((d) => calendar.isWorkingDay(d));
      if (!days.some((d) => d >= s.period.from && d <= s.period.to && isoWeek(d) === lock.week))
        problems.push(`${at}.week: ${lock.week} has no working day in the period`);
      else if (worker.role !== 'SOCIAL_WORKER')
        problems.push(`${at}.workerId: the assessment week needs a social worker, ${worker.id} is not one`);
      else if (days.some((d) => absent(worker.id, d)))
        problems.push(`${at}.workerId: ${worker.id} is absent during ${lock.week}`);
      return;
    }
    const duty = s.dutyTypes.find((t) => t.id === lock.duty)!;
    const date = lock.date!;
    if (date < s.period.from || date > s.period.to) problems.push(`${at}.date: ${date} is outside the period`);
    else if (!calendar.isWorkingDay(date)) problems.push(`${at}.date: ${date} is not a working day`);
    else if (duty.requires === 'SOCIAL_WORKER' && worker.role !== 'SOCIAL_WORKER')
      problems.push(`${at}.workerId: ${lock.duty} needs a social worker, ${worker.id} is not one`);
    else if (absent(worker.id, date)) problems.push(`${at}.workerId: ${worker.id} is absent on ${date}`);
  });
  return problems;
}
