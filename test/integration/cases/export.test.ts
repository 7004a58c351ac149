import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows } from '../../helpers/queries';

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
});
