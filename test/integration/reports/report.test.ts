import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatcher';
import { runCli } from '../../../main/cli/run';
import { thlReport } from '../../../main/areas/reports/reports';
import { caseDeadlines } from '../../../shared/calendar';
import { addDays, daysBetween } from '../../../shared/dates';
import { THL_FIGURES, figureValue, type ThlReport } from '../../../shared/contract/reports';
import { recount, recountSets } from '../../helpers/thlRecount';
import { captureIo, importCsv, luukku, type ImportRow } from '../../helpers/cli';
import { countRows, lastAuditEntry } from '../../helpers/queries';
import { unwrap, useDemoCore } from '../../helpers/core';
import { createTestCounty, PASSPHRASE, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
let county: Awaited<ReturnType<typeof createTestCounty>> | undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  process.env.LUUKKU_PASSPHRASE = PASSPHRASE;
});
afterEach(async () => {
  await county?.dispose();
  county = undefined;
  cleanup();
});
const storeArgs = () => county!.storeArgs;

const due = (pending: string) => caseDeadlines(pending);
const base = {
  type: 'LSL25',
  channel: 'PHONE',
  reporter_category: 'SCHOOL',
  municipality: 'Porvoo',
  child_first_name: 'Ella',
  child_last_name: 'Nieminen',
};
const at = (date: string) => `${date} 10:00`;

/** Hand-made history around every boundary docs/formats.md names, for the period 1.4.-30.9.2026. */
const EDGE_CASES: ImportRow[] = [
  // Decided on the start due date itself: within 7 working days.
  {
    ...base,
    external_id: 'ON_DUE',
    received_at: at('2026-04-01'),
    decision: 'NO_ACTION',
    decision_at: due('2026-04-01').startDue,
  },
  // Decided the calendar day after the start due date: late.
  {
    ...base,
    external_id: 'LATE',
    received_at: at('2026-05-04'),
    decision: 'GUIDANCE',
    decision_at: addDays(due('2026-05-04').startDue, 1),
  },
  // Undecided; its start due date (in October) falls before 17.10. but after 30.9.
  { ...base, external_id: 'UNDECIDED', received_at: '2026-09-30 23:50' },
  // Received late on a Friday evening in Helsinki (21:50 UTC): pending that Friday, not the next day.
  {
    ...base,
    external_id: 'EVENING',
    received_at: '2026-06-05T23:50:00+03:00',
    decision: 'NO_ACTION',
    decision_at: due('2026-06-05').startDue,
  },
  // Started on time and completed exactly on its completion due date.
  {
    ...base,
    external_id: 'DONE_ON_DUE',
    received_at: at('2026-06-01'),
    decision: 'START_ASSESSMENT',
    decision_at: '2026-06-03',
    assessment_completed_at: due('2026-06-01').completeDue,
  },
  // Pending before the period, completed late inside it: counted in completed, not in the cohort.
  {
    ...base,
    external_id: 'OLD_LATE',
    received_at: at('2026-03-02'),
    decision: 'START_ASSESSMENT',
    decision_at: '2026-03-04',
    assessment_completed_at: '2026-06-10',
  },
  // Anticipatory, received before the period, the child born inside it: pending from the birth.
  {
    ...base,
    external_id: 'BORN',
    type: 'LSL25C',
    received_at: at('2026-03-16'),
    expected_birth_date: '2026-04-12',
    pending_from: '2026-04-10',
    child_birth_date: '2026-04-10',
    decision: 'START_ASSESSMENT',
    decision_at: '2026-04-14',
  },
  // Anticipatory, no birth yet: no pending date, in no cohort.
  {
    ...base,
    external_id: 'UNBORN',
    type: 'LSL25C',
    child_first_name: '',
    child_last_name: '',
    received_at: at('2026-05-15'),
    expected_birth_date: '2026-12-01',
  },
  // Decided after the as-of date: undecided as of 17.10.
  {
    ...base,
    external_id: 'DECIDED_AFTER',
    received_at: at('2026-09-01'),
    decision: 'URGENT',
    decision_at: '2026-10-20',
  },
  // Completed after the as-of date: an open, overdue assessment on 17.10.
  {
    ...base,
    external_id: 'DONE_AFTER',
    received_at: at('2026-05-04'),
    decision: 'START_ASSESSMENT',
    decision_at: '2026-05-06',
    assessment_completed_at: '2026-10-30',
  },
  // Pending after the period.
  { ...base, external_id: 'NEXT_PERIOD', received_at: at('2026-10-01') },
];

