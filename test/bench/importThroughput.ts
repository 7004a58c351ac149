/**
 * Import throughput (issue 7): the app's CSV import of N rows into the encrypted store (parse, validate,
 * build, one transaction with audit entries), against plain better-sqlite3 prepared inserts of the very
 * same rows (cases and their events, read back from the import) into the plaintext baseline, one
 * transaction, no validation. Goal: the import at least half as fast.
 */
import { importCasesCsv } from '../../main/areas/cases/importCases';
import type { BenchStore } from './stores';
import { importCsv } from '../helpers/cli';
import { storeTransactor } from '../../main/store/unitOfWork';

const ACTOR = { id: 'bench', name: 'bench', role: 'ADVICE' } as const;

export interface ImportFigure {
  rows: number;
  importRowsPerSecond: number;
  plainRowsPerSecond: number;
  ratio: number;
  goal: string;
  met: boolean;
}

/** The best of three runs of each: single runs on a shared 2-core machine vary by a factor of two. */
export async function measureImport(enc: BenchStore, plain: BenchStore, rows: number): Promise<ImportFigure> {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measureOnce(enc, plain, rows, i));
  const importRowsPerSecond = Math.max(...runs.map((r) => r.importRowsPerSecond));
  const plainRowsPerSecond = Math.max(...runs.map((r) => r.plainRowsPerSecond));
  const ratio = Math.round((importRowsPerSecond / plainRowsPerSecond) * 100) / 100;
  return { rows, importRowsPerSecond, plainRowsPerSecond, ratio, goal: 'ratio >= 0.5', met: ratio >= 0.5 };
}

async function measureOnce(enc: BenchStore, plain: BenchStore, rows: number, attempt: number) {
  const run = `${Date.now().toString(36)}${attempt}`;
  const text = importCsv(
    Array.from({ length: rows }, (_, i) => ({
      external_id: `BENCH-${run}-${i}`,
      type: i % 7 === 0 ? 'LSL25C' : 'LSL25',
      channel: 'OMAPALVELU',
      received_at: '2026-11-02 09:00',
      reporter_category: 'SCHOOL',
      municipality: 'Porvoo',
      child_first_name: 'Ella',
      child_last_name: `Tuonti-${i}`,
      ...(i % 7 === 0 ? { expected_birth_date: '2027-03-01' } : {}),
    })),
  );
  let started = performance.now();
  const result = await importCasesCsv(storeTransactor(enc), text, {
    skipInvalid: false,
    now: new Date(),
    actor: ACTOR,
    userId: null,
    history: 'MIGRATION',
  });
  const importSeconds = (performance.now() - started) / 1000;
  if (result.imported !== rows) throw new Error(`bench import: ${JSON.stringify(result.rejected.slice(0, 3))}`);

  const cases = enc.sqlite.prepare(`SELECT * FROM cases WHERE external_id LIKE 'BENCH-${run}-%'`).all() as Record<
    string,
    unknown
  >[];
  const events = enc.sqlite
    .prepare(
      `SELECT case_id, at, user_id, kind, data FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE external_id LIKE 'BENCH-${run}-%')`,
    )
    .all() as Record<string, unknown>[];
  // Generated columns (the running deadline) are computed by SQLite, not inserted.
  const generated = new Set(
    (plain.sqlite.pragma('table_xinfo(cases)') as { name: string; hidden: number }[])
      .filter((c) => c.hidden >= 2)
      .map((c) => c.name),
  );
  const columns = Object.keys(cases[0]!).filter((c) => !generated.has(c));
  for (const c of cases) for (const g of generated) delete c[g];
  const insertCase = plain.sqlite.prepare(
    `INSERT INTO cases (${columns.join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')})`,
  );
  const insertEvent = plain.sqlite.prepare(
    'INSERT INTO case_events (case_id, at, user_id, kind, data) VALUES (@case_id, @at, @user_id, @kind, @data)',
  );
  started = performance.now();
  plain.sqlite.transaction(() => {
    for (const c of cases) insertCase.run(c);
    for (const e of events) insertEvent.run(e);
  })();
  const plainSeconds = (performance.now() - started) / 1000;
  return { importRowsPerSecond: Math.round(rows / importSeconds), plainRowsPerSecond: Math.round(rows / plainSeconds) };
}
