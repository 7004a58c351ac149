/**
 * The roster as iCalendar (RFC 5545) for a person or the whole team, to subscribe to in Outlook or a phone
 * calendar. Duties are all-day events (the county's duty hours are not modelled yet); the assessment week
 * runs Monday to Friday. Only names of staff and duty types: no client data.
 */
import { addDays, isoWeek, type LocalDate } from '../../../shared/dates';
import { icsCalendar } from '../../app/ics';
import type { Language } from '../../../shared/schemas';
import type { Context } from '../../app/context';
import { dayOf, listAssignments } from './queries';
import { readSettings } from '../settings/queries';
import { mainText } from '../../text';

export async function rosterIcs(
  core: Context,
  input: { from: LocalDate; to: LocalDate; staffId?: string | undefined; language: Language },
): Promise<{ fileName: string; ics: string; events: number }> {
  const t = mainText(input.language);
  const county = (await readSettings(core.db)).countyName;
  const assignments = (
    await listAssignments(core.db, input.from, input.to, { from: isoWeek(input.from), to: isoWeek(input.to) })
  ).filter((a) => !input.staffId || a.staffId === input.staffId);
  const ics = icsCalendar(
    'Duty roster',
    `${t('nav.calendar')} · ${county}`,
    assignments.map((a) => {
      const start = dayOf(a);
      return {
        uid: `luukku-duty-${a.id}@luukku`,
        span: { days: { from: start, toExclusive: addDays(start, a.date ? 1 : 5) } },
        summary: input.staffId ? t(`duties.${a.duty}`) : `${t(`duties.${a.duty}`)}: ${a.staffName}`,
      };
    }),
    core.now(),
  );
  const who = input.staffId ? `-${input.staffId}` : '-team';
  return {
    fileName: `luukku-roster${who}-${input.from}-${input.to}.ics`,
    ics,
    events: assignments.length,
  };
}
