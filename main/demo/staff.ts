import { addDays, type LocalDate } from '../../shared/dates';
import type { Role } from '../../shared/roles';
import type { StaffRole } from '../../shared/caseTypes';
import type { Db } from '../store/schema';
import { DEFAULT_TEAMS } from '../store/seedCounty';
import { FI_FIRST, FI_LAST, SV_FIRST, SV_LAST, usernameFor } from './names';
import type { Random } from './random';
import { insertInChunks } from '../store/chunks';

export interface DemoStaff {
  id: string;
  name: string;
  role: StaffRole;
  fte: number;
  languages: string[];
  areaId: string | null;
  teamId: string;
  userRole: Role;
  username: string;
}

/** 15-40 people: two leads, then social workers and counsellors in the advice and regional teams. */
export function makeStaff(rng: Random, count: number): DemoStaff[] {
  const staff: DemoStaff[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const swedish = rng.chance(0.35);
    let name: string;
    do {
      name = swedish ? `${rng.pick(SV_FIRST)} ${rng.pick(SV_LAST)}` : `${rng.pick(FI_FIRST)} ${rng.pick(FI_LAST)}`;
    } while (used.has(name));
    used.add(name);
    const role: StaffRole =
      i < 2 ? 'LEAD' : i % 9 === 8 ? 'SERVICE_COORDINATOR' : i % 2 === 0 ? 'SOCIAL_WORKER' : 'COUNSELLOR';
    // Regional teams: social workers and, as their work pairs (issue 22), a few counsellors.
    const regional = (role === 'SOCIAL_WORKER' && i % 4 === 0) || (role === 'COUNSELLOR' && i % 8 === 5);
    const team = regional ? DEFAULT_TEAMS[1 + (i % 3)]! : DEFAULT_TEAMS[0]!;
    const userRole: Role =
      role === 'LEAD'
        ? 'LEAD'
        : role === 'SOCIAL_WORKER'
          ? regional
            ? 'REGIONAL'
            : 'ASSESSMENT_SW'
          : regional
            ? 'COUNSELLOR'
            : 'ADVICE';
    staff.push({
      id: `s${String(i + 1).padStart(3, '0')}`,
      name,
      role,
      fte: rng.weighted([
        [1, 6],
        [0.8, 2],
        [0.6, 1],
        [0.5, 1],
      ] as const),
      languages: swedish ? ['sv', 'fi'] : rng.chance(0.15) ? ['fi', 'sv'] : ['fi'],
      areaId: team.area_id,
      teamId: team.id,
      userRole,
      username: usernameFor(name),
    });
  }
  return staff;
}

/** A demo worker's most daily duties in a week: three at 0.8 FTE or more, else two. */
export function demoMaxDutiesPerWeek(s: Pick<DemoStaff, 'fte'>): number {
  return s.fte >= 0.8 ? 3 : 2;
}

export async function insertStaff(
  db: Db,
  staff: DemoStaff[],
  rng: Random,
  today: LocalDate,
  now: string,
): Promise<number> {
  await insertInChunks(
    db,
    'staff',
    staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      fte: s.fte,
      languages: JSON.stringify(s.languages),
      area_id: s.areaId,
      team_id: s.teamId,
      max_duties_per_week: demoMaxDutiesPerWeek(s),
      active: 1,
      created_at: now,
    })),
  );
  const absences = staff.flatMap((s) =>
    Array.from({ length: rng.int(0, 3) }, () => {
      const from = addDays(today, rng.int(-60, 90));
      const kind = rng.weighted([
        ['VACATION', 5],
        ['SICK_LEAVE', 3],
        ['TRAINING', 2],
      ] as const);
      const length = kind === 'VACATION' ? rng.int(5, 15) : rng.int(1, 4);
      return { staff_id: s.id, from_date: from, to_date: addDays(from, length - 1), kind, created_at: now };
    }),
  );
  await insertInChunks(db, 'absences', absences);
  return absences.length;
}
