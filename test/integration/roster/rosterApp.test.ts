import { describe, expect, it } from 'vitest';
import { ruleProblems } from '../../../main/areas/roster/rosterRules';
import { generateRoster } from '../../../main/areas/roster/rosterGenerate';
import { toPayload } from '../../../main/ipc/dispatcher';
import { listAssignments } from '../../../main/areas/roster/queries';
import { workingDayCalendar } from '../../../shared/calendar';
import { addDays, isoWeek, isoWeekMonday } from '../../../shared/dates';
import { unwrap, useDemoCore } from '../../helpers/core';
import { countRows } from '../../helpers/queries';

const app = useDemoCore(0);
const FEB = { from: '2027-02-01', to: '2027-02-28' };

const generate = async (month = '2027-02') => unwrap(await app.api.roster.generate({ kind: 'MONTH', month }));
const roster = async (range = FEB) => unwrap(await app.api.roster.list(range));
const directory = async (range = FEB) => unwrap(await app.api.staff.directory(range));
const snapshot = async () => app.core.db.selectFrom('duty_assignments').selectAll().orderBy('id').execute();

/** Independent of the rule checker: absent people, non-working days, two duties a day, Swedish on reception. */
async function obviousViolations(range = FEB): Promise<string[]> {
  const { assignments, absences } = await roster(range);
  const { staff } = await directory(range);
  const calendar = workingDayCalendar();
  const found: string[] = [];
  for (const a of assignments.filter((x) => x.date)) {
    if (!calendar.isWorkingDay(a.date!)) found.push(`${a.date} is not a working day`);
    if (absences.some((x) => x.staffId === a.staffId && x.from <= a.date! && a.date! <= x.to))
      found.push(`${a.staffName} is away on ${a.date}`);
    if (assignments.filter((x) => x.date === a.date && x.staffId === a.staffId).length > 1)
      found.push(`${a.staffName} twice on ${a.date}`);
    if (a.duty === 'EMERGENCY' && staff.find((s) => s.id === a.staffId)!.role !== 'SOCIAL_WORKER')
      found.push(`${a.staffName} on emergency duty is not a social worker`);
  }
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const reception = assignments.filter((a) => a.date === d && a.duty === 'RECEPTION');
    if (reception.length && !reception.some((a) => staff.find((s) => s.id === a.staffId)!.languages.includes('sv')))
      found.push(`no Swedish speaker on ${d}`);
  }
  return found;
}

describe('generating the roster in the app', () => {
  it('fills a month legally in a worker thread, shows progress, and keeps locked duties when generated again', async () => {
    await app.signInAs('ADVICE');
    const running = app.api.roster.generate({ kind: 'MONTH', month: '2027-02' });
    const phases = new Set<string>();
    // The job is under way once it reports (on PostgreSQL after taking the month's county-wide lock).
    while (!unwrap(await app.api.roster.generateProgress({}))) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 200; i++) {
      const p = unwrap(await app.api.roster.generateProgress({}));
      if (!p) break;
      phases.add(p.phase);
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = unwrap(await running);
    expect(phases.has('SOLVING')).toBe(true);
    expect(unwrap(await app.api.roster.generateProgress({}))).toBeNull();
    const view = await roster();
    const daily = view.assignments.filter((a) => a.date);
    // 20 working days in February 2027, three daily duties each unless reported as a shortfall.
    expect(daily.length + view.shortfalls.filter((s) => s.date).reduce((n, s) => n + s.missing, 0)).toBe(20 * 3);
    expect(result.assignments).toBeGreaterThan(50);
    expect(await obviousViolations()).toEqual([]);
    expect(await ruleProblems(app.core.db, { from: '2027-01-25', to: '2027-03-07' })).toEqual([]);
    expect(view.periods).toMatchObject([{ id: '2027-02', status: 'DRAFT' }]);

    const kept = daily[5]!;
    unwrap(await app.api.roster.lock({ id: kept.id, locked: true }));
    await generate();
    const again = (await roster()).assignments;
    expect(again.find((a) => a.id === kept.id)).toMatchObject({ staffId: kept.staffId, date: kept.date, locked: true });
  });

  it('cancel stops the solve and changes nothing', async () => {
    await app.signInAs('LEAD');
    const before = await snapshot();
    const running = app.api.roster.generate({ kind: 'MONTH', month: '2027-03' });
    while (!unwrap(await app.api.roster.generateProgress({}))) await new Promise((r) => setTimeout(r, 5));
    expect(unwrap(await app.api.roster.cancelGenerate({}))).toBe(true);
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await snapshot()).toEqual(before);
  });

  it('generates the assessment-week rotation for a quarter: one social worker a week, never two weeks in a row', async () => {
    await app.signInAs('ADVICE');
    unwrap(await app.api.roster.generate({ kind: 'ROTATION', year: 2027, quarter: 2 }));
    const q2 = await roster({ from: '2027-04-01', to: '2027-06-30' });
    const weeks = q2.assignments.filter((a) => a.week);
    const { staff } = await directory();
    const expected = new Set<string>();
    for (let d = '2027-04-05'; d <= '2027-06-28'; d = addDays(d, 7)) expected.add(isoWeek(d));
    expect(new Set(weeks.map((w) => w.week))).toEqual(expected);
    for (const w of weeks) {
      expect(staff.find((s) => s.id === w.staffId)!.role).toBe('SOCIAL_WORKER');
      const next = weeks.find((x) => x.week === isoWeek(addDays(isoWeekMonday(w.week!), 7)));
      expect(next?.staffId).not.toBe(w.staffId);
    }
  });
});

