import { describe, expect, it } from 'vitest';
import { foldLine, icsText } from '../../../main/app/ics';
import { isoWeekMonday } from '../../../shared/dates';
import { unwrap, useDemoCore } from '../../helpers/core';

const app = useDemoCore(20);

/** The VEVENTs of an .ics text, unfolded, as property maps. */
function events(ics: string) {
  const unfolded = ics.replace(/\r\n /g, '');
  return [...unfolded.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map(
    (m) =>
      Object.fromEntries(
        m[1]!
          .split('\r\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
      ) as Record<string, string>,
  );
}

describe('the roster as iCalendar', () => {
  it('exports the team’s or one person’s duties in a range as all-day events', async () => {
    await app.signInAs('ADVICE');
    const range = { from: '2026-11-23', to: '2027-01-31' };
    const roster = unwrap(await app.api.roster.list(range));
    const team = unwrap(await app.api.roster.ics({ ...range, language: 'sv' }));
    expect(team.ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(team.ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(team.ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(events(team.ics)).toHaveLength(roster.assignments.length);
    expect(team.events).toBe(roster.assignments.length);

    const person = roster.assignments.find((a) => a.week)!.staffId;
    const mine = unwrap(await app.api.roster.ics({ ...range, staffId: person, language: 'sv' }));
    const expected = roster.assignments.filter((a) => a.staffId === person);
    const got = events(mine.ics);
    expect(got).toHaveLength(expected.length);
    expect(mine.fileName).toBe(`luukku-roster-${person}-2026-11-23-2027-01-31.ics`);
    const week = expected.find((a) => a.week)!;
    const monday = isoWeekMonday(week.week!).replace(/-/g, '');
    const weekEvent = got.find((e) => e['DTSTART;VALUE=DATE'] === monday)!;
    expect(weekEvent.SUMMARY).toBe('Bedömningsvecka');
    const saturday = new Date(Date.UTC(+monday.slice(0, 4), +monday.slice(4, 6) - 1, +monday.slice(6) + 5));
    expect(weekEvent['DTEND;VALUE=DATE']).toBe(saturday.toISOString().slice(0, 10).replace(/-/g, ''));
    for (const e of got.filter((e) => e !== weekEvent))
      expect(e['DTSTART;VALUE=DATE']! >= '20261123' && e['DTSTART;VALUE=DATE']! <= '20270131').toBe(true);
  });

  it('escapes text and folds long lines without splitting a character', () => {
    expect(icsText('Vastaanotto; Borgå, Lovisa\\x\nrivi')).toBe('Vastaanotto\\; Borgå\\, Lovisa\\\\x\\nrivi');
    const long = `SUMMARY:${'ä'.repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('refuses a range that ends before it starts', async () => {
    await app.signInAs('ADVICE');
    const bad = await app.api.roster.ics({ from: '2027-01-31', to: '2026-11-23', language: 'fi' });
    expect(!bad.ok && bad.error.message).toMatch(/to: must not be before from/);
  });
});
