// SQLite only (vitest.config.ts SQLITE_ONLY): about a full disk under the store file (SQLite's max_page_count); PostgreSQL's disk_full is in team/teamLead.test.ts.
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../helpers/cli';
import { sqliteStoreOf, unwrap, useDemoCore } from '../../helpers/core';
import { countRows } from '../../helpers/queries';

const app = useDemoCore(20);

const csv = (prefix: string) =>
  importCsv(
    Array.from({ length: 300 }, (_, i) => ({
      external_id: `${prefix}-${i}`,
      type: 'LSL25',
      channel: 'OMAPALVELU',
      received_at: '2026-11-02 09:00',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Ella',
      child_last_name: `Täysinen-${i}-${'x'.repeat(200)}`,
    })),
  );

describe('a disk that refuses writes', () => {
  it('a full disk: a clear message, nothing half-written, what was saved before kept, and it works again with space', async () => {
    await app.signInAs('ADVICE');
    const sqlite = sqliteStoreOf(app.core).sqlite;
    const before = { cases: await countRows(app.core.db, 'cases'), audit: await countRows(app.core.db, 'audit_log') };
    // The store may grow by no more pages: the disk is "full".
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const full = await app.api.cases.importCsv({ text: csv('FULL') });
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: expect.stringContaining('disk is full') },
    });
    expect(await countRows(app.core.db, 'cases')).toBe(before.cases);
    expect(await countRows(app.core.db, 'audit_log')).toBe(before.audit);

    sqlite.pragma('max_page_count = 1073741823');
    expect(unwrap(await app.api.cases.importCsv({ text: csv('FULL') })).imported).toBe(300);
    expect(await countRows(app.core.db, 'cases')).toBe(before.cases + 300);
  });

  it('a store that cannot be written: a clear message and no change, then it works again', async () => {
    await app.signInAs('ADVICE');
    const sqlite = sqliteStoreOf(app.core).sqlite;
    const before = await countRows(app.core.db, 'cases');
    sqlite.pragma('query_only = 1');
    const refused = await app.api.cases.importCsv({ text: csv('RO') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_ERROR' } });
    expect(await countRows(app.core.db, 'cases')).toBe(before);
    sqlite.pragma('query_only = 0');
    expect(unwrap(await app.api.cases.importCsv({ text: csv('RO') })).imported).toBe(300);
  });
});
