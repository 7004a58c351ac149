/** What a committed unit of work announces to the live updates (main/store/changes.ts), from its audit entries. */
import { describe, expect, it } from 'vitest';
import { changeOf, MAX_NAMED_CASES } from '../../main/store/changes';
import { LIVE_TOPICS } from '../../shared/liveChanges';

const actor = { id: 'u1', name: 'liisa', role: 'LEAD' as const };

describe('changeOf', () => {
  it('announces nothing for reads, sign-ins and refusals', () => {
    expect(changeOf([{ actor, action: 'cases.queue', caseIds: ['a', 'b'] }])).toBeNull();
    expect(changeOf([{ actor, action: 'cases.read', caseId: 'a' }])).toBeNull();
    expect(changeOf([{ actor, action: 'session.signIn' }])).toBeNull();
    expect(changeOf([{ actor, action: 'cases.reassign', outcome: 'REFUSED', caseId: 'a' }])).toBeNull();
  });

  it('names the changed cases, new ones as created, and a reassignment as an inbox change that may move cases between scopes', () => {
    expect(changeOf([{ actor, action: 'cases.recordUrgency', caseId: 'a' }])).toEqual({
      topics: ['cases'],
      caseIds: ['a'],
      created: false,
      scopeMayShrink: false,
    });
    expect(changeOf([{ actor, action: 'cases.register', caseId: 'b' }])).toMatchObject({ created: true });
    expect(changeOf([{ actor, action: 'cases.reassign', caseIds: ['a', 'b'] }])).toEqual({
      topics: ['cases', 'inbox'],
      caseIds: ['a', 'b'],
      created: true,
      scopeMayShrink: true,
    });
    expect(changeOf([{ actor, action: 'roster.publish' }])).toMatchObject({ topics: ['roster'], caseIds: [] });
  });

  it('leaves many cases unnamed and announces an unknown action as a change of everything', () => {
    const many = Array.from({ length: MAX_NAMED_CASES + 1 }, (_, i) => `c${i}`);
    expect(changeOf([{ actor, action: 'cases.import', caseIds: many }])).toMatchObject({
      caseIds: null,
      created: true,
    });
    expect(changeOf([{ actor, action: 'something.new' }])).toMatchObject({
      topics: [...LIVE_TOPICS].sort(),
      scopeMayShrink: true,
    });
  });
});
