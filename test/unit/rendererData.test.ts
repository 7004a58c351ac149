/**
 * The renderer's data layer (renderer/src/api.ts and the stores over it), run under Node against a fake
 * `window.luukku` that records every call: what a user notices here is how often the main process is asked
 * (each case read is an audited read in the child's access log) and that an ended session prompts once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorPayload, Result } from '../../shared/errors';

type Handler = (input: unknown) => Result<unknown>;
const calls: string[] = [];
let respond: (name: string, input: unknown) => Result<unknown> = () => ({ ok: true, value: null });

const fakeClient = new Proxy(
  {},
  {
    get: (_t, area: string) =>
      new Proxy(
        {},
        {
          get:
            (_u, op: string): Handler =>
            (input) => {
              calls.push(`${area}.${op}`);
              return respond(`${area}.${op}`, input);
            },
        },
      ),
  },
);
vi.stubGlobal('window', { luukku: fakeClient });
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });

const { api, ApiError, onSessionEnded, unwrap } = await import('../../renderer/src/api');
const { useApp } = await import('../../renderer/src/state/appStore');
const { useQueue, resetQueue } = await import('../../renderer/src/areas/cases/queueStore');
const { useReferenceStore, resetReference } = await import('../../renderer/src/state/referenceStore');

const expired: ErrorPayload = { code: 'SESSION_EXPIRED', message: 'Signed out after 15 minutes without use.' };
const row = (id: string) => ({ id });
const page = (...ids: string[]) => ({ ok: true as const, value: { rows: ids.map(row), total: ids.length } });
const user = (id: string, role: string) => ({
  id,
  username: id,
  displayName: id,
  role,
  staffId: null,
  mustChangePassword: false,
});

beforeEach(() => {
  calls.length = 0;
  respond = () => ({ ok: true, value: null });
  resetQueue();
  resetReference();
});

describe('renderer/src/api.ts', () => {
  it('turns an ended session into one sign-in prompt, however many calls find out', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    respond = () => ({ ok: false, error: expired });
    const results = await Promise.all([api.cases.queue({}), api.inbox.list({}), api.org.teams()]);
    expect(results.every((r) => !r.ok && r.error.code === 'SESSION_EXPIRED')).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    // Signed in again (a call succeeds): the next ended session prompts again.
    respond = () => ({ ok: true, value: null });
    await api.app.status();
    respond = () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Please sign in.' } });
    await api.org.teams();
    expect(ended).toHaveBeenCalledTimes(2);
  });

  it('passes other errors through and unwrap throws them typed', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    respond = () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this action.' } });
    const result = await api.users.list({});
    expect(ended).not.toHaveBeenCalled();
    expect(() => unwrap(result)).toThrow(ApiError);
    try {
      unwrap(result);
    } catch (e) {
      expect((e as InstanceType<typeof ApiError>).code).toBe('FORBIDDEN');
    }
    expect(unwrap({ ok: true, value: 7 })).toBe(7);
  });
});

describe('the queue store told that cases changed', () => {
  const open = async (ids: string[], selected: string | null) => {
    respond = (name, input) =>
      name === 'cases.queue' ? page(...ids) : { ok: true, value: { id: (input as { id: string }).id } };
    await useQueue.getState().load();
    if (selected) await useQueue.getState().select(selected);
    calls.length = 0;
  };

  it('reads nothing again for cases it does not show', async () => {
    await open(['c1', 'c2'], 'c1');
    await useQueue.getState().casesChanged({ ids: ['c9'] });
    expect(calls).toEqual([]);
  });

  it('reads the page once when a row on it changed, and the open case only if it is one of them', async () => {
    await open(['c1', 'c2'], 'c1');
    await useQueue.getState().casesChanged({ ids: ['c2'] });
    expect(calls).toEqual(['cases.queue']);
    calls.length = 0;
    await useQueue.getState().casesChanged({ ids: ['c1', 'c2'] });
    expect(calls.sort()).toEqual(['cases.get', 'cases.queue']);
  });

  it('reads the page for new cases, which may belong on it', async () => {
    await open(['c1'], null);
    await useQueue.getState().casesChanged({ ids: [], created: true });
    expect(calls).toEqual(['cases.queue']);
  });
});

describe('reference data', () => {
  const signIn = (id: string, role: string) =>
    useApp.setState({ status: { phase: 'SIGNED_IN', user: user(id, role) } as never });

  it('loads once per sign-in, for the user who signed in', async () => {
    respond = (name) => ({ ok: true, value: name === 'org.teams' ? [{ id: 't1', name: 'Itä', areaId: 'a1' }] : [] });
    signIn('lead-1', 'LEAD');
    await Promise.all([useReferenceStore.getState().ensure(), useReferenceStore.getState().ensure()]);
    await useReferenceStore.getState().ensure();
    expect(calls.sort()).toEqual(['org.areas', 'org.municipalities', 'org.teams', 'users.assignable']);
    expect(useReferenceStore.getState().teams).toEqual([{ id: 't1', name: 'Itä', areaId: 'a1' }]);

    // Another user signs in: their own load; a role without client data does not ask for assignable workers.
    calls.length = 0;
    resetReference();
    signIn('admin-1', 'ADMIN');
    await useReferenceStore.getState().ensure();
    expect(calls.sort()).toEqual(['org.areas', 'org.municipalities', 'org.teams']);
  });

  it('tries again after a failed load instead of keeping an empty list', async () => {
    respond = (name) =>
      name === 'org.teams' ? { ok: false, error: { code: 'INTERNAL', message: 'x' } } : { ok: true, value: [] };
    signIn('lead-1', 'LEAD');
    await useReferenceStore.getState().ensure();
    calls.length = 0;
    respond = () => ({ ok: true, value: [] });
    await useReferenceStore.getState().ensure();
    expect(calls).toContain('org.teams');
  });
});
