/**
 * `import meetings` (docs/formats.md v1.2): an assessment's meetings from a county's earlier system, by the
 * admin CLI on the real store. All or nothing; never a meeting twice; a planned meeting the file records as
 * held is updated, a held one never changed back; every case given a meeting is in its child's access log.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MeetingImportResult } from '../../../main/areas/assessment/importMeetings';
import { importRows } from '../../helpers/cli';
import { unwrap, useDemoCore } from '../../helpers/core';
import { registered, runningAssessment } from '../../helpers/assessment';
import { storeDigest } from '../../helpers/queries';
import { PASSPHRASE } from '../../helpers/stores';

const app = useDemoCore(40);
beforeEach(() => {
  process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
});

const HEADER = ['case_id', 'kind', 'starts_at', 'duration_minutes', 'status', 'participants', 'note', 'worker'];

function importMeetings(rows: string[][], header = HEADER) {
  return importRows<MeetingImportResult>(app.storeArgs, 'meetings', header, rows);
}

async function detail(id: string) {
  await app.signInAs('REGIONAL');
  const d = unwrap(await app.api.cases.get({ id }));
  await app.core.signOut('USER');
  return d;
}

describe('import meetings', () => {
  it("brings an assessment's held and planned meetings in once, and a later file records the planned one held", async () => {
    const id = await runningAssessment(app);
    const worker = app.userOf('REGIONAL').username;
    const homeVisit = [
      id,
      'home_visit',
      '2026-11-23 10:00',
      '90',
      'HELD',
      'CHILD: Ella; GUARDIAN: Äiti Parityö',
      'Koko perhe kotona.',
      worker,
    ];
    const network = [id, 'NETWORK', '2026-11-23 11:00', '', 'PLANNED', 'PARTNER: Koulukuraattori', '', worker];

    const first = await importMeetings([homeVisit, network]);
    expect(first).toMatchObject({ code: 0, result: { imported: 2, updated: 0, skipped: 0, rejected: [] } });
    const after = await detail(id);
    expect(after.meetings.map((m) => [m.kind, m.status, m.startsAt, m.durationMinutes])).toEqual([
      ['HOME_VISIT', 'HELD', '2026-11-23T08:00:00.000Z', 90],
      ['NETWORK', 'PLANNED', '2026-11-23T09:00:00.000Z', 60],
    ]);
    expect(after.meetings[0]!.participants).toEqual([
      { kind: 'CHILD', name: 'Ella' },
      { kind: 'GUARDIAN', name: 'Äiti Parityö' },
    ]);
    expect(after.meetingFacts).toEqual({ held: 1, homeVisitHeld: true, childMet: true });
    // The import is in the child's access log, and the history says who brought the meetings in.
    await app.signInAs('LEAD');
    const log = unwrap(await app.api.audit.childAccessLog({ caseId: id, language: 'fi' }));
    expect(log.entries.map((e) => e.action)).toContain('assessment.importMeetings');
    await app.core.signOut('USER');
    expect(after.events.filter((e) => e.kind === 'MEETING_HELD' || e.kind === 'MEETING_PLANNED')).toHaveLength(2);

    // The same file again changes nothing; the planned meeting, now held, is updated, not added.
    expect((await importMeetings([homeVisit, network])).result).toMatchObject({ imported: 0, updated: 0, skipped: 2 });
    const held = [
      ...network.slice(0, 4),
      'HELD',
      'PARTNER: Koulukuraattori; CHILD: Ella',
      'Koulun huoli käyty läpi.',
      worker,
    ];
    expect((await importMeetings([homeVisit, held])).result).toMatchObject({ imported: 0, updated: 1, skipped: 1 });
    const later = await detail(id);
    expect(later.meetings.map((m) => m.status)).toEqual(['HELD', 'HELD']);
    expect(later.meetingFacts.held).toBe(2);

    // A held meeting is never changed back by a file: nothing written, the line named.
    const before = await storeDigest(app.core.db);
    const back = await importMeetings([[...network.slice(0, 4), 'PLANNED', ...network.slice(5)]]);
    expect(back.code).toBe(1);
    expect(back.result.rejected).toEqual([{ line: 2, error: expect.stringMatching(/HELD in Luukku/) }]);
    expect(await storeDigest(app.core.db)).toBe(before);
  });

  it('refuses the whole file for any invalid row, listing each with its line, and writes nothing', async () => {
    const id = await runningAssessment(app);
    const undecided = await registered(app, { firstName: 'Onni', lastName: 'Odottaa', birthDate: '2015-02-02' });
    const worker = app.userOf('REGIONAL').username;
    const ok = [id, 'OFFICE', '2026-11-23 10:00', '', 'HELD', 'GUARDIAN: Äiti', '', worker];
    const before = await storeDigest(app.core.db);
    const { code, result, stderr } = await importMeetings([
      ok,
      ['no-such-case', ...ok.slice(1)],
      [undecided, ...ok.slice(1)],
      [id, 'PICNIC', '2030-01-01 10:00', '5', 'HELD', 'AUNT: Liisa', '', ''],
      [id, 'PHONE', '2026-11-23 11:00', '', 'PLANNED', '', '', app.userOf('ADVICE').username],
      [id, 'OFFICE', '2030-01-01 10:00', '', 'HELD', 'GUARDIAN: Äiti', '', worker],
      [id, 'OFFICE', '2026-11-20 10:00', '', 'PLANNED', '', '', worker],
      [id, 'VIDEO', '2026-11-23 10:00', '', 'HELD', '', '', worker],
      ok,
    ]);
    expect(code).toBe(1);
    expect(result).toMatchObject({ imported: 0, updated: 0, skipped: 0 });
    expect(stderr).toMatch(/nothing imported; 8 invalid row\(s\), first on line 3/);
    const errors = Object.fromEntries(result.rejected.map((r) => [r.line, r.error]));
    expect(Object.keys(errors).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(errors[3]).toMatch(/case_id: no case "no-such-case"/);
    expect(errors[4]).toMatch(/started no service need assessment/);
    expect(errors[5]).toMatch(/kind: unknown value "PICNIC"/);
    expect(errors[5]).toMatch(/duration_minutes/);
    expect(errors[5]).toMatch(/participants: unknown value "AUNT"/);
    expect(errors[5]).toMatch(/worker: required/);
    expect(errors[6]).toMatch(/not an active account of the assessment's workers/);
    expect(errors[7]).toMatch(/held meeting cannot be in the future/);
    expect(errors[8]).toMatch(/before the notification was received/);
    expect(errors[9]).toMatch(/say who took part/);
    expect(errors[10]).toBe('the same meeting (case, kind, start) is on line 2');
    expect(await storeDigest(app.core.db)).toBe(before);

    expect(
      (
        await importMeetings(
          [ok],
          HEADER.filter((c) => c !== 'worker'),
        )
      ).result.rejected[0]!.error,
    ).toMatch(/missing required column\(s\): worker/);
    expect(await storeDigest(app.core.db)).toBe(before);
  });

  it('finds the case by the external id a case import gave it', async () => {
    const id = await runningAssessment(app);
    await app.core.db.updateTable('cases').set({ external_id: 'OP-2026-0042' }).where('id', '=', id).execute();
    const header = ['case_external_id', ...HEADER.slice(1)];
    const row = [
      'OP-2026-0042',
      'VIDEO',
      '2026-11-23 10:00',
      '30',
      'HELD',
      'GUARDIAN: Äiti',
      '',
      app.userOf('REGIONAL').username,
    ];
    expect((await importMeetings([row], header)).result).toMatchObject({ imported: 1 });
    expect((await detail(id)).meetings.map((m) => m.kind)).toEqual(['VIDEO']);
  });
});
