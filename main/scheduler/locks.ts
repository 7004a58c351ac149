/** Locks that no roster could keep (a hard rule would break), named so the admin can fix the scenario. */
import { workingDayCalendar } from '../../shared/calendar';
import { ASSESSMENT_WEEK, type Scenario } from '../../shared/rosterScenario';
import { isAbsent, weekWorkingDays } from './availability';

export function lockProblems(s: Scenario): string[] {
  const calendar = workingDayCalendar(s.closureDays);
  const problems: string[] = [];
  s.locks.forEach((lock, i) => {
    const worker = s.workers.find((w) => w.id === lock.workerId)!;
    const at = `locks.${i}`;
    if (lock.duty === ASSESSMENT_WEEK) {
      const days = weekWorkingDays(calendar, lock.week!);
      if (!days.some((d) => d >= s.period.from && d <= s.period.to))
        problems.push(`${at}.week: ${lock.week} has no working day in the period`);
      else if (worker.role !== 'SOCIAL_WORKER')
        problems.push(`${at}.workerId: the assessment week needs a social worker, ${worker.id} is not one`);
      else if (days.some((d) => isAbsent(worker, d)))
        problems.push(`${at}.workerId: ${worker.id} is absent during ${lock.week}`);
      return;
    }
    const duty = s.dutyTypes.find((t) => t.id === lock.duty)!;
    const date = lock.date!;
    if (date < s.period.from || date > s.period.to) problems.push(`${at}.date: ${date} is outside the period`);
    else if (!calendar.isWorkingDay(date)) problems.push(`${at}.date: ${date} is not a working day`);
    else if (duty.requires === 'SOCIAL_WORKER' && worker.role !== 'SOCIAL_WORKER')
      problems.push(`${at}.workerId: ${lock.duty} needs a social worker, ${worker.id} is not one`);
    else if (isAbsent(worker, date)) problems.push(`${at}.workerId: ${worker.id} is absent on ${date}`);
  });
  return problems;
}
