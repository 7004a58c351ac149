import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows } from '../../helpers/queries';
import { runningAssessment } from '../../helpers/assessment';

const app = useDemoCore(400);

describe('exporting a queue view', () => {
  it('writes the whole view as CSV and logs a disclosure with its purpose for every exported case', async () => {
    await app.signInAs('LEAD');
    const queue = unwrap(await app.api.cases.queue({ view: 'OPEN', sort: 'due' }));
    const audit = await countRows(app.core.db, 'audit_log');
    const result = unwrap(
      await app.api.cases.export({
        view: 'OPEN',
        sort: 'due',
        purpose: 'Kuukausikatsaus',
        language: 'fi',
      }),
    );
    expect(result.rows).toBe(queue.total);
    expect(result.capped).toBe(false);
    expect(result.fileName).toBe('luukku-open-2026-11-23.csv');
    const records = parseCsv(result.csv);
    expect(records[0]!.fields.slice(0, 4)).toEqual(['Asian tunnus', 'Tyyppi', 'Vaihe', 'Lapsi']);
    expect(records.slice(1).map((r) => r.fields[0])).toEqual(queue.rows.map((r) => r.id));

    const entries = await app.core.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', audit)
      .where('action', '=', 'cases.export')
      .execute();
    expect(entries).toHaveLength(result.rows);
    expect(new Set(entries.map((e) => e.case_id))).toEqual(new Set(queue.rows.map((r) => r.id)));
    expect(entries.every((e) => e.purpose === 'Kuukausikatsaus')).toBe(true);
  });

  it('neutralises spreadsheet formulas in names', async () => {
    await app.signInAs('LEAD');
    const [first] = unwrap(await app.api.cases.queue({ view: 'OPEN' })).rows;
    await app.core.db
      .updateTable('cases')
      .set({ child_first_name: '=HYPERLINK("x")' })
      .where('id', '=', first!.id)
      .execute();
    const { csv } = unwrap(await app.api.cases.export({ view: 'OPEN', purpose: 'test of names' }));
    const row = parseCsv(csv).find((r) => r.fields[0] === first!.id)!;
    expect(row.fields[3]!.startsWith("'=HYPERLINK")).toBe(true);
  });

  it('refuses an export without a purpose, or by anyone but a team lead, and logs nothing for it', async () => {
    await app.signInAs('LEAD');
    const before = await countRows(app.core.db, 'audit_log');
    const noPurpose = await app.api.cases.export({ view: 'OPEN', purpose: ' ' });
    expect(noPurpose).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await app.core.signOut('USER');
    await app.signInAs('ADVICE');
    const refused = await app.api.cases.export({ view: 'OPEN', purpose: 'katsaus' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const exports = await app.core.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('seq', '>', before)
      .where('action', '=', 'cases.export')
      .execute();
    expect(exports.every((e) => e.outcome === 'REFUSED')).toBe(true);
  });

  it("adds each assessment's outcome, meetings, home visit, child met, summary given and hand-over (v1.2)", async () => {
    const id = await runningAssessment(app);
    await app.signInAs('REGIONAL');
    unwrap(
      await app.api.assessment.saveMeeting({
        caseId: id,
        kind: 'HOME_VISIT',
        startsAt: '2026-11-23 10:30',
        status: 'HELD',
        participants: [{ kind: 'GUARDIAN', name: 'Äiti Parityö' }],
      }),
    );
    unwrap(await app.api.assessment.saveSummary({ caseId: id, situation: 'Perhe on uupunut.' }));
    unwrap(await app.api.letters.create({ caseId: id, kind: 'SUMMARY', language: 'fi', recipient: 'Äiti Parityö' }));
    unwrap(
      await app.api.cases.completeAssessment({
        id,
        completedDate: '2026-11-23',
        outcome: 'PLANNED_SOCIAL_WORK',
        summary: 'Suunnitelmalliseen sosiaalityöhön.',
      }),
    );
    await app.core.signOut('USER');

    await app.signInAs('LEAD');
    const exported = async (language: 'fi' | 'sv') => {
      const records = parseCsv(
        unwrap(await app.api.cases.export({ view: 'OPEN', purpose: 'Arvioiden seuranta', language })).csv,
      );
      const header = records[0]!.fields;
      const cells = (caseId: string) => {
        const row = records.find((r) => r.fields[0] === caseId)!.fields;
        return Object.fromEntries(header.slice(12).map((h, i) => [h, row[12 + i]]));
      };
      return { header: header.slice(12), cells };
    };
    const fi = await exported('fi');
    expect(fi.cells(id)).toEqual({
      'Arvioinnin tulos': 'Asiakkuus suunnitelmalliseen sosiaalityöhön',
      'Pidetyt tapaamiset': '1',
      Kotikäynti: 'kyllä',
      'Lapsi tavattu': 'ei',
      'Yhteenveto annettu': 'kyllä',
      'Siirtopalaveri pidetty': '',
    });
    // A notification not (yet) decided into an assessment has these columns empty.
    const undecided = unwrap(await app.api.cases.queue({ view: 'OPEN' })).rows.find((r) => r.status === 'NEW')!;
    expect(Object.values(fi.cells(undecided.id)).every((v) => v === '')).toBe(true);
    const sv = await exported('sv');
    expect(sv.header).toEqual([
      'Bedömningens resultat',
      'Hållna möten',
      'Hembesök',
      'Barnet träffat',
      'Sammanfattning given',
      'Överföringsmöte hållet',
    ]);
    expect(sv.cells(id)['Hembesök']).toBe('ja');
  });
});
