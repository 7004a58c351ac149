/**
 * The fairness report: each worker's duties of each type in a range against their target, the share of
 * the duties actually rostered in proportion to FTE times the days (or weeks) they were available for it.
 */
import { isoWeek, isoWeekMonday, type LocalDate } from '../../../shared/dates';
import type { Fairness } from '../../../shared/contract/roster';
import { ASSESSMENT_WEEK } from '../../../shared/rosterScenario';
import { awayOn, weekWorkingDays } from '../../scheduler/availability';
import { listAbsences, listAssignments } from './queries';
import { rosteredStaff } from '../staff/queries';
import type { Db } from '../../store/schema';
import { readCalendar, readRosterConfig } from '../settings/queries';

export async function fairnessReport(db: Db, range: { from: LocalDate; to: LocalDate }): Promise<Fairness> {
  const [config, calendar, staff, absences, assignments] = await Promise.all([
    readRosterConfig(db),
    readCalendar(db),
    rosteredStaff(db),
    listAbsences(db, range.from, range.to),
    listAssignments(db, range.from, range.to, { from: isoWeek(range.from), to: isoWeek(range.to) }),
  ]);
  const away = (id: string, date: LocalDate) => awayOn(absences, id, date);
  const days = calendar.workingDays(range.from, range.to);
  const weeks = [...new Set(days.map(isoWeek))].filter((w) => isoWeekMonday(w) >= range.from);

  const duties = [
    ...config.dutyTypes
      .filter((d) => d.perDay > 0)
      .map((d) => ({ id: d.id as string, sw: d.requires === 'SOCIAL_WORKER', weekly: false })),
    ...(config.assessmentWeek ? [{ id: ASSESSMENT_WEEK, sw: true, weekly: true }] : []),
  ];
  const rows: Fairness['rows'] = [];
  for (const duty of duties) {
    const eligible = staff.filter((s) => !duty.sw || s.role === 'SOCIAL_WORKER');
    const available = eligible.map((s) =>
      duty.weekly
        ? weeks.filter((w) => weekWorkingDays(calendar, w).every((d) => !away(s.id, d))).length
        : days.filter((d) => !away(s.id, d)).length,
    );
    const held = assignments.filter(
      (a) => a.duty === duty.id && (a.week ? weeks.includes(a.week) : a.date! >= range.from && a.date! <= range.to),
    );
    const weight = eligible.map((s, i) => s.fte * available[i]!);
    const total = weight.reduce((a, b) => a + b, 0);
    eligible.forEach((s, i) => {
      const count = held.filter((a) => a.staffId === s.id).length;
      rows.push({
        staffId: s.id,
        name: s.name,
        fte: s.fte,
        duty: duty.id,
        count,
        target: total ? Math.round(((held.length * weight[i]!) / total) * 10) / 10 : 0,
      });
    });
  }
  return { from: range.from, to: range.to, rows };
}
