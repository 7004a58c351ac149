/**
 * Issue 18 item 10: an import that keeps up with the system of record. A known external_id brings its later
 * facts (new or changed) into the case; what a social worker recorded in Luukku is never overwritten but
 * listed as a conflict; a retried import changes nothing; the family and the reporter come in with the row.
 */
import { describe, expect, it } from 'vitest';
import { importCsv, type ImportRow } from '../../helpers/cli';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows, lastAuditEntry, storeDigest } from '../../helpers/queries';

const app = useDemoCore(20);

const base = {
  channel: 'OMAPALVELU',
  reporter_category: 'SCHOOL',
  municipality: 'Porvoo',
  child_first_name: 'Ella',
} satisfies ImportRow;

/** The source system's export as first imported: five children, some already triaged there. */
const first: ImportRow[] = [
  { ...base, external_id: 'SRC-A', type: 'LSL25', received_at: '2026-11-02 09:00', child_last_name: 'Aho' },
  {
    ...base,
    external_id: 'SRC-B',
    type: 'SHL35',
    received_at: '2026-11-02 10:00',
    child_last_name: 'Berg',
    urgency_assessed_at: '2026-11-02 11:00',
    decision: 'START_ASSESSMENT',
    decision_at: '2026-11-05 12:00',
  },
  {
    ...base,
    external_id: 'SRC-C',
    type: 'LSL25',
    received_at: '2026-11-03 09:00',
    child_last_name: 'Corell',
    urgency_assessed_at: '2026-11-03 10:00',
    decision: 'NO_ACTION',
    decision_at: '2026-11-06 12:00',
  },
  { ...base, external_id: 'SRC-D', type: 'LSL25', received_at: '2026-11-04 09:00', child_last_name: 'Dahl' },
  { ...base, external_id: 'SRC-E', type: 'LSL25', received_at: '2026-11-04 10:00', child_last_name: 'Eklund' },
];

/** The same export a few weeks later: the source system has moved on. */
const later: ImportRow[] = [
  // New facts: triaged and guided there.
  { ...first[0]!, urgency_assessed_at: '2026-11-02 10:00', decision: 'GUIDANCE', decision_at: '2026-11-09 12:00' },
  // New completion and the classification for THL's population.
  { ...first[1]!, concern: 'SPECIAL_SUPPORT', assessment_completed_at: '2026-11-20' },
  // A changed decision date (the source system corrected it).
  { ...first[2]!, decision_at: '2026-11-05 15:00' },
  // Says START_ASSESSMENT where the social worker recorded NO_ACTION in Luukku: a conflict.
  {
    ...first[3]!,
    urgency_assessed_at: '2026-11-04 09:30',
    decision: 'START_ASSESSMENT',
    decision_at: '2026-11-10 12:00',
  },
  first[4]!,
  { ...base, external_id: 'SRC-F', type: 'LSL25', received_at: '2026-11-12 09:00', child_last_name: 'Fors' },
];

async function caseOf(externalId: string) {
  return app.core.db.selectFrom('cases').selectAll().where('external_id', '=', externalId).executeTakeFirstOrThrow();
}

async function eventsOf(id: string) {
  const rows = await app.core.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> }));
}

/** The first import, then SRC-D triaged in Luukku by the social worker (the facts that are Luukku's own). */
async function importedAndWorked() {
  await app.signInAs('ASSESSMENT_SW');
  expect(unwrap(await app.api.cases.importCsv({ text: importCsv(first) })).imported).toBe(5);
  const d = await caseOf('SRC-D');
  unwrap(await app.api.cases.recordUrgency({ id: d.id, urgent: false, assessedAt: '2026-11-04 09:30' }));
  unwrap(
    await app.api.cases.recordDecision({
      id: d.id,
      decision: 'NO_ACTION',
      reason: 'Perhe saa jo tukea.',
      decisionDate: '2026-11-06',
    }),
  );
}

