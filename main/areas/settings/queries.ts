import { workingDayCalendar, type WorkingDayCalendar } from '../../../shared/calendar';
import type { Settings } from '../../../shared/contract';
import { DEFAULT_ROSTER_CONFIG, rosterConfigSchema, type RosterConfig } from '../../../shared/contract/roster';
import type { Db } from '../../store/schema';

export const DEFAULT_SETTINGS: Settings = {
  countyName: 'Luukku',
  idleLockMinutes: 15,
  dueSoonWorkingDays: 2,
  backupKeep: 7,
  assessmentModel: 'ROTATION',
  assessmentWorkerId: null,
  assessmentDeputyId: null,
};

/** The working-day calendar with the county's own closure days (docs/domain.md). */
export async function readCalendar(db: Db): Promise<WorkingDayCalendar> {
  const closures = await db.selectFrom('closure_days').select('date').execute();
  return workingDayCalendar(closures.map((c) => c.date));
}

/** Whether the store holds a county at all (settings are written when it is created). */
export async function countySettingsExist(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('settings').select('key').limit(1).executeTakeFirst());
}

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().where('key', 'in', Object.keys(DEFAULT_SETTINGS)).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export async function writeSettings(db: Db, patch: Partial<Settings>): Promise<void> {
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

const ROSTER_CONFIG_KEY = 'roster.config';

/** The county's duty types and roster rules; the defaults until a lead saves their own. */
export async function readRosterConfig(db: Db): Promise<RosterConfig> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ROSTER_CONFIG_KEY).executeTakeFirst();
  if (!row) return DEFAULT_ROSTER_CONFIG;
  const parsed = rosterConfigSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_ROSTER_CONFIG;
}

export async function writeRosterConfig(db: Db, config: RosterConfig): Promise<void> {
  const value = JSON.stringify(config);
  await db
    .insertInto('settings')
    .values({ key: ROSTER_CONFIG_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
