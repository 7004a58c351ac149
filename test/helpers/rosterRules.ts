/**
 * An independent check of docs/formats.md's hard rules on a roster result: written from the handbook, sharing
 * no code with the scheduler's model, so a modelling mistake cannot hide in both.
 */
import { workingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeek, isoWeekMonday } from '../../shared/dates';
import type { RosterResult, ScenarioInput } from '../../shared/rosterScenario';

export function hardRuleViolations(s: ScenarioInput, r: RosterResult): string[] {
  const problems: string[] = [];
  const calendar = workingDayCalendar(s.closureDays ?? []);
  const worker = new Map(s.workers.map((w) => [w.id, w]));
  const absentOn = (id: string, date: string) =>
    (worker.get(id)!.absences ?? []).some((a) => a.from <= date && date <= a.to);
  const days: string[] = [];
  for (let d = s.period.from; d <= s.period.to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const weeks = [...new Set(days.map(isoWeek))];
  const daily = r.assignments.filter((a): a is { date: string; duty: string; workerId: string } => 'date' in a);
  const weekly = r.assignments.filter((a) => 'week' in a) as { week: string; workerId: string }[];

  for (const a of daily) {
    const w = worker.get(a.workerId);
    const type = s.dutyTypes.find((t) => t.id === a.duty);
    if (!w || !type) problems.push(`unknown worker or duty in ${JSON.stringify(a)}`);
    else {
      if (!calendar.isWorkingDay(a.date) || a.date < s.period.from || a.date > s.period.to)
        problems.push(`${a.date} is not a working day of the period`);
      if (absentOn(a.workerId, a.date)) problems.push(`${a.workerId} absent on ${a.date} has ${a.duty}`);
      if (type.requires === 'SOCIAL_WORKER' && w.role !== 'SOCIAL_WORKER')
        problems.push(`${a.workerId} is not a social worker but has ${a.duty} on ${a.date}`);
    }
  }
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const a of daily) {
    perDay.set(`${a.workerId}|${a.date}`, (perDay.get(`${a.workerId}|${a.date}`) ?? 0) + 1);
    const k = `${a.workerId}|${isoWeek(a.date)}`;
    perWeek.set(k, (perWeek.get(k) ?? 0) + 1);
  }
  for (const [k, n] of perDay) if (n > 1) problems.push(`${k} has ${n} daily duties`);
  for (const [k, n] of perWeek) {
    const max = worker.get(k.split('|')[0]!)!.maxDutiesPerWeek ?? 5;
    if (n > max) problems.push(`${k} has ${n} daily duties, more than ${max}`);
  }
  for (const date of days)
    for (const t of s.dutyTypes) {
      const assigned = daily.filter((a) => a.date === date && a.duty === t.id).length;
      const missing = r.uncovered.find((u) => 'date' in u && u.date === date && u.duty === t.id)?.missing ?? 0;
      if (assigned + missing !== t.perDay)
        problems.push(`${date} ${t.id}: ${assigned} assigned + ${missing} uncovered != ${t.perDay}`);
      if (t.id === 'RECEPTION' && s.rules?.swedishOnReceptionDaily && t.perDay > 0 && assigned > 0) {
        const swedish = daily.some(
          (a) => a.date === date && a.duty === 'RECEPTION' && worker.get(a.workerId)!.languages?.includes('sv'),
        );
        if (!swedish && missing === 0) problems.push(`${date}: no Swedish speaker on reception and nothing uncovered`);
      }
    }
  if (s.assessmentWeek) {
    for (const week of weeks) {
      const on = weekly.filter((a) => a.week === week);
      const missing = r.uncovered.some((u) => 'week' in u && u.week === week);
      if (on.length + (missing ? 1 : 0) !== 1) problems.push(`${week}: ${on.length} on assessment week`);
      for (const a of on) {
        const w = worker.get(a.workerId)!;
        if (w.role !== 'SOCIAL_WORKER') problems.push(`${week}: ${a.workerId} is not a social worker`);
        const weekDays = [0, 1, 2, 3, 4]
          .map((k) => addDays(isoWeekMonday(week), k))
          .filter((d) => calendar.isWorkingDay(d));
        if (weekDays.some((d) => absentOn(a.workerId, d))) problems.push(`${week}: ${a.workerId} is away that week`);
        if (daily.some((d) => d.workerId === a.workerId && isoWeek(d.date) === week))
          problems.push(`${week}: ${a.workerId} has a daily duty in their assessment week`);
        const next = weeks[weeks.indexOf(week) + 1];
        if (
          s.rules?.noConsecutiveAssessmentWeeks &&
          next &&
          weekly.some((b) => b.week === next && b.workerId === a.workerId)
        )
          problems.push(`${a.workerId} has assessment weeks ${week} and ${next}`);
      }
    }
  }
  for (const lock of s.locks ?? []) {
    const kept = r.assignments.some(
      (a) =>
        a.workerId === lock.workerId &&
        a.duty === lock.duty &&
        ('date' in a ? a.date === lock.date : a.week === lock.week),
    );
    if (!kept) problems.push(`lock ${JSON.stringify(lock)} not kept`);
  }
  return problems;
}
