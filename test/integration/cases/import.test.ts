import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { IMPORT_COLUMNS, type ImportResult } from '../../../main/areas/cases/importCases';
import { caseDeadlines } from '../../../shared/calendar';
import { captureIo, importCsv } from '../../helpers/cli';
import { createTestCounty, PASSPHRASE, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
let county: Awaited<ReturnType<typeof createTestCounty>>;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  county = await createTestCounty(dir);
  process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
});
afterEach(async () => {
  await county.dispose();
  cleanup();
});

const base = {
  type: 'LSL25',
  channel: 'PHONE',
  received_at: '2026-03-02 09:00',
  reporter_category: 'SCHOOL',
  municipality: 'Porvoo',
  child_first_name: 'Ella',
  child_last_name: 'Nieminen',
};

async function cases() {
  const store = await county.open();
  const rows = await store.db.selectFrom('cases').selectAll().orderBy('external_id').execute();
  await store.close();
  return rows;
}

async function importFile(text: string, ...flags: string[]) {
  const file = join(dir, 'in.csv');
  writeFileSync(file, text);
  const io = captureIo();
  const code = await runCli(['import', 'cases', ...county.storeArgs, '--file', file, ...flags], io);
  const err = io.stderr;
  return {
    code,
    result: io.json[0] as ImportResult,
    err,
  };
}

