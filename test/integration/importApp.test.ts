import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatcher';
import { importCsv } from '../helpers/cli';
import { ok, useDemoCore } from '../helpers/core';
import { countRows } from '../helpers/queries';

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
      const progress = ok<Progress>(await dispatch(app.core, 'cases.importProgress', {}));
      if (progress) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  const result = await dispatch(app.core, 'cases.importCsv', input);
  running = false;
  await poll;
  return { result, seen };
}

describe('importing from the app', () => {
  it('shows how far the check and the writing have got, and nothing once done', async () => {
    await app.signInAs('ADVICE');
    const before = await countRows(app.core.db, 'cases');
    const dry = await importWatched({ text: csvOf(9000), dryRun: true });
    expect(ok<{ imported: number }>(dry.result).imported).toBe(9000);
    expect(dry.seen.some((p) => p.phase === 'CHECKING' && p.done > 0 && p.total === 9000)).toBe(true);
    expect(await countRows(app.core.db, 'cases')).toBe(before);

    const real = await importWatched({ text: csvOf(9000) });
    expect(ok<{ imported: number }>(real.result).imported).toBe(9000);
    const writing = real.seen.filter((p) => p.phase === 'WRITING');
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.every((p) => p.total === 9000 && p.done <= 9000)).toBe(true);
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
    expect(await countRows(app.core.db, 'cases')).toBe(before + 9000);
    expect(ok<Progress>(await dispatch(app.core, 'cases.importProgress', {}))).toBeNull();
  });

  it('imports nothing from a file with one bad row, naming its line and column', async () => {
    await app.signInAs('ADVICE');
    const before = await countRows(app.core.db, 'cases');
    const { result } = await importWatched({ text: csvOf(3000, 2500) });
    expect(ok<{ imported: number; rejected: { line: number; error: string }[] }>(result)).toMatchObject({
      imported: 0,
      rejected: [{ line: 2502, error: expect.stringMatching(/^reporter_category: unknown value "NEIGHBOUR"/) }],
    });
    expect(await countRows(app.core.db, 'cases')).toBe(before);
    expect(ok<Progress>(await dispatch(app.core, 'cases.importProgress', {}))).toBeNull();
  });
});
