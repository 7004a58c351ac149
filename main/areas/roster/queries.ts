import { addDays, isoWeek, isoWeekMonday, type LocalDate } from '../../../shared/dates';
import type { Absence, RosterPeriod } from '../../../shared/contract/roster';
import { direction } from '../../store/engine';
import type { Db } from '../../store/schema';

/** Duty assignments in a date range (daily duties by date, assessment weeks by ISO week), with names. */
export async function listAssignments(db: Db, from: LocalDate, to: LocalDate, weeks: { from: string; to: string }) {
  return (
    db
      .selectFrom('duty_assignments as d')
      .innerJoin('staff as s', 's.id', 'd.staff_id')
      .select(['d.id', 'd.date', 'd.week', 'd.duty', 'd.staff_id as staffId', 's.name as staffName', 'd.locked'])
      .where((eb) =>
        eb.or([
          eb.and([eb('d.date', '>=', from), eb('d.date', '<=', to)]),
          eb.and([eb('d.week', '>=', weeks.from), eb('d.week', '<=', weeks.to)]),
        ]),
      )
      // Every order ends in the row's id (and NULLs where SQLite puts them): two reads of an unchanged roster
      // must match, on PostgreSQL too (rosterGenerate.ts compares them before saving).
      .orderBy('d.date', direction(db, 'asc', true))
      .orderBy('d.week', direction(db, 'asc', true))
      .orderBy('d.duty')
      .orderBy('d.id')
      .execute()
  );
}
export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

/** The day an assignment stands on: its date, or the Monday of its assessment week. */
export const dayOf = (a: { date: string | null; week: string | null }): LocalDate => a.date ?? isoWeekMonday(a.week!);

/** A worker's duties in a date range: daily duties on those dates, an assessment week if any of its weekdays is. */
export async function dutiesDuring(db: Db, staffId: string, from: LocalDate, to: LocalDate): Promise<AssignmentRow[]> {
  const rows = await listAssignments(db, from, to, { from: isoWeek(from), to: isoWeek(to) });
  return rows.filter(
    (a) => a.staffId === staffId && (a.date !== null || (dayOf(a) <= to && addDays(dayOf(a), 4) >= from)),
  );
}

export async function listAbsences(db: Db, from: LocalDate, to: LocalDate): Promise<Absence[]> {
  const rows = await db
    .selectFrom('absences as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      'a.id',
      'a.staff_id as staffId',
      's.name as staffName',
      'a.from_date as from',
      'a.to_date as to',
      'a.kind',
    ])
    .where('a.to_date', '>=', from)
    .where('a.from_date', '<=', to)
    .orderBy('a.from_date')
    .orderBy('s.name')
    .orderBy('a.id')
    .execute();
  return rows as Absence[];
}

export async function listPeriods(db: Db, from: LocalDate, to: LocalDate): Promise<RosterPeriod[]> {
  const rows = await db
    .selectFrom('roster_periods as p')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .select(['p.id', 'p.from_date as from', 'p.to_date as to', 'p.status', 'p.published_at as publishedAt'])
    .select('u.display_name as publishedBy')
    .where('p.to_date', '>=', from)
    .where('p.from_date', '<=', to)
    .orderBy('p.from_date')
    .orderBy('p.id')
    .execute();
  return rows as RosterPeriod[];
}

/** Active workers and duties held, for the overview. */
export async function rosterCounts(db: Db): Promise<{ staff: number; dutyAssignments: number }> {
  const [staff, duties] = await Promise.all([
    db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('active', '=', 1)
      .executeTakeFirst(),
    db
      .selectFrom('duty_assignments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  ]);
  return { staff: Number(staff?.n ?? 0), dutyAssignments: Number(duties?.n ?? 0) };
}
