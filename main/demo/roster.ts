import { workingDayCalendar } from '../../shared/calendar';
import { addDays, isoWeek, isoWeekday, monthBounds, type LocalDate } from '../../shared/dates';
import type { Db } from '../store/schema';
import { demoMaxDutiesPerWeek, type DemoStaff } from './staff';
import { ROSTERED_ROLES } from '../../shared/contract/roster';
import { insertInChunks } from '../store/chunks';

interface Absence {
  staff_id: string;
  from_date: string;
  to_date: string;
}

/**
 * A plausible roster for the demo: least-loaded greedy, respecting absences, holidays and the
 * assessment week, over whole months, each kept as a draft roster period. The real scheduler (HiGHS MIP)
 * replaces this for actual rosters.
 */
export async function insertDemoRoster(
  db: Db,
  staff: DemoStaff[],
  absences: Absence[],
  from: LocalDate,
  to: LocalDate,
): Promise<number> {
  const calendar = workingDayCalendar();
  const away = (id: string, date: LocalDate) =>
    absences.some((a) => a.staff_id === id && a.from_date <= date && date <= a.to_date);
  const load = new Map(staff.map((s) => [s.id, 0]));
  const byLoad = (a: DemoStaff, b: DemoStaff) =>
    load.get(a.id)! / a.fte - load.get(b.id)! / b.fte || a.id.localeCompare(b.id);
  const rows: {
    date: string | null;
    week: string | null;
    duty: string;
    staff_id: string;
    locked: number;
    period_id: string | null;
  }[] = [];
  // The assessment week rotates among the client-guidance team's social workers (the assessment-week role).
  const assessors = staff.filter((s) => s.userRole === 'ASSESSMENT_SW');
  // The rostered roles only, each within their weekly maximum: the demo's draft keeps the scheduler's hard
  // rules, so that a repair or a generation next to it can keep it as it stands.
  const daily = staff.filter((s) => (ROSTERED_ROLES as readonly string[]).includes(s.role));
  let monday = addDays(from, 1 - isoWeekday(from));
  let previousAssessor: string | null = null;
  for (; monday <= to; monday = addDays(monday, 7)) {
    const days = Array.from({ length: 5 }, (_, i) => addDays(monday, i)).filter(
      (d) => d >= from && d <= to && calendar.isWorkingDay(d),
    );
    if (!days.length) continue;
    const assessor = assessors
      .filter((s) => s.id !== previousAssessor && days.every((d) => !away(s.id, d)))
      .sort(byLoad)[0];
    if (assessor) {
      rows.push({
        date: null,
        week: isoWeek(monday),
        duty: 'ASSESSMENT_WEEK',
        staff_id: assessor.id,
        locked: 0,
        // A week belongs to the month of its Monday; one that starts before the roster does belongs to none.
        period_id: monday >= from ? monday.slice(0, 7) : null,
      });
      load.set(assessor.id, load.get(assessor.id)! + 5);
    }
    previousAssessor = assessor?.id ?? null;
    const thisWeek = new Map<string, number>();
    for (const date of days) {
      const free = daily
        .filter(
          (s) => s.id !== assessor?.id && !away(s.id, date) && (thisWeek.get(s.id) ?? 0) < demoMaxDutiesPerWeek(s),
        )
        .sort(byLoad);
      const pick = (candidates: DemoStaff[]) => {
        const chosen = candidates[0];
        if (!chosen) return;
        free.splice(free.indexOf(chosen), 1);
        load.set(chosen.id, load.get(chosen.id)! + 1);
        thisWeek.set(chosen.id, (thisWeek.get(chosen.id) ?? 0) + 1);
        return chosen;
      };
      const emergency = pick(free.filter((s) => s.role === 'SOCIAL_WORKER'));
      const swedish = pick(free.filter((s) => s.languages.includes('sv')));
      const second = pick(free);
      for (const [duty, person] of [
        ['EMERGENCY', emergency],
        ['RECEPTION', swedish],
        ['RECEPTION', second],
      ] as const) {
        if (person) rows.push({ date, week: null, duty, staff_id: person.id, locked: 0, period_id: date.slice(0, 7) });
      }
    }
  }
  const months = [...new Set(rows.flatMap((r) => (r.period_id ? [r.period_id] : [])))];
  await insertInChunks(
    db,
    'roster_periods',
    months.map((id) => ({
      id,
      from_date: monthBounds(id).from,
      to_date: monthBounds(id).to,
      status: 'DRAFT' as const,
      published_at: null,
      published_by: null,
    })),
  );
  await insertInChunks(db, 'duty_assignments', rows);
  return rows.length;
}
