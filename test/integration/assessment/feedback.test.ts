/**
 * Customer feedback (issue 22 item 7): after the assessment the family gets a request with its team's code;
 * staff type in the answers with that code; the dashboard shows them per team and period; nothing in the
 * store links an answer to a case or a family.
 */
import { describe, expect, it } from 'vitest';
import { unwrap, useDemoCore } from '../../helpers/core';
import { runningAssessment } from '../../helpers/assessment';
import { pdfText } from '../../helpers/pdfText';
import { storeDigest } from '../../helpers/queries';
import { feedbackCode, type FeedbackImportResult } from '../../../main/areas/assessment/feedback';
import { importRows } from '../../helpers/cli';
import { PASSPHRASE } from '../../helpers/stores';

const app = useDemoCore(40);

describe('customer feedback', () => {
  it('asks with the team’s code after completion, takes the answers anonymously and counts them per team', async () => {
    const id = await runningAssessment(app, { firstName: 'Palle', lastName: 'Palaute', birthDate: '2014-09-09' });
    await app.signInAs('REGIONAL');
    const ask = () =>
      app.api.letters.create({ caseId: id, kind: 'FEEDBACK_REQUEST', language: 'sv', recipient: 'Maj' });
    const early = await ask();
    expect(early.ok ? 'ok' : early.error.key).toBe('feedbackAfterCompletion');
    unwrap(
      await app.api.cases.completeAssessment({
        id,
        completedDate: '2026-11-23',
        outcome: 'NO_FURTHER_NEED',
        summary: 'Valmis.',
      }),
    );
    const letter = unwrap(await ask()).letters.at(-1)!;
    const text = pdfText(Buffer.from(unwrap(await app.api.letters.pdf({ id: letter.id })).pdfBase64, 'base64'));
    const code = /responskoden ([A-Z0-9]+-2026)/.exec(text.replace(/\n/g, ' '))?.[1];
    expect(code).toMatch(/^[A-Z]+-2026$/);
    await app.core.signOut('USER');

    // The advice team types the answers in from the returned form, the code as the family wrote it.
    await app.signInAs('ADVICE');
    const before = await storeDigest(app.core.db);
    for (const [input, why] of [
      [{ code: 'NOWHERE-2026' }, 'code: not a feedback code of this county'],
      [{ answeredOn: '2026-12-24' }, 'answeredOn: is in the future'],
      [{ helped: 6 }, 'helped: 1-5'],
    ] as const) {
      const answer = { code: code!, answeredOn: '2026-11-23', helped: 4, heard: 5, clear: 3 };
      const r = await app.api.assessment.recordFeedback({ ...answer, ...input });
      expect(r.ok ? 'ok' : r.error.message).toContain(why);
    }
    expect(await storeDigest(app.core.db)).toBe(before);
    const saved = unwrap(
      await app.api.assessment.recordFeedback({
        code: ` ${code!.toLowerCase()} `,
        answeredOn: '2026-11-23',
        helped: 4,
        heard: 5,
        clear: 3,
      }),
    );
    const team = await app.core.db
      .selectFrom('cases as c')
      .innerJoin('teams as t', 't.id', 'c.assigned_team_id')
      .select(['t.id', 't.name'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(saved.team).toBe(team.name);
    // What is stored names the team and the day only.
    const rows = await app.core.db.selectFrom('assessment_feedback').selectAll().execute();
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { team_id: team.id, answered_on: '2026-11-23', helped: 4, heard: 5, clear: 3, response_id: null },
    ]);
    await app.core.signOut('USER');

    await app.signInAs('LEAD');
    const d = unwrap(await app.api.reports.dashboard({ from: '2026-11-01', to: '2026-11-30' }));
    expect(d.feedbackByTeam).toEqual([{ teamId: team.id, name: team.name, answers: 1, helped: 4, heard: 5, clear: 3 }]);
    const october = unwrap(await app.api.reports.dashboard({ from: '2026-10-01', to: '2026-10-31' }));
    expect(october.feedbackByTeam).toEqual([]);
    await app.core.signOut('USER');
  });

  it("imports a survey tool's answers once, all or nothing, stored like typed-in ones", async () => {
    process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
    const teams = await app.core.db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('area_id', 'is not', null)
      .orderBy('id')
      .execute();
    const [a, b] = [feedbackCode(teams[0]!.id, 2026), feedbackCode(teams[1]!.id, 2026)];
    const header = ['response_id', 'code', 'answered_on', 'helped', 'heard', 'clear'];
    const importFile = (rows: string[][]) => importRows<FeedbackImportResult>(app.storeArgs, 'feedback', header, rows);
    const good = [
      ['R-1', a, '2026-11-20', '5', '4', '4'],
      ['R-2', a.toLowerCase(), '2026-11-21', '3', '3', '2'],
      ['R-3', b, '2026-11-21', '4', '5', '5'],
    ];
    const before = await storeDigest(app.core.db);
    const bad = await importFile([...good, ['R-1', 'NOWHERE-2026', '2026-12-24', '0', 'x', '5']]);
    expect(bad.code).toBe(1);
    expect(bad.result.rejected).toEqual([
      {
        line: 5,
        error: expect.stringMatching(
          /response_id: "R-1" is also on line 2.*code: not a feedback code.*answered_on: is in the future.*helped: a whole number 1-5.*heard/,
        ),
      },
    ]);
    expect(await storeDigest(app.core.db)).toBe(before);

    expect((await importFile(good)).result).toEqual({ imported: 3, skipped: 0, rejected: [] });
    // The same export again, with one answer more: only the new answer counts.
    expect((await importFile([...good, ['R-4', b, '2026-11-22', '2', '2', '2']])).result).toEqual({
      imported: 1,
      skipped: 3,
      rejected: [],
    });
    await app.signInAs('LEAD');
    const d = unwrap(await app.api.reports.dashboard({ from: '2026-11-01', to: '2026-11-30' }));
    // Per team: the answers and the sum of each score (the screen shows the means).
    expect(d.feedbackByTeam.map((t) => [t.teamId, t.answers, t.helped])).toEqual(
      expect.arrayContaining([
        [teams[0]!.id, 2, 5 + 3],
        [teams[1]!.id, 2, 4 + 2],
      ]),
    );
    await app.core.signOut('USER');
    // The log names the teams and counts, never an answer.
    const entry = await app.core.db
      .selectFrom('audit_log')
      .select(['details', 'case_id'])
      .where('action', '=', 'assessment.importFeedback')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.case_id).toBeNull();
    expect(JSON.parse(entry.details!)).toEqual({ imported: 1, skipped: 3, teams: [teams[1]!.id] });
  });
});