describe('re-importing what the system of record changed', () => {
  it('brings new and changed facts in, lists conflicts with Luukku’s own record, and says how many', async () => {
    await importedAndWorked();
    const result = unwrap(await app.api.cases.importCsv({ text: importCsv(later) }));
    expect(result).toEqual({
      imported: 1,
      updated: 3,
      skipped: 2,
      rejected: [],
      conflicts: [
        { line: 5, externalId: 'SRC-D', field: 'decision', inLuukku: 'NO_ACTION', inFile: 'START_ASSESSMENT' },
        { line: 5, externalId: 'SRC-D', field: 'decision_at', inLuukku: '2026-11-06', inFile: '2026-11-10' },
      ],
    });

    expect(await caseOf('SRC-A')).toMatchObject({
      decision: 'GUIDANCE',
      decision_date: '2026-11-09',
      urgency_result: 'NOT_URGENT',
      concern: 'CHILD_WELFARE',
      status: 'CLOSED',
    });
    const b = await caseOf('SRC-B');
    expect(b).toMatchObject({ assessment_completed_date: '2026-11-20', concern: 'SPECIAL_SUPPORT', status: 'CLOSED' });
    const c = await caseOf('SRC-C');
    expect(c.decision_date).toBe('2026-11-05');
    // The earlier value stays in the case history.
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      kind: 'IMPORT_UPDATED',
      data: { changes: [{ field: 'decision_at', from: '2026-11-06', to: '2026-11-05' }] },
    });
    // The social worker's decision stands.
    expect(await caseOf('SRC-D')).toMatchObject({ decision: 'NO_ACTION', decision_date: '2026-11-06' });
    expect((await caseOf('SRC-F')).status).toBe('NEW');

    const entry = await lastAuditEntry(app.core.db);
    expect(entry.action).toBe('cases.import');
    expect(JSON.parse(entry.details!)).toMatchObject({ imported: 1, updated: 3, skipped: 2, conflicts: 2 });
    const named = await app.core.db.selectFrom('audit_cases').select('case_id').where('seq', '=', entry.seq).execute();
    const ids = await Promise.all(['SRC-A', 'SRC-B', 'SRC-C', 'SRC-F'].map(async (x) => (await caseOf(x)).id));
    expect(named.map((n) => n.case_id).sort()).toEqual(ids.sort());
  });

  it('a retried import writes nothing twice', async () => {
    await importedAndWorked();
    unwrap(await app.api.cases.importCsv({ text: importCsv(later) }));
    const events = await countRows(app.core.db, 'case_events');
    const digest = await storeDigest(app.core.db);
    const again = unwrap(await app.api.cases.importCsv({ text: importCsv(later) }));
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 6, rejected: [] });
    // The conflict stands until someone settles it, so it is listed again.
    expect(again.conflicts.map((c) => c.externalId)).toEqual(['SRC-D', 'SRC-D']);
    expect(await countRows(app.core.db, 'case_events')).toBe(events);
    expect(await storeDigest(app.core.db)).toBe(digest);
  });

  it('refuses a row that does not fit the case as stored, naming line and column, and changes nothing', async () => {
    await importedAndWorked();
    const digest = await storeDigest(app.core.db);
    const text = importCsv([
      later[0]!,
      // A completed assessment for a case Luukku's social worker decided NO_ACTION.
      { ...later[3]!, assessment_completed_at: '2026-11-20' },
    ]);
    const dry = unwrap(await app.api.cases.importCsv({ text, dryRun: true }));
    expect(dry.rejected).toEqual([
      { line: 3, error: 'assessment_completed_at: the case’s decision in Luukku does not start an assessment' },
    ]);
    const real = unwrap(await app.api.cases.importCsv({ text }));
    expect(real).toMatchObject({ imported: 0, updated: 0, rejected: dry.rejected });
    expect(await storeDigest(app.core.db)).toBe(digest);
    expect((await caseOf('SRC-A')).decision).toBeNull();
  });

  it('an advice-team import cannot change a case’s decision: the history columns are refused', async () => {
    await app.signInAs('ADVICE');
    unwrap(await app.api.cases.importCsv({ text: importCsv(first.filter((r) => !r.decision)) }));
    const refused = await app.api.cases.importCsv({ text: importCsv([later[0]!]) });
    expect(refused.ok).toBe(false);
    expect((await caseOf('SRC-A')).decision).toBeNull();
  });
});

describe('importing the family and the reporter', () => {
  it('shows the guardians in the family’s language and the reporter’s contact on the case', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const row = {
      ...first[0]!,
      guardian_1_name: 'Anna Aho',
      guardian_1_phone: '040 123 4567',
      guardian_2_name: 'Mikael Aho',
      family_language: 'sv',
      reporter_contact: 'Rehtori, Porvoon koulu, 019 555 000',
    };
    expect(unwrap(await app.api.cases.importCsv({ text: importCsv([row]) })).imported).toBe(1);
    const detail = unwrap(await app.api.cases.get({ id: (await caseOf('SRC-A')).id }));
    expect(detail.guardians).toEqual([
      { name: 'Anna Aho', phone: '040 123 4567', language: 'sv' },
      { name: 'Mikael Aho', phone: '', language: 'sv' },
    ]);
    expect(detail.reporterContact).toBe('Rehtori, Porvoon koulu, 019 555 000');
  });

  it('names each bad family column and imports nothing', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const before = await countRows(app.core.db, 'cases');
    const result = unwrap(
      await app.api.cases.importCsv({
        text: importCsv([
          { ...first[0]!, family_language: 'sv' },
          { ...first[3]!, guardian_1_phone: '040 1', family_language: 'de' },
          { ...first[4]!, reporter_contact: 'x'.repeat(301) },
          { ...first[1]!, concern: 'SPECIAL_SUPPORT', decision: '', decision_at: '', urgency_assessed_at: '' },
          { ...first[2]!, concern: 'OTHER' },
        ]),
      }),
    );
    expect(result.imported).toBe(0);
    expect(result.rejected).toEqual([
      { line: 2, error: 'family_language: is the guardians’ language: give guardian_1_name as well' },
      {
        line: 3,
        error:
          'family_language: must be one of fi, sv, other; guardian_1_name: required when guardian_1_phone is given',
      },
      { line: 4, error: 'reporter_contact: longer than 300 characters' },
      { line: 5, error: 'concern: is recorded with the decision: give decision and decision_at as well' },
      { line: 6, error: 'concern: LSL25 is a child welfare case by definition (CHILD_WELFARE)' },
    ]);
    expect(await countRows(app.core.db, 'cases')).toBe(before);
  });
});
