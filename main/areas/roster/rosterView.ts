/**
 * What the roster screens show for a range: the duties with names, absences, the periods (draft or
 * published) and the shortfalls: slots the county's duty types ask for that nobody holds.
 */
import { addDays, isoWeek, type LocalDate } from '../../../shared/dates';
import type { Roster } from '../../../shared/contract';
import { ASSESSMENT_WEEK } from '../../../shared/rosterScenario';
import type { Context } from '../../app/context';
import { listAbsences, listAssignments, listPeriods } from './queries';
import { readCalendar, readRosterConfig } from '../settings/queries';
import { absencesAsSeenBy } from '../staff/staff';

export async function rosterView(core: Context, range: { from: LocalDate; to: LocalDate }): Promise<Roster> {
  const db = core.db;
  const weeks = { from: isoWeek(range.from), to: isoWeek(range.to) };
  const [assignments, absences, periods, config, calendar] = await Promise.all([
    listAssignments(db, range.from, range.to, weeks),
    listAbsences(db, range.from, range.to).then(async (list) => absencesAsSeenBy(await core.requireUser(), list)),
    listPeriods(db, range.from, range.to),
    readRosterConfig(db),
    readCalendar(db),
  ]);
  const shortfalls: Roster['shortfalls'] = [];
  // Only where a roster has been made: an empty future is not a shortfall.
  const rostered = (day: LocalDate) => periods.some((p) => p.from <= day && day <= p.to);
  const weeksRostered = new Set<string>();
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date) || !rostered(date)) continue;
    weeksRostered.add(isoWeek(date));
    for (const type of config.dutyTypes) {
      const held = assignments.filter((a) => a.date === date && a.duty === type.id).length;
      if (held < type.perDay) shortfalls.push({ date, week: null, duty: type.id, missing: type.perDay - held });
    }
  }
  if (config.assessmentWeek)
    for (const week of weeksRostered)
      if (!assignments.some((a) => a.week === week))
        shortfalls.push({ date: null, week, duty: ASSESSMENT_WEEK, missing: 1 });
  return {
    assignments: assignments.map((a) => ({ ...a, locked: a.locked === 1 })),
    absences,
    periods,
    shortfalls,
  };
}