describe('import cases', () => {
  it('imports the handbook’s sample file with deadlines from the shared calendar', async () => {
    const { code, result } = await importFile(readFileSync('test/fixtures/sample_cases.csv', 'utf8'));
    expect(code).toBe(0);
    expect(result).toEqual({ imported: 5, updated: 0, skipped: 0, rejected: [], conflicts: [] });
    const rows = await cases();
    const byId = Object.fromEntries(rows.map((r) => [r.external_id, r]));
    // Received Friday 23:40 Helsinki time: pending that Friday.
    expect(byId['OP-2026-0004']).toMatchObject({
      pending_from: '2026-03-06',
      start_due: '2026-03-17',
      decision: 'URGENT',
      // An urgent measure does not end the service need assessment (LsL 27 §, issue 18).
      status: 'ASSESSMENT',
    });
    expect(byId['OP-2026-0004']!.summary).toBe('Poliisin kotihälytys, "kiireellinen?"');
    // An anticipatory notification waits for the birth: no clock.
    expect(byId['OP-2026-0003']).toMatchObject({
      type: 'LSL25C',
      pending_from: null,
      start_due: null,
      complete_due: null,
      status: 'AWAITING_BIRTH',
    });
    expect(byId['OP-2026-0002']).toMatchObject({
      status: 'CLOSED',
      decision: 'START_ASSESSMENT',
      assessment_completed_date: '2026-05-20',
    });
    expect(byId['OP-2026-0005']).toMatchObject({ status: 'NEW', decision: null });
    for (const r of rows.filter((r) => r.pending_from)) {
      const d = caseDeadlines(r.pending_from!);
      expect([r.start_due, r.complete_due]).toEqual([d.startDue, d.completeDue]);
    }
    // The admin CLI imports history as a county's migration of its records, and the log says so.
    const store = await county.open();
    const entry = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cases.import')
      .executeTakeFirstOrThrow();
    const events = await store.db.selectFrom('case_events').select('data').where('kind', '=', 'DECIDED').execute();
    await store.close();
    expect(JSON.parse(entry.details!)).toMatchObject({ imported: 5, migration: true });
    expect(events.map((e) => JSON.parse(e.data))).toContainEqual(
      expect.objectContaining({ importedBy: 'admin-cli', migration: true }),
    );
  });

  it('skips rows whose external_id is already in the store and brings nothing new, on re-import', async () => {
    const text = readFileSync('test/fixtures/sample_cases.csv', 'utf8');
    await importFile(text);
    const again = await importFile(text);
    expect(again.result).toEqual({ imported: 0, updated: 0, skipped: 5, rejected: [], conflicts: [] });
    expect(await cases()).toHaveLength(5);
  });

  it('updates a known case from the system of record when the file brings its later facts', async () => {
    const text = readFileSync('test/fixtures/sample_cases.csv', 'utf8');
    await importFile(text);
    // OP-2026-0005 has since been triaged and guided in the source system.
    const later = text.replace(
      'Vanhempi pyytää tukiperhettä.,,,,',
      'Vanhempi pyytää tukiperhettä.,2026-03-10 10:00,GUIDANCE,2026-03-12 09:00,',
    );
    const again = await importFile(later);
    expect(again.code).toBe(0);
    expect(again.result).toEqual({ imported: 0, updated: 1, skipped: 4, rejected: [], conflicts: [] });
    const updated = (await cases()).find((c) => c.external_id === 'OP-2026-0005')!;
    expect(updated).toMatchObject({ decision: 'GUIDANCE', decision_date: '2026-03-12', status: 'CLOSED' });
    expect(await cases()).toHaveLength(5);
  });

  it('imports how a completed assessment ended, and adds it later to a case the source system completes', async () => {
    const history = {
      urgency_assessed_at: '2026-03-02 12:00',
      decision: 'START_ASSESSMENT',
      decision_at: '2026-03-04',
    };
    const text = importCsv([
      {
        ...base,
        ...history,
        external_id: 'B1',
        assessment_completed_at: '2026-05-20',
        assessment_outcome: 'PLANNED_SOCIAL_WORK',
      },
      { ...base, ...history, external_id: 'B2', child_first_name: 'Eino' },
    ]);
    expect((await importFile(text)).result).toMatchObject({ imported: 2, rejected: [] });
    const [b1, b2] = await cases();
    // History from the system of record: the hand-over happened there, so the case is closed, not in hand-over.
    expect(b1).toMatchObject({ assessment_outcome: 'PLANNED_SOCIAL_WORK', status: 'CLOSED', handover_state: null });
    expect(b2).toMatchObject({ assessment_outcome: null, status: 'ASSESSMENT' });
    const later = importCsv([
      {
        ...base,
        ...history,
        external_id: 'B2',
        child_first_name: 'Eino',
        assessment_completed_at: '2026-06-01',
        assessment_outcome: 'NO_FURTHER_NEED',
      },
    ]);
    expect((await importFile(later)).result).toMatchObject({ updated: 1, rejected: [], conflicts: [] });
    expect((await cases())[1]).toMatchObject({
      assessment_outcome: 'NO_FURTHER_NEED',
      assessment_completed_date: '2026-06-01',
      status: 'CLOSED',
    });
    const bad = importCsv([
      { ...base, ...history, external_id: 'B3', assessment_outcome: 'PLANNED_SOCIAL_WORK' },
      { ...base, ...history, external_id: 'B4', assessment_completed_at: '2026-05-20', assessment_outcome: 'DONE' },
    ]);
    expect((await importFile(bad)).result.rejected).toEqual([
      { line: 2, error: 'assessment_outcome: is recorded with the completion: give assessment_completed_at as well' },
      {
        line: 3,
        error:
          'assessment_outcome: unknown value "DONE" (expected one of PLANNED_SOCIAL_WORK, CHILD_WELFARE_CLIENT, NO_FURTHER_NEED)',
      },
    ]);
  });

  it('imports nothing when any row is invalid, listing every error with its line and field', async () => {
    const text = importCsv([
      { ...base, external_id: 'A1' },
      { ...base, external_id: 'A2', child_hetu: '131052-308U' },
      { ...base, external_id: 'A3', municipality: 'Helsinki' },
      { ...base, external_id: 'A4', summary: 'Rivi, jossa\n"lainaus" ja rivinvaihto' },
      { ...base, external_id: 'A5', received_at: '2099-01-01 10:00' },
      { ...base, external_id: 'A6', decision: 'GUIDANCE' },
      { ...base, external_id: 'A1' },
    ]);
    const before = await county.snapshot();
    const { code, result, err } = await importFile(text);
    expect(code).toBe(1);
    expect(result.imported).toBe(0);
    expect(result.rejected).toEqual([
      { line: 3, error: 'child_hetu: the identity code’s check character is wrong' },
      { line: 4, error: 'municipality: "Helsinki" is not a municipality of this county' },
      // line 5 holds a record spanning two lines; the next record starts on line 7
      { line: 7, error: 'received_at: is in the future' },
      { line: 8, error: 'decision_at: required' },
      { line: 9, error: 'external_id: "A1" already appears on line 2' },
    ]);
    expect(err.join()).toMatch(/nothing imported/);
    expect(await cases()).toHaveLength(0);
    expect(await county.snapshot()).toEqual(before); // the store file byte-identical; every row of the database
  });

  it('with --skip-invalid imports the valid rows and still lists the rejected ones', async () => {
    const text = importCsv([
      { ...base, external_id: 'B1', summary: 'Rivi, jossa\n"lainaus"' },
      { ...base, external_id: 'B2', type: 'LSL99' },
      { ...base, external_id: 'B3', child_first_name: '' },
    ]);
    const { code, result } = await importFile(text, '--skip-invalid');
    expect(code).toBe(0);
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => r.line)).toEqual([4, 5]);
    expect(result.rejected[0]!.error).toMatch(/^type: unknown value "LSL99"/);
    expect(result.rejected[1]!.error).toBe('child_first_name: required');
    const [row] = await cases();
    expect(row!.summary).toBe('Rivi, jossa\n"lainaus"');
  });

  it('refuses a file with a broken quote or without the required columns, changing nothing', async () => {
    const broken = `${IMPORT_COLUMNS.join(',')}\nA,LSL25,PHONE,"2026-03-02 09:00,SCHOOL,Porvoo,Ella,N,,,,,,,,,\n`;
    const first = await importFile(broken);
    expect(first.code).toBe(1);
    expect(first.result.rejected).toEqual([{ line: 2, error: 'CSV: a quoted field is never closed' }]);
    const noColumns = await importFile('external_id,type\nX,LSL25\n');
    expect(noColumns.result.rejected[0]!.error).toBe(
      'missing required column(s): channel, received_at, reporter_category, municipality',
    );
    expect(await cases()).toHaveLength(0);
  });

  it('derives the birth date from the identity code and refuses one that disagrees', async () => {
    const { result } = await importFile(
      importCsv([
        { ...base, external_id: 'C1', child_hetu: '010594Y9032' },
        { ...base, external_id: 'C2', child_hetu: '010594Y9032', child_birth_date: '1994-05-02' },
      ]),
      '--skip-invalid',
    );
    expect(result.rejected).toEqual([{ line: 3, error: 'child_hetu: gives birth date 1994-05-01, not 1994-05-02' }]);
    expect((await cases())[0]).toMatchObject({ child_birth_date: '1994-05-01', child_hetu: '010594Y9032' });
  });
});
