import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { luukku } from '../../helpers/cli';
import { createTestCounty, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
let county: Awaited<ReturnType<typeof createTestCounty>>;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  county = await createTestCounty(dir);
});
afterEach(async () => {
  await county.dispose();
  cleanup();
});

const HEADER = 'id,name,role,fte,languages,area,team';

function importStaff(lines: string[]) {
  const file = join(dir, 'staff.csv');
  writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
  return luukku(['import', 'staff', ...county.storeArgs, '--file', file]);
}

async function staff() {
  const store = await county.open();
  const rows = await store.db.selectFrom('staff').selectAll().orderBy('id').execute();
  const audit = await store.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(1).execute();
  await store.close();
  return { rows, lastAction: audit[0]?.action };
}

describe('import staff (docs/formats.md)', () => {
  it('imports workers with role, FTE, languages, area and team (by id or name), and re-import updates them', async () => {
    const first = importStaff([
      'sw1,Anna Lindqvist,SOCIAL_WORKER,1,fi;sv,central,assessment-central',
      'c1,Pekka Virtanen,counsellor,"0,8",fi,Itäinen alue,Neuvonta ja ohjaus / Rådgivning och handledning',
      'l1,Maria Ek,LEAD,1,sv fi,,',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 3, updated: 0, rejected: [] });
    const { rows, lastAction } = await staff();
    expect(lastAction).toBe('staff.import');
    expect(rows.map((r) => [r.id, r.role, r.fte, JSON.parse(r.languages), r.area_id, r.team_id])).toEqual([
      ['c1', 'COUNSELLOR', 0.8, ['fi'], 'east', 'advice'],
      ['l1', 'LEAD', 1, ['sv', 'fi'], null, null],
      ['sw1', 'SOCIAL_WORKER', 1, ['fi', 'sv'], 'central', 'assessment-central'],
    ]);
    const again = importStaff(['sw1,Anna Lindqvist,SOCIAL_WORKER,0.6,fi;sv,central,assessment-central']);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, updated: 1, rejected: [] });
    expect((await staff()).rows.find((r) => r.id === 'sw1')!.fte).toBe(0.6);
  });

  it('imports nothing when a row is invalid, naming every line and field, and leaves the store as it was', async () => {
    const before = await county.snapshot();
    const result = importStaff([
      'sw1,Anna Lindqvist,SOCIAL_WORKER,1,fi,central,',
      'sw2,,NURSE,1.5,fi;de,north,',
      'sw1,Anna Again,LEAD,1,fi,,',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      imported: 0,
      rejected: [
        {
          line: 3,
          error: expect.stringMatching(
            /name: required; role: unknown value "NURSE".*; fte: a number above 0 and at most 1; languages: unknown language "de".*; area: "north" is not one of this county's areas/,
          ),
        },
        { line: 4, error: 'id: "sw1" already appears on line 2' },
      ],
    });
    expect(result.stderr).toMatch(/nothing imported; 2 invalid row\(s\), first on line 3/);
    expect(await county.snapshot()).toEqual(before);
  });

  it('refuses a file without the required columns', () => {
    const file = join(dir, 'staff.csv');
    writeFileSync(file, 'id,name\nx,Y\n');
    const result = luukku(['import', 'staff', ...county.storeArgs, '--file', file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).rejected[0].error).toBe('missing required column(s): role, fte');
  });
});
