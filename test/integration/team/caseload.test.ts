/**
 * LsL 13 b §'s caseload limit (issue 22 item 9): the workload board counts each social worker's children
 * (not cases: siblings apart, one child's two cases once) against 30, and a move that would take a worker past
 * it says so in the suggestions the lead chooses from.
 */
import { describe, expect, it } from 'vitest';
import { makeHetu } from '../../../shared/hetu';
import { unwrap, useDemoCore } from '../../helpers/core';
import { idOf } from '../../helpers/assessment';

const app = useDemoCore(40);

/** `count` open cases of distinct children (identity codes) given to `userId`, registered as one notification. */
async function casesFor(userId: string, count: number, firstBirth = 2010): Promise<string[]> {
  await app.signInAs('ADVICE');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 8) {
    const children = Array.from({ length: Math.min(8, count - i) }, (_, j) => ({
      firstName: `Lapsi${i + j}`,
      lastName: 'Kuorma',
      hetu: makeHetu(`${firstBirth + ((i + j) % 10)}-0${1 + ((i + j) % 9)}-1${(i + j) % 10}`, 200 + i + j),
    }));
    const { caseIds } = unwrap(
      await app.api.cases.register({
        type: 'LSL25',
        channel: 'PHONE',
        receivedAt: '2026-11-23 09:00',
        reporterCategory: 'SCHOOL',
        municipalityId: 'loviisa',
        children,
      }),
    );
    ids.push(...caseIds);
  }
  await app.core.signOut('USER');
  // The arrangement: these open cases are the worker's (the move itself is what the test looks at).
  await app.core.db.updateTable('cases').set({ assignee_user_id: userId }).where('id', 'in', ids).execute();
  return ids;
}

describe('the caseload limit of LsL 13 b §', () => {
  it('counts children, not cases, on the board, and warns in the suggestions when a move would pass 30', async () => {
    const worker = await idOf(app, 'REGIONAL');
    const other = await idOf(app, 'REGIONAL', 1);
    await app.signInAs('LEAD');
    const before = unwrap(await app.api.workload.board({})).workers.find((w) => w.userId === worker)!.children;
    await app.core.signOut('USER');
    const mine = await casesFor(worker, 28);
    // The same child again (a second notification about one identity code) is still one child.
    const again = await app.core.db
      .selectFrom('cases')
      .select('child_hetu')
      .where('id', '=', mine[0]!)
      .executeTakeFirstOrThrow();
    await app.signInAs('ADVICE');
    const { caseIds: second } = unwrap(
      await app.api.cases.register({
        type: 'LSL25',
        channel: 'PHONE',
        receivedAt: '2026-11-23 10:00',
        reporterCategory: 'POLICE',
        municipalityId: 'loviisa',
        children: [{ firstName: 'Lapsi0', lastName: 'Kuorma', hetu: again.child_hetu! }],
      }),
    );
    await app.core.signOut('USER');
    await app.core.db.updateTable('cases').set({ assignee_user_id: worker }).where('id', 'in', second).execute();

    await app.signInAs('LEAD');
    const board = unwrap(await app.api.workload.board({}));
    expect(board.childLimit).toBe(30);
    const row = board.workers.find((w) => w.userId === worker)!;
    expect(row.children).toBe(before + 28);
    expect(row.open).toBeGreaterThanOrEqual(29);
    await app.core.signOut('USER');

    // Five more children offered to her: 33 after the move, over the limit; the same child again is no more.
    const moving = await casesFor(other, 5, 2001);
    await app.signInAs('LEAD');
    const suggestions = unwrap(await app.api.cases.suggestAssignees({ caseIds: moving }));
    expect(suggestions.find((s) => s.userId === worker)!.childrenAfter).toBe(before + 33);
    const sameChild = unwrap(await app.api.cases.suggestAssignees({ caseIds: second }));
    expect(sameChild.find((s) => s.userId === worker)!.childrenAfter).toBe(before + 28);
    // Moving a worker's whole caseload counts all of its children.
    const all = unwrap(await app.api.cases.suggestAssignees({ fromUserId: other }));
    const otherChildren = board.workers.find((w) => w.userId === other)!.children + 5;
    const third = all.find((s) => s.userId !== worker)!;
    const thirdNow = board.workers.find((w) => w.userId === third.userId)?.children ?? 0;
    expect(third.childrenAfter).toBeLessThanOrEqual(thirdNow + otherChildren);
    expect(third.childrenAfter).toBeGreaterThanOrEqual(otherChildren);
  });
});
