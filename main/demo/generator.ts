/**
 * `demo`: a realistic bilingual county (Itä-Uusimaa-like) of any size: areas, municipalities, staff with
 * roles, FTE, languages and absences, user accounts, a duty roster and cases in every state. Deterministic
 * for a seed; it is also the benchmark's data source.
 */
import { workingDayCalendar } from '../../shared/calendar';
import { addDays, helsinkiDate, isoWeek, monthBounds, type LocalDate } from '../../shared/dates';
import { assessmentWeekUser } from '../areas/team/workloadQueries';
import { hashPassword } from '../security/passwords';
import { DEMO_SCRYPT } from '../security/scrypt';
import type { Transactor } from '../store/unitOfWork';
import { DEFAULT_SETTINGS, writeSettings } from '../areas/settings/queries';
import { seedCounty } from '../store/seedCounty';
import { insertDemoAdvice } from './advice';
import { insertInChunks } from '../store/chunks';
import { absenceSpans } from './queries';
import { makeCase } from './cases';
import { demoAssessmentWork } from './meetings';
import { seededRandom } from './random';
import { insertDemoRoster } from './roster';
import { insertStaff, makeStaff, type DemoStaff } from './staff';
import type { Role } from '../../shared/roles';

export interface DemoOptions {
  seed: number;
  cases: number;
  today?: LocalDate;
  /** Every demo account gets this password (synthetic data only). */
  password: string;
  progress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  today: LocalDate;
  cases: number;
  staff: number;
  absences: number;
  dutyAssignments: number;
  adviceContacts: number;
  users: { username: string; role: string; name: string }[];
}

const BATCH = 400;

/** The accounts of one role in the regional teams, by the area they work in. */
/** The accounts with the one on assessment duty first among its role's, the rest in their order. */
function dutyFirst<T extends { id: string }>(users: T[], onDuty: string | null): T[] {
  return [...users].sort((a, b) => Number(b.id === onDuty) - Number(a.id === onDuty));
}

function usersByArea(staff: readonly DemoStaff[], role: Role): Map<string, string[]> {
  const byArea = new Map<string, string[]>();
  for (const s of staff.filter((x) => x.userRole === role))
    byArea.set(s.areaId!, [...(byArea.get(s.areaId!) ?? []), `u-${s.id}`]);
  return byArea;
}

export async function generateDemo(store: Transactor, options: DemoOptions): Promise<DemoSummary> {
  const rng = seededRandom(options.seed);
  const today = options.today ?? helsinkiDate(new Date());
  const now = new Date().toISOString();
  const staff = makeStaff(rng, Math.min(40, Math.max(15, 15 + Math.round(options.cases / 60))));
  // One hash for every demo account, at the demo's lighter cost: its password is public (security/scrypt.ts).
  const passwordHash = await hashPassword(options.password, DEMO_SCRYPT);
  return store.unitOfWork(async ({ trx, audit }) => {
    await writeSettings(trx, { ...DEFAULT_SETTINGS, countyName: 'Itä-Uusimaa (demo)' });
    await seedCounty(trx);
    const absences = await insertStaff(trx, staff, rng, today, now);
    const users = [
      ...staff.map((s) => ({
        id: `u-${s.id}`,
        username: s.username,
        role: s.userRole,
        name: s.name,
        staffId: s.id as string | null,
      })),
      { id: 'u-admin', username: 'admin', role: 'ADMIN' as const, name: 'Järjestelmänvalvoja', staffId: null },
    ];
    await insertInChunks(
      trx,
      'users',
      users.map((u) => ({
        id: u.id,
        username: u.username,
        display_name: u.name,
        role: u.role,
        staff_id: u.staffId,
        password_hash: passwordHash,
        active: 1,
        created_at: now,
        password_changed_at: now,
      })),
    );
    const absenceRows = await absenceSpans(trx);
    // Whole months, each a draft roster period as the app's own generation leaves it: last month, this one,
    // and the next when this one ends within four weeks (planning shows a roster, not "none yet", over them).
    const dutyAssignments = await insertDemoRoster(
      trx,
      staff,
      absenceRows,
      monthBounds(addDays(today, -28).slice(0, 7)).from,
      monthBounds(addDays(today, 28).slice(0, 7)).to,
    );

    const calendar = workingDayCalendar();
    // About 55 notifications a day (a large county): 15 months of history for a small demo, up to ten
    // years for a benchmark-sized store, so the open queue stays the size real teams have.
    const historyDays = Math.min(3650, Math.max(450, Math.round(options.cases / 55)));
    const triage = users.filter((u) => u.role === 'ASSESSMENT_SW').map((u) => u.id);
    const regionalByArea = usersByArea(staff, 'REGIONAL');
    const counsellorsByArea = usersByArea(staff, 'COUNSELLOR');
    const workRng = seededRandom(options.seed + 2);
    for (let start = 0; start < options.cases; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, options.cases - start) }, (_, i) =>
        makeCase(rng, start + i, options.seed, today, { triage, regionalByArea }, calendar, historyDays),
      );
      const meetings = batch.flatMap((c) => demoAssessmentWork(workRng, c.row, today, counsellorsByArea));
      await insertInChunks(
        trx,
        'cases',
        batch.map((c) => c.row),
        BATCH,
      );
      await insertInChunks(trx, 'meetings', meetings, BATCH);
      const events = batch.flatMap((c) =>
        c.events.map((e) => ({
          case_id: c.row.id,
          at: e.at,
          user_id: null,
          kind: e.kind,
          data: JSON.stringify(e.data),
        })),
      );
      await insertInChunks(trx, 'case_events', events, BATCH);
      const done = start + batch.length;
      if (options.progress && (done % 20_000 < BATCH || done === options.cases)) options.progress(done, options.cases);
    }
    // The advice line takes a little more than one contact for every notification registered.
    const casesPerWorkingDay = options.cases / ((historyDays * 250) / 365);
    const adviceContacts = await insertDemoAdvice(trx, seededRandom(options.seed + 1), {
      today,
      days: Math.min(historyDays, 400),
      perDay: Math.min(60, Math.max(2, Math.round(casesPerWorkingDay * 1.2))),
      calendar,
    });
    audit({
      actor: { id: 'cli', name: 'admin-cli', role: 'ADMIN' },
      action: 'store.demo',
      details: { cases: options.cases, seed: options.seed },
    });
    return {
      today,
      cases: options.cases,
      staff: staff.length,
      absences,
      dutyAssignments,
      adviceContacts,
      // The first account of a role is the one a tour (and a test) signs in as: for the assessment-week role,
      // the worker on duty this week, whose case access is county-wide only while on duty.
      users: dutyFirst(users, await assessmentWeekUser(trx, isoWeek(today))).map(({ username, role, name }) => ({
        username,
        role,
        name,
      })),
    };
  });
}
