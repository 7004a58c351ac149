import type { Kysely } from 'kysely';
import { workingDayCalendar, type WorkingDayCalendar } from '../../shared/calendar';
import type { Settings } from '../../shared/contract';
import type { Database } from './schema';

export const DEFAULT_SETTINGS: Settings = {
  countyName: 'Luukku',
  idleLockMinutes: 15,
  dueSoonWorkingDays: 2,
};

/** The working-day calendar with the county's own closure days (domain.md). */
export async function readCalendar(db: Kysely<Database>): Promise<WorkingDayCalendar> {
  const closures = await db.selectFrom('closure_days').select('date').execute();
  return workingDayCalendar(closures.map((c) => c.date));
}

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export async function writeSettings(db: Kysely<Database>, patch: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
