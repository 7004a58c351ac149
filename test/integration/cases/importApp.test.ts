import { describe, expect, it } from 'vitest';
import { importCsv } from '../../helpers/cli';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows, lastAuditEntry, storeDigest } from '../../helpers/queries';

const app = useDemoCore(20);

type Progress = { phase: 'CHECKING' | 'WRITING'; done: number; total: number } | null;

function csvOf(rows: number, broken?: number): string {
  return importCsv(
    Array.from({ length: rows }, (_, i) => ({
      external_id: `EXT-${i}`,
      type: 'LSL25',
      channel: 'OMAPALVELU',
      received_at: '2026-03-02 09:00',
      reporter_category: i === broken ? 'NEIGHBOUR' : 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Ella',
      child_last_name: `Nieminen-${i}`,
    })),
  );
}

/** Calls the import while polling its progress the way the app's import screen does. */
async function importWatched(input: { text: string; dryRun?: boolean; skipInvalid?: boolean }) {
  const seen: NonNullable<Progress>[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const progress = unwrap(await app.api.cases.importProgress({}));
      if (progress) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  const result = await app.api.cases.importCsv(input);
  running = false;
  await poll;
  return { result, seen };
}

describe('importing from the app', () => {
  it('shows how far the check and the writing have got, and nothing once done', async () => {
    await app.signInAs('ADVICE');
    const before = await countRows(app.core.db, 'cases');
    const dry = await importWatched({ text: csvOf(9000), dryRun: true });
    expect(unwrap(dry.result).imported).toBe(9000);
    expect(dry.seen.some((p) => p.phase === 'CHECKING' && p.done > 0 && p.total === 9000)).toBe(true);
    expect(await countRows(app.core.db, 'cases')).toBe(before);

    const real = await importWatched({ text: csvOf(9000) });
    expect(unwrap(real.result).imported).toBe(9000);
    const writing = real.seen.filter((p) => p.phase === 'WRITING');
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.every((p) => p.total === 9000 && p.done <= 9000)).toBe(true);
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
    expect(await countRows(app.core.db, 'cases')).toBe(before + 9000);
    expect(unwrap(await app.api.cases.importProgress({}))).toBeNull();
  });

  it('imports nothing from a file with one bad row, naming its line and column', async () => {
    await app.signInAs('ADVICE');
    const before = await countRows(app.core.db, 'cases');
    const { result } = await importWatched({ text: csvOf(3000, 2500) });
    expect(unwrap(result)).toMatchObject({
      imported: 0,
      rejected: [{ line: 2502, error: expect.stringMatching(/^reporter_category: unknown value "NEIGHBOUR"/) }],
    });
    expect(await countRows(app.core.db, 'cases')).toBe(before);
    expect(unwrap(await app.api.cases.importProgress({}))).toBeNull();
  });
});

describe('the history columns (issue 16 item 3)', () => {
  const withDecision = importCsv([
    {
      external_id: 'HIST-1',
      type: 'LSL25',
      channel: 'PHONE',
      received_at: '2026-11-02 09:00',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Historia',
      child_last_name: 'Tuotu',
      urgency_assessed_at: '2026-11-02 10:00',
      decision: 'NO_ACTION',
      decision_at: '2026-11-04 12:00',
    },
    {
      external_id: 'HIST-2',
      type: 'SHL35',
      channel: 'PHONE',
      received_at: '2026-11-03 09:00',
      reporter_category: 'PARENT',
      municipality: 'Loviisa',
      child_first_name: 'Toinen',
      child_last_name: 'Tuotu',
    },
  ]);

  it('an advice-team user cannot record a decision through an import: refused, logged, nothing written', async () => {
    await app.signInAs('ADVICE');
    for (const dryRun of [true, false]) {
      const before = await storeDigest(app.core.db);
      const result = await app.api.cases.importCsv({ text: withDecision, dryRun });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('history columns') },
      });
      expect(await storeDigest(app.core.db)).toBe(before);
      const log = await lastAuditEntry(app.core.db);
      expect([log.action, log.outcome, JSON.parse(log.details!).reason]).toEqual([
        'cases.importCsv',
        'REFUSED',
        'import history columns',
      ]);
    }
    // The same rows without the history are the advice team's to import.
    const plain = withDecision.replace(/2026-11-02 10:00,NO_ACTION,2026-11-04 12:00/, ',,');
    expect(unwrap(await app.api.cases.importCsv({ text: plain })).imported).toBe(2);
  });

  it("a social worker's import records who imported the decision, and the log names every case it created", async () => {
    await app.signInAs('ASSESSMENT_SW');
    const me = app.core.actor()!;
    expect(unwrap(await app.api.cases.importCsv({ text: withDecision })).imported).toBe(2);
    const created = await app.core.db
      .selectFrom('cases')
      .select(['id', 'external_id'])
      .where('external_id', 'in', ['HIST-1', 'HIST-2'])
      .orderBy('external_id')
      .execute();
    const decided = await app.core.db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', created[0]!.id)
      .where('kind', '=', 'DECIDED')
      .executeTakeFirstOrThrow();
    expect(decided.user_id).toBe(me.id);
    expect(JSON.parse(decided.data)).toMatchObject({ decision: 'NO_ACTION', importedBy: me.name, migration: false });
    const entry = await lastAuditEntry(app.core.db);
    expect(entry.action).toBe('cases.import');
    const listed = await app.core.db.selectFrom('audit_cases').select('case_id').where('seq', '=', entry.seq).execute();
    expect(listed.map((l) => l.case_id).sort()).toEqual(created.map((c) => c.id).sort());
    // So the child's access-log report, handed to the family, shows the import.
    await app.signInAs('LEAD');
    const report = unwrap(await app.api.audit.childAccessLog({ caseId: created[0]!.id, language: 'fi' }));
    expect(report.entries.map((e) => e.action)).toContain('cases.import');
  });
});