describe('the dedicated assessment-week model and the roster (issue 22 item 8)', () => {
  it('gives the dedicated worker no daily duties and rosters no assessment weeks; a rotation is refused', async () => {
    await app.signInAs('LEAD');
    const { staff } = await directory();
    const worker = staff.find((s) => s.role === 'SOCIAL_WORKER' && s.active)!;
    const account = await app.core.db
      .selectFrom('users')
      .select('id')
      .where('staff_id', '=', worker.id)
      .executeTakeFirstOrThrow();
    unwrap(await app.api.settings.update({ assessmentModel: 'DEDICATED', assessmentWorkerId: account.id }));
    await generate();
    const view = await roster();
    expect(view.assignments.filter((a) => a.week && a.week >= '2027-W05' && a.week <= '2027-W08')).toEqual([]);
    expect(view.assignments.filter((a) => a.staffId === worker.id)).toEqual([]);
    expect(view.assignments.filter((a) => a.date).length).toBeGreaterThan(50);
    expect(await obviousViolations()).toEqual([]);
    // A month the rotation already reached: its draft weeks' workers get no daily duty those weeks, and the
    // month is generated without breaking a rule.
    expect(unwrap(await app.api.roster.generate({ kind: 'MONTH', month: '2026-12' })).assignments).toBeGreaterThan(50);
    expect(await ruleProblems(app.core.db, { from: '2026-11-30', to: '2027-01-03' })).toEqual([]);
    const before = await snapshot();
    const rotation = await app.api.roster.generate({ kind: 'ROTATION', year: 2027, quarter: 2 });
    expect(rotation).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'noRotationWhenDedicated' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('editing the roster by hand', () => {
  it('refuses a duty moved onto an absent person with the reason, and nothing changes; a legal move is kept', async () => {
    await app.signInAs('ADVICE');
    await generate();
    const { assignments, absences } = await roster();
    const { staff } = await directory();
    const duty = assignments.find((a) => a.date && a.duty === 'RECEPTION')!;
    const counsellor = staff.find((s) => s.role === 'COUNSELLOR' && s.active && s.id !== duty.staffId)!;
    const absenceId = unwrap(
      await app.api.staff.addAbsence({
        staffId: counsellor.id,
        from: duty.date!,
        to: duty.date!,
        kind: 'TRAINING',
      }),
    ).absenceId;
    expect(absenceId).toBeGreaterThan(0);
    const before = await snapshot();
    const refused = unwrap(await app.api.roster.move({ id: duty.id, staffId: counsellor.id }));
    expect(refused.allowed).toBe(false);
    expect(refused.problems).toContainEqual(
      expect.objectContaining({ rule: 'ABSENT', name: counsellor.name, date: duty.date }),
    );
    expect(await snapshot()).toEqual(before);
    expect(absences.length).toBeGreaterThanOrEqual(0);

    // Moving the emergency duty to a counsellor breaks the social-worker rule.
    const emergency = assignments.find((a) => a.duty === 'EMERGENCY' && a.date !== duty.date)!;
    const other = staff.find((s) => s.role === 'COUNSELLOR' && s.id !== counsellor.id)!;
    const refusedRole = unwrap(await app.api.roster.move({ id: emergency.id, staffId: other.id }));
    expect(refusedRole.problems.map((p) => p.rule)).toContain('NEEDS_SOCIAL_WORKER');

    // A free Swedish-speaking social worker on another day takes the emergency duty: allowed and saved.
    const day = emergency.date!;
    const busy = new Set(assignments.filter((a) => a.date === day || a.week === isoWeek(day)).map((a) => a.staffId));
    const away = (await roster()).absences.filter((a) => a.from <= day && day <= a.to).map((a) => a.staffId);
    const free = staff.filter((s) => s.role === 'SOCIAL_WORKER' && s.active && !busy.has(s.id) && !away.includes(s.id));
    let moved = false;
    for (const s of free) {
      const dry = unwrap(await app.api.roster.move({ id: emergency.id, staffId: s.id, dryRun: true }));
      if (!dry.allowed) continue;
      expect((await snapshot()).find((a) => a.id === emergency.id)!.staff_id).toBe(emergency.staffId);
      expect(unwrap(await app.api.roster.move({ id: emergency.id, staffId: s.id })).allowed).toBe(true);
      expect((await snapshot()).find((a) => a.id === emergency.id)!.staff_id).toBe(s.id);
      moved = true;
      break;
    }
    expect(moved).toBe(true);

    unwrap(await app.api.roster.lock({ id: emergency.id, locked: true }));
    expect(await app.api.roster.move({ id: emergency.id, staffId: emergency.staffId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('a published month: generation refused, changes need a reason and are tracked; an absence is repaired', async () => {
    await app.signInAs('LEAD');
    await generate();
    expect(await app.api.roster.publish({ periodId: '2027-02' })).toMatchObject({ ok: true });
    expect(await app.api.roster.generate({ kind: 'MONTH', month: '2027-02' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const { assignments } = await roster();
    const worker = assignments.find((a) => a.date && a.date >= '2027-02-08')!;
    const held = assignments.filter(
      (a) => a.staffId === worker.staffId && a.date && a.date >= '2027-02-08' && a.date <= '2027-02-12',
    );
    const added = unwrap(
      await app.api.staff.addAbsence({
        staffId: worker.staffId,
        from: '2027-02-08',
        to: '2027-02-12',
        kind: 'SICK_LEAVE',
      }),
    );
    expect(added.heldDuties).toBe(
      held.length + assignments.filter((a) => a.staffId === worker.staffId && a.week === '2027-W06').length,
    );
    const proposal = unwrap(await app.api.roster.repairProposal({ absenceId: added.absenceId }));
    // Every duty of the absent worker is handed over (or reported uncovered), and few others move.
    const handedOver = proposal.changes.filter((c) => c.fromStaffId === worker.staffId);
    expect(handedOver.length).toBe(added.heldDuties);
    expect(proposal.changes.every((c) => c.toStaffId !== worker.staffId)).toBe(true);
    expect(proposal.changes.length).toBeLessThanOrEqual(added.heldDuties * 3);
    // Each change says why: the absent worker's own duties because they are away; another person's so that
    // they are free to take one of those over (on that day or week), or the rules.
    expect(handedOver.every((c) => c.reason.kind === 'AWAY')).toBe(true);
    for (const c of proposal.changes.filter((x) => x.fromStaffId !== worker.staffId)) {
      expect(c.reason.kind).not.toBe('AWAY');
      if (c.reason.kind === 'FREE') {
        const freedFor = c.reason;
        expect(
          handedOver.some((h) => h.toStaffId === c.fromStaffId && h.date === freedFor.date && h.week === freedFor.week),
        ).toBe(true);
      }
    }

    const changes = proposal.changes.map(({ date, week, duty, fromStaffId, toStaffId }) => ({
      date,
      week,
      duty,
      fromStaffId,
      toStaffId,
    }));
    expect(await app.api.roster.applyRepair({ absenceId: added.absenceId, changes })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await app.signInAs('ADVICE');
    expect(await app.api.roster.applyRepair({ absenceId: added.absenceId, changes, reason: 'sick' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await app.signInAs('LEAD');
    const applied = unwrap(
      await app.api.roster.applyRepair({ absenceId: added.absenceId, changes, reason: 'Sairausloma' }),
    );
    expect(applied).toEqual({ allowed: true, problems: [] });
    const after = await roster();
    expect(
      after.assignments.filter(
        (a) => a.staffId === worker.staffId && a.date && a.date >= '2027-02-08' && a.date <= '2027-02-12',
      ),
    ).toEqual([]);
    expect(await obviousViolations()).toEqual([]);
    const tracked = unwrap(await app.api.roster.changes(FEB));
    expect(tracked.filter((c) => c.action === 'REPAIR')).toHaveLength(changes.length);
    expect(tracked[0]).toMatchObject({ reason: 'Sairausloma', userName: expect.any(String) });

    // A hand move in the published month needs a reason, and is tracked with it.
    const duty = after.assignments.find((a) => a.date && a.duty === 'RECEPTION' && a.date > '2027-02-15')!;
    expect(
      await app.api.roster.move({ id: duty.id, staffId: duty.staffId, date: addDays(duty.date!, 0) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('reason') },
    });
  });
});

describe('the county’s duty types and the assessment rotation', () => {
  it('a lead’s duty types drive the next generation; other roles cannot change them', async () => {
    await app.signInAs('ADVICE');
    const config = unwrap(await app.api.roster.config({}));
    const more = {
      ...config,
      dutyTypes: config.dutyTypes.map((d) => (d.id === 'RECEPTION' ? { ...d, perDay: 3 } : d)),
    };
    expect(await app.api.roster.saveConfig(more)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await app.signInAs('LEAD');
    expect(
      await app.api.roster.saveConfig({
        ...more,
        dutyTypes: more.dutyTypes.map((d) => ({ ...d, start: '15:00', end: '08:30' })),
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('end') } });
    unwrap(await app.api.roster.saveConfig(more));
    await generate();
    const { assignments, shortfalls } = await roster();
    const reception = assignments.filter((a) => a.duty === 'RECEPTION').length;
    const short = shortfalls.filter((s) => s.duty === 'RECEPTION').reduce((n, s) => n + s.missing, 0);
    expect(reception + short).toBe(20 * 3);
  });

  it('swaps two assessment weeks when the rules allow, and refuses a swap that makes two weeks in a row', async () => {
    await app.signInAs('ADVICE');
    unwrap(await app.api.roster.generate({ kind: 'ROTATION', year: 2027, quarter: 2 }));
    const weeks = (await roster({ from: '2027-04-01', to: '2027-06-30' })).assignments.filter((a) => a.week);
    const holder = (week: string) => weeks.find((w) => w.week === week)!.staffId;
    const legal: [string, string][] = [];
    const illegal: [string, string][] = [];
    for (const a of weeks)
      for (const b of weeks) {
        if (a.week! >= b.week! || a.staffId === b.staffId) continue;
        const neighbours = (w: string) => [-7, 7].map((k) => isoWeek(addDays(isoWeekMonday(w), k)));
        const clash =
          neighbours(a.week!).some((w) => weeks.find((x) => x.week === w)?.staffId === b.staffId && w !== b.week) ||
          neighbours(b.week!).some((w) => weeks.find((x) => x.week === w)?.staffId === a.staffId && w !== a.week);
        (clash ? illegal : legal).push([a.week!, b.week!]);
      }
    // A quarter of 13 weeks among a handful of social workers always has swaps of both kinds.
    expect(illegal.length).toBeGreaterThan(0);
    const snapshotBefore = await snapshot();
    const refused = unwrap(await app.api.roster.swapWeeks({ a: illegal[0]![0], b: illegal[0]![1] }));
    expect(refused.allowed).toBe(false);
    expect(refused.problems.map((p) => p.rule)).toContain('CONSECUTIVE_WEEKS');
    expect(await snapshot()).toEqual(snapshotBefore);

    const [a, b] = legal[0]!;
    const before = [holder(a), holder(b)];
    expect(unwrap(await app.api.roster.swapWeeks({ a, b })).allowed).toBe(true);
    const after = (await roster({ from: '2027-04-01', to: '2027-06-30' })).assignments.filter((x) => x.week);
    expect([after.find((x) => x.week === a)!.staffId, after.find((x) => x.week === b)!.staffId]).toEqual(
      before.reverse(),
    );
  });
});

describe('staff, availability and reports', () => {
  it('refuses bad staff and absences with the field named, saves nothing; roles are enforced', async () => {
    await app.signInAs('ADVICE');
    const staffBefore = await countRows(app.core.db, 'staff');
    const base = {
      name: 'Testi Työntekijä',
      role: 'COUNSELLOR' as const,
      fte: 1,
      languages: ['fi'],
      areaId: null,
      teamId: null,
      maxDutiesPerWeek: 2,
    };
    expect(await app.api.staff.save({ ...base, fte: 1.5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('fte') },
    });
    expect(await app.api.staff.save({ ...base, teamId: 'nope' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('teamId') },
    });
    expect(await countRows(app.core.db, 'staff')).toBe(staffBefore);
    const saved = unwrap(await app.api.staff.save(base));
    expect(
      await app.api.staff.addAbsence({
        staffId: saved.id,
        from: '2027-02-10',
        to: '2027-02-09',
        kind: 'VACATION',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('to') },
    });
    expect(await app.api.roster.generate({ kind: 'MONTH', month: '2027-13' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('month') },
    });
    expect(await app.api.roster.publish({ periodId: '2027-02' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await app.signInAs('ASSESSMENT_SW');
    expect(await app.api.roster.generate({ kind: 'MONTH', month: '2027-02' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('the fairness report counts every duty and shares the targets by FTE and availability', async () => {
    await app.signInAs('LEAD');
    await generate();
    const report = unwrap(await app.api.roster.fairness(FEB));
    const held = (await listAssignments(app.core.db, FEB.from, FEB.to, { from: '2027-W05', to: '2027-W08' })).filter(
      (a) => a.date,
    );
    for (const duty of ['RECEPTION', 'EMERGENCY']) {
      const rows = report.rows.filter((r) => r.duty === duty);
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(held.filter((a) => a.duty === duty).length);
      expect(rows.reduce((n, r) => n + r.target, 0)).toBeCloseTo(held.filter((a) => a.duty === duty).length, 0);
    }
    expect(report.rows.filter((r) => r.duty === 'EMERGENCY').length).toBeLessThan(
      report.rows.filter((r) => r.duty === 'RECEPTION').length,
    );
  });
});

describe('generating a month that already has duties (issue 21 item 2)', () => {
  const DEC = { from: '2026-12-01', to: '2026-12-31' };
  const away = async (staffIds: string[], date: string) => {
    for (const staff_id of staffIds)
      await app.core.db
        .insertInto('absences')
        .values({ staff_id, from_date: date, to_date: date, kind: 'SICK_LEAVE', created_at: new Date().toISOString() })
        .execute();
  };

  it('shows the demo’s months as draft rosters, and regenerates one whose assessment-week worker and every Swedish speaker fell ill', async () => {
    await app.signInAs('ADVICE');
    const before = await roster(DEC);
    expect(before.periods).toMatchObject([{ id: '2026-12', status: 'DRAFT' }]);
    expect(before.assignments.length).toBeGreaterThan(50);
    // Wednesday 9.12.: the week's assessment worker and every Swedish speaker are off sick.
    const week = before.assignments.find((a) => a.week === '2026-W50')!;
    const { staff } = await directory(DEC);
    const swedish = staff.filter((s) => s.languages.includes('sv')).map((s) => s.id);
    await away([week.staffId, ...swedish], '2026-12-09');

    const result = unwrap(await app.api.roster.generate({ kind: 'MONTH', month: '2026-12' }));
    expect(result.uncovered).toContainEqual(
      expect.objectContaining({
        date: '2026-12-09',
        duty: 'RECEPTION',
        reason: 'no Swedish speaker can take reception duty',
      }),
    );
    const after = await roster(DEC);
    const assessors = after.assignments.filter((a) => a.week === '2026-W50');
    expect(assessors).toHaveLength(1);
    expect(assessors[0]!.staffId).not.toBe(week.staffId);
    // The only broken rule left is the one the generation reported: no Swedish speaker free that day.
    expect(await ruleProblems(app.core.db, DEC)).toEqual([
      expect.objectContaining({ rule: 'NO_SWEDISH_SPEAKER', date: '2026-12-09' }),
    ]);
    expect((await obviousViolations(DEC)).filter((v) => !v.endsWith('2026-12-09'))).toEqual([]);
  });

  it('tells a change made during the solve from a broken rule, in the user’s words, and saves nothing', async () => {
    await app.signInAs('ADVICE');
    const before = await snapshot();
    const { staff } = await directory(DEC);
    let changed = false;
    const error = await generateRoster(
      app.core,
      { kind: 'MONTH', month: '2026-12' },
      (p) => {
        // Someone records an absence from another workstation while the solver runs.
        if (p.phase === 'SOLVING' && !changed) {
          changed = true;
          void away([staff[0]!.id], '2026-12-15');
        }
      },
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(toPayload(error)).toMatchObject({ code: 'CONFLICT', key: 'rosterChangedWhileGenerating' });
    expect(await snapshot()).toEqual(before);
  });
});
