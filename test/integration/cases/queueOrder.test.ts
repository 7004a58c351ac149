/**
 * The queue's default order and the urgency assessment as the assessment-week social worker works them
 * (issue 21 item 1): what the law makes urgent on top, the urgent badge, and a just-recorded urgency undone.
 */
import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../shared/contract/cases';
import { URGENCY_UNDO_MINUTES } from '../../../shared/clock';
import { lastAuditEntry } from '../../helpers/queries';
import { TEST_NOW, unwrap, useDemoCore } from '../../helpers/core';

let now = TEST_NOW;
const app = useDemoCore(80, () => new Date(now));

/** The queue's tiers: unassessed, assessed urgent and undecided, overdue, by deadline, waiting for a birth. */
function tier(r: QueueRow): number {
  if (r.status === 'NEW') return 0;
  if (r.status === 'TRIAGE' && r.urgent) return 1;
  if (r.clock.state === 'OVERDUE') return 2;
  if (r.status === 'AWAITING_BIRTH') return 4;
  return 3;
}

describe('the queue puts what the law makes urgent on top', () => {
  it('orders unassessed, then urgent undecided, then overdue (most late first), then by deadline, on every page', async () => {
    now = TEST_NOW;
    await app.signInAs('ASSESSMENT_SW');
    const before = unwrap(await app.api.cases.queue({ view: 'OPEN', limit: 500 }));
    // A case assessed not urgent, in time: it must now jump ahead of every overdue and in-time case.
    const inTime = before.rows.find((r) => r.status === 'TRIAGE' && !r.urgent && r.clock.state !== 'OVERDUE');
    const fresh = before.rows.find((r) => r.status === 'NEW')!;
    expect(fresh).toBeDefined();
    const marked = unwrap(await app.api.cases.recordUrgency({ id: fresh.id, urgent: true }));
    expect(marked).toMatchObject({ status: 'TRIAGE', urgent: true, urgencyResult: 'URGENT' });

    const rows = unwrap(await app.api.cases.queue({ view: 'OPEN', limit: 500 })).rows;
    const tiers = rows.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(new Set(tiers).size).toBeGreaterThanOrEqual(4); // the demo has cases in each tier
    const position = rows.findIndex((r) => r.id === fresh.id);
    expect(rows[position]!.urgent).toBe(true);
    expect(position).toBeLessThan(rows.filter((r) => tier(r) <= 1).length);
    if (inTime) expect(position).toBeLessThan(rows.findIndex((r) => r.id === inTime.id));
    // Overdue: the most late first; the rest: the nearest deadline first.
    for (const t of [2, 3]) {
      const dues = rows.filter((r) => tier(r) === t).map((r) => r.clock.due ?? '9999-12-31');
      expect(dues, `tier ${t}`).toEqual([...dues].sort());
    }
    expect(rows.filter((r) => r.urgent).every((r) => r.status !== 'CLOSED')).toBe(true);

    // Paging never repeats or skips a case (the id makes the order total).
    const paged: string[] = [];
    for (let offset = 0; offset < rows.length; offset += 7)
      paged.push(...unwrap(await app.api.cases.queue({ view: 'OPEN', offset, limit: 7 })).rows.map((r) => r.id));
    expect(paged).toEqual(rows.map((r) => r.id));
  });
});

describe('a just-recorded urgency', () => {
  it('can be undone by who recorded it for a few minutes before a decision, with both in the history and the log', async () => {
    now = TEST_NOW;
    await app.signInAs('ASSESSMENT_SW');
    const queue = unwrap(await app.api.cases.queue({ view: 'OPEN', limit: 500 }));
    const [first, second] = queue.rows.filter((r) => r.status === 'NEW');
    const recorded = unwrap(await app.api.cases.recordUrgency({ id: first!.id, urgent: true }));
    expect(recorded.urgencyUndoUntil).toBe(new Date(TEST_NOW + URGENCY_UNDO_MINUTES * 60_000).toISOString());

    // Another social worker (the lead) sees no undo and is refused one.
    const lead = await app.sessionAs('LEAD');
    expect(unwrap(await lead.api.cases.get({ id: first!.id })).urgencyUndoUntil).toBeNull();
    const refused = await lead.api.cases.undoUrgency({ id: first!.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('WRONG_STATE');

    now = TEST_NOW + 60_000;
    const undone = unwrap(await app.api.cases.undoUrgency({ id: first!.id }));
    expect(undone).toMatchObject({
      status: 'NEW',
      urgent: false,
      urgencyResult: null,
      urgencyAssessedAt: null,
      urgencyUndoUntil: null,
    });
    expect(undone.events.map((e) => e.kind).slice(-2)).toEqual(['URGENCY_ASSESSED', 'URGENCY_UNDONE']);
    expect(undone.events.at(-1)!.data).toMatchObject({ urgent: true, assessedAt: new Date(TEST_NOW).toISOString() });
    const entry = await lastAuditEntry(app.core.db);
    expect([entry.action, entry.outcome]).toEqual(['cases.undoUrgency', 'OK']);

    // Once the minutes have passed it is a correction, with a reason, and the case is left as it was.
    unwrap(await app.api.cases.recordUrgency({ id: second!.id, urgent: false }));
    now += URGENCY_UNDO_MINUTES * 60_000 + 1;
    expect(unwrap(await app.api.cases.get({ id: second!.id })).urgencyUndoUntil).toBeNull();
    const late = await app.api.cases.undoUrgency({ id: second!.id });
    expect(late.ok ? 'ok' : late.error.code).toBe('WRONG_STATE');
    expect(unwrap(await app.api.cases.get({ id: second!.id }))).toMatchObject({
      status: 'TRIAGE',
      urgencyResult: 'NOT_URGENT',
    });
    await lead.core.signOut('USER');
  });
});