async function importEdgeCases() {
  county = await createTestCounty(dir);
  const file = join(dir, 'history.csv');
  writeFileSync(file, importCsv(EDGE_CASES));
  const io = captureIo();
  expect(await runCli(['import', 'cases', ...storeArgs(), '--file', file], io), io.stderr.join('\n')).toBe(0);
}

async function report(from: string, to: string, asOf: string): Promise<ThlReport> {
  const io = captureIo();
  const code = await runCli(['report', 'thl', ...storeArgs(), '--from', from, '--to', to, '--as-of', asOf], io);
  expect(code, io.stderr.join('\n')).toBe(0);
  return io.json[0] as ThlReport;
}

describe('report thl (docs/formats.md)', () => {
  it('counts every boundary case as docs/formats.md defines it', async () => {
    await importEdgeCases();
    expect(await report('2026-04-01', '2026-09-30', '2026-10-17')).toMatchObject({
      period: { from: '2026-04-01', to: '2026-09-30' },
      asOf: '2026-10-17',
      pending: {
        total: 8, // ON_DUE LATE UNDECIDED EVENING DONE_ON_DUE BORN DECIDED_AFTER DONE_AFTER
        decidedWithin7: 5, // ON_DUE EVENING DONE_ON_DUE BORN DONE_AFTER
        decidedLate: 1, // LATE
        undecidedOverdue: 2, // UNDECIDED (due 9.10.), DECIDED_AFTER
        undecidedInTime: 0,
      },
      decisions: { START_ASSESSMENT: 3, NO_ACTION: 2, GUIDANCE: 1, TRANSFER_EXISTING: 0, URGENT: 0 },
      shareToAssessment: 3 / 6,
      completed: { total: 2, within3Months: 1, late: 1 }, // DONE_ON_DUE, OLD_LATE
      openOverdue: 2, // BORN (due 10.7.), DONE_AFTER (due 4.8.)
    });
  });

  it('shows what was known on the as-of date: later pending dates, decisions and completions left out', async () => {
    await importEdgeCases();
    const early = await report('2026-04-01', '2026-09-30', '2026-09-30');
    // DECIDED_AFTER (decided 20.10.) is undecided and overdue; UNDECIDED (due 12.10.) is still in time.
    expect(early.pending).toEqual({
      total: 8,
      decidedWithin7: 5,
      decidedLate: 1,
      undecidedOverdue: 1,
      undecidedInTime: 1,
    });
    const june = await report('2026-04-01', '2026-09-30', '2026-06-01');
    expect(june.pending.total).toBe(5); // ON_DUE, LATE, BORN, DONE_AFTER, DONE_ON_DUE (1.6.); EVENING not yet
    expect(june.completed.total).toBe(0); // OLD_LATE is completed on 10.6.
    expect(june.openOverdue).toBe(0); // OLD_LATE is due 2.6.
    expect((await report('2026-04-01', '2026-09-30', '2026-06-03')).openOverdue).toBe(1);
  });

  it('agrees with an independent recount over a demo history, for THL periods and as-of dates', async () => {
    county = await createTestCounty(dir, { cases: 1500, today: '2026-11-23' });
    const store = await county.open();
    const rows = await store.db.selectFrom('cases').selectAll().execute();
    const periods = [
      ['2025-04-01', '2025-09-30', '2025-10-17'],
      ['2025-10-01', '2026-03-31', '2026-04-17'],
      ['2026-04-01', '2026-09-30', '2026-10-17'],
      ['2026-04-01', '2026-09-30', '2026-08-15'],
      ['2026-01-01', '2026-12-31', '2026-11-23'],
    ] as const;
    for (const [from, to, asOf] of periods) {
      const expected = recount(rows, from, to, asOf);
      expect(expected.pending.total, `${from} cohort`).toBeGreaterThan(20);
      expect(await thlReport(store.db, { from, to, asOf })).toEqual(expected);
    }
    await store.close();
  });

  it('prints CSV, refuses bad options with exit 1, and logs each report', async () => {
    await importEdgeCases();
    const csv = luukku([
      'report',
      'thl',
      ...storeArgs(),
      '--from',
      '2026-04-01',
      '--to',
      '2026-09-30',
      '--as-of',
      '2026-10-17',
      '--format',
      'csv',
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('figure,value');
    expect(lines).toContain('pending.total,8');
    expect(lines).toContain('completed.late,1');
    expect(lines).toContain('shareToAssessment,0.5');

    for (const [args, message] of [
      [['--from', '2026-09-30', '--to', '2026-04-01'], /before --from/],
      [['--from', '2026-02-30', '--to', '2026-04-01'], /--from must be a calendar date/],
      [['--from', '2026-04-01', '--to', '2026-09-30', '--format', 'xml'], /--format must be json or csv/],
      [['--from', '2026-04-01'], /--to is required/],
    ] as const) {
      const io = captureIo();
      expect(await runCli(['report', 'thl', ...storeArgs(), ...args], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    const store = await county!.open();
    expect(await lastAuditEntry(store.db)).toMatchObject({ action: 'reports.thl', user_name: 'admin-cli' });
    await store.close();
  });
});

describe('reports in the app', () => {
  const app = useDemoCore(800);

  it('drills down from every figure to exactly the cases it counts, each listing logged', async () => {
    await app.signInAs('LEAD');
    const period = { from: '2026-04-01', to: '2026-09-30', asOf: '2026-10-17' };
    const report = unwrap(await app.api.reports.thl(period));
    const rows = await app.core.db.selectFrom('cases').selectAll().execute();
    const sets = recountSets(rows, period.from, period.to, period.asOf);
    for (const figure of THL_FIGURES) {
      const audit = await countRows(app.core.db, 'audit_log');
      const listed = unwrap(await app.api.reports.thlCases({ ...period, figure, limit: 500 }));
      expect(listed.total, figure).toBe(figureValue(report, figure));
      expect(new Set(listed.rows.map((r) => r.id)), figure).toEqual(sets[figure]);
      expect(await countRows(app.core.db, 'audit_log')).toBe(audit + 1);
    }
    expect(await lastAuditEntry(app.core.db)).toMatchObject({
      action: 'reports.thlCases',
      purpose: 'deadline monitoring',
    });
  });

  it('builds the dashboard: every series agrees with the stored cases and advice contacts', async () => {
    await app.signInAs('LEAD');
    const range = { from: '2025-12-01', to: '2026-11-23' };
    const d = unwrap(await app.api.reports.dashboard(range));
    const rows = await app.core.db.selectFrom('cases').selectAll().execute();
    const inRange = (date: string | null) => date !== null && date >= range.from && date <= range.to;
    const received = rows.filter((r) => inRange(r.received_date));
    expect(d.inflowByWeek[0]!.week).toBe('2025-W49');
    expect(d.inflowByWeek.at(-1)!.week).toBe('2026-W48');
    expect(d.inflowByWeek.reduce((s, w) => s + w.total, 0)).toBe(received.length);
    expect(d.inflowByWeek.reduce((s, w) => s + w.byChannel.PHONE, 0)).toBe(
      received.filter((r) => r.channel === 'PHONE').length,
    );
    expect(d.decisionsByMonth.map((m) => m.month)).toHaveLength(12);
    // One definition of the share to assessment: each month, and the same month a year earlier, as the THL
    // report counts it for that month.
    for (const month of ['2026-03', '2026-10']) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = (year: number) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
      const thl = (year: number) =>
        app.api.reports.thl({ from: `${year}-${month.slice(5)}-01`, to: last(year), asOf: '2026-11-23' });
      const now = unwrap(await thl(y)).assessmentShare;
      const before = unwrap(await thl(y - 1)).assessmentShare;
      const series = d.assessmentShareByMonth.find((s) => s.month === month)!;
      expect(series, month).toEqual({
        month,
        pending: now.pending,
        started: now.started,
        childWelfare: { pending: now.childWelfare.pending, started: now.childWelfare.started },
        yearEarlier: { pending: before.pending, started: before.started },
      });
      expect(now.pending, month).toBeGreaterThan(10);
    }
    const decided = rows.filter((r) => inRange(r.decision_date));
    expect(d.decisionsByMonth.reduce((s, m) => s + m.byDecision.GUIDANCE, 0)).toBe(
      decided.filter((r) => r.decision === 'GUIDANCE').length,
    );
    const pendingInRange = rows.filter(
      (r) => inRange(r.pending_from) && (r.decision_date !== null || r.start_due! < '2026-11-23'),
    );
    const east = d.onTimeByArea.find((a) => a.areaId === 'east')!;
    const eastCases = pendingInRange.filter((r) => r.area_id === 'east');
    expect(east.startDue).toBe(eastCases.length);
    expect(east.startOnTime).toBe(eastCases.filter((r) => r.decision_date && r.decision_date <= r.start_due!).length);
    expect(d.onTimeByMonth.reduce((s, m) => s + m.completed, 0)).toBe(
      rows.filter((r) => inRange(r.assessment_completed_date)).length,
    );
    const running = rows.filter((r) => ['NEW', 'TRIAGE', 'ASSESSMENT'].includes(r.status));
    expect(d.openByAge.reduce((s, a) => s + a.n, 0)).toBe(running.length);
    // The assessment work of the completed assessments, recounted from the meetings themselves.
    const meetings = await app.core.db.selectFrom('meetings').selectAll().where('status', '=', 'HELD').execute();
    const summaries = await app.core.db.selectFrom('letters').select('case_id').where('kind', '=', 'SUMMARY').execute();
    for (const area of d.assessmentWorkByArea) {
      const done = rows.filter((r) => r.area_id === area.areaId && inRange(r.assessment_completed_date));
      const theirs = (c: (typeof rows)[number]) => meetings.filter((m) => m.case_id === c.id && m.kind !== 'HANDOVER');
      const handedOver = done.filter((c) => c.handover_date);
      expect(area, area.areaId).toMatchObject({
        completed: done.length,
        meetingsHeld: done.reduce((n, c) => n + theirs(c).length, 0),
        homeVisit: done.filter((c) => theirs(c).some((m) => m.kind === 'HOME_VISIT')).length,
        childMet: done.filter((c) => theirs(c).some((m) => m.child_met === 1)).length,
        summaryDelivered: done.filter((c) => summaries.some((l) => l.case_id === c.id)).length,
        handedOver: handedOver.length,
        handoverDays: handedOver.reduce((n, c) => n + daysBetween(c.assessment_completed_date!, c.handover_date!), 0),
      });
    }
    expect(d.assessmentWorkByArea.reduce((n, a) => n + a.completed, 0)).toBeGreaterThan(5);
    expect(d.assessmentWorkByArea.reduce((n, a) => n + a.meetingsHeld, 0)).toBeGreaterThan(15);
    const advice = await app.core.db
      .selectFrom('advice_contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('date', '>=', range.from)
      .executeTakeFirstOrThrow();
    expect(Object.values(d.adviceByLanguage).reduce((s, n) => s + n, 0)).toBe(Number(advice.n));
    expect(Number(advice.n)).toBeGreaterThan(100);
  });

  it('logs a print of the cases behind a figure before it happens: the cases the list shows, in each child’s access log', async () => {
    await app.signInAs('LEAD');
    const period = { from: '2026-04-01', to: '2026-09-30', asOf: '2026-10-17' };
    const figure = 'pending.total';
    const listed = unwrap(await app.api.reports.thlCases({ ...period, figure, limit: 30 }));
    expect(listed.total).toBeGreaterThan(30);
    const printed = unwrap(await app.api.reports.thlCasesPrinted({ ...period, figure, rows: listed.rows.length }));
    expect(printed.cases).toBe(30);
    const entry = await lastAuditEntry(app.core.db);
    expect(entry).toMatchObject({ action: 'reports.thlCasesPrint', purpose: 'deadline monitoring', outcome: 'OK' });
    expect(JSON.parse(entry.details).cases).toEqual(listed.rows.map((r) => r.id).sort());
    const child = listed.rows[29]!.id;
    const log = unwrap(await app.api.audit.childAccessLog({ caseId: child, language: 'fi' }));
    expect(log.csv).toContain('Tulosti asian raportista');
    // Nothing is logged as printed for a malformed or refused request.
    for (const bad of [{ rows: 0 }, { rows: 20_001 }, { rows: '5' }, { caseIds: ['x'] }])
      expect(await dispatch(app.core, 'reports.thlCasesPrinted', { ...period, figure, rows: 5, ...bad })).toMatchObject(
        { ok: false, error: { code: 'INVALID_INPUT' } },
      );
    await app.core.signOut('USER');
    await app.signInAs('ASSESSMENT_SW');
    expect(await app.api.reports.thlCasesPrinted({ ...period, figure, rows: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const since = await app.core.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('seq', '>', entry.seq)
      .execute();
    expect(since.filter((e) => e.action === 'reports.thlCasesPrint' && e.outcome === 'OK')).toEqual([]);
  });

  it('lets only team leads list the cases behind a figure, and refuses a period that ends before it starts', async () => {
    await app.signInAs('ADVICE');
    const refused = await app.api.reports.thlCases({
      from: '2026-04-01',
      to: '2026-09-30',
      figure: 'openOverdue',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.core.signOut('USER');
    await app.signInAs('LEAD');
    const bad = await app.api.reports.thl({ from: '2026-09-30', to: '2026-04-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/to.*must not be before from/);
  });
});
