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
      { team_id: team.id, answered_on: '2026-11-23', helped: 4, heard: 5, clear: 3 },
    ]);
    await app.core.signOut('USER');

    await app.signInAs('LEAD');
    const d = unwrap(await app.api.reports.dashboard({ from: '2026-11-01', to: '2026-11-30' }));
    expect(d.feedbackByTeam).toEqual([{ teamId: team.id, name: team.name, answers: 1, helped: 4, heard: 5, clear: 3 }]);
    const october = unwrap(await app.api.reports.dashboard({ from: '2026-10-01', to: '2026-10-31' }));
    expect(october.feedbackByTeam).toEqual([]);
    await app.core.signOut('USER');
  });
});
