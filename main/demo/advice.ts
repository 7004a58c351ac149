/** Demo advice-line contacts (anonymous statistics, no personal data) for the dashboard. */
import type { WorkingDayCalendar } from '../../shared/calendar';
import { ADVICE_CHANNELS, ADVICE_GUIDED_TO, ADVICE_LANGUAGES, ADVICE_TOPICS } from '../../shared/caseTypes';
import { addDays, type LocalDate } from '../../shared/dates';
import type { Db } from '../store/schema';
import type { Random } from './random';
import { insertInChunks } from '../store/chunks';

const LANGUAGES: readonly (readonly [(typeof ADVICE_LANGUAGES)[number], number])[] = [
  ['fi', 62],
  ['sv', 30],
  ['en', 5],
  ['other', 3],
];

/** About `perDay` contacts each working day of the last `days` days, on the advice line's hours. */
export async function insertDemoAdvice(
  db: Db,
  rng: Random,
  options: { today: LocalDate; days: number; perDay: number; calendar: WorkingDayCalendar },
): Promise<number> {
  const rows = [];
  // Up to yesterday: today's contacts are the ones the team logs.
  for (let d = options.days; d >= 1; d--) {
    const date = addDays(options.today, -d);
    if (!options.calendar.isWorkingDay(date)) continue;
    const count = rng.int(Math.floor(options.perDay / 2), Math.ceil(options.perDay * 1.5));
    for (let i = 0; i < count; i++) {
      const minutes = 8 * 60 + 30 + rng.int(0, 390);
      const at = `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+02:00`;
      rows.push({
        at: new Date(at).toISOString(),
        date,
        channel: rng.pick(ADVICE_CHANNELS),
        language: rng.weighted(LANGUAGES),
        topic: rng.pick(ADVICE_TOPICS),
        guided_to: rng.pick(ADVICE_GUIDED_TO),
        created_by: null,
      });
    }
  }
  await insertInChunks(db, 'advice_contacts', rows);
  return rows.length;
}
