/**
 * The case queue's state: the query (saved view, filters, sort), the page of rows, the selected case and
 * its detail, and the triage actions. Every call goes through `api` (renderer/src/api.ts).
 */
import { create } from 'zustand';
import type { CaseDetail, QueueQuery, QueueResult } from '../../../../shared/contract/cases';
import type { ErrorPayload, Result } from '../../../../shared/errors';
import { api } from '../../api';

type Query = Required<Pick<QueueQuery, 'view' | 'sort' | 'descending'>> &
  Omit<QueueQuery, 'view' | 'sort' | 'descending' | 'offset' | 'limit'>;

interface QueueState {
  query: Query;
  result: QueueResult | null;
  loading: boolean;
  selectedId: string | null;
  detail: CaseDetail | null;
  error: ErrorPayload | null;
  notice: string | null;
  setQuery(patch: Partial<Query>): void;
  load(): Promise<void>;
  select(id: string | null): Promise<void>;
  act(call: () => Promise<Result<CaseDetail>>): Promise<boolean>;
  /** After a registration: the queue from its default view, and the first child's case as registration returned it. */
  showCreated(created: { caseIds: string[]; detail: CaseDetail }, notice: string): Promise<void>;
  /**
   * Cases changed elsewhere (a reassignment, an import, and with the county server another workstation):
   * refreshes only what this store shows, so each change costs at most one audited read of the page and one
   * of the open case. `created`: new cases, which may belong on the page whatever it shows. `ids` null: the
   * changed cases cannot be named (renderer/src/state/liveUpdates.ts), so the page and the open case refresh.
   */
  casesChanged(change: { ids: readonly string[] | null; created?: boolean }): Promise<void>;
  /** Cases a team lead marked to move together (multi-select). */
  marked: ReadonlySet<string>;
  toggleMark(id: string): void;
  clearMarks(): void;
}

/** An ended session has already sent the user back to sign-in (renderer/src/api.ts); other errors show here. */
function handleError(error: ErrorPayload, set: (s: Partial<QueueState>) => void) {
  set({ error });
}

/** The open case read again, kept only if it is still the one open when the answer comes. */
async function refreshDetail(id: string, set: (s: Partial<QueueState>) => void, get: () => QueueState) {
  const result = await api.cases.get({ id });
  if (get().selectedId !== id) return;
  if (result.ok) set({ detail: result.value, error: null });
  else handleError(result.error, set);
}

let loadSeq = 0;
/**
 * The page being fetched and for which query: a second load of the same query while the first is on its way
 * (a view mounting just as an action refreshes it) waits for that one, so the read is made and logged once.
 */
let inflight: { key: string; done: Promise<void> } | null = null;

export const useQueue = create<QueueState>((set, get) => ({
  query: { view: 'OPEN', sort: 'priority', descending: false },
  result: null,
  loading: false,
  selectedId: null,
  detail: null,
  error: null,
  notice: null,
  marked: new Set(),
  toggleMark(id) {
    const marked = new Set(get().marked);
    if (!marked.delete(id)) marked.add(id);
    set({ marked });
  },
  clearMarks() {
    set({ marked: new Set() });
  },
  setQuery(patch) {
    set({ query: { ...get().query, ...patch } });
    void get().load();
  },
  load() {
    const query = { ...get().query, limit: 500 };
    const key = JSON.stringify(query);
    if (inflight?.key === key) return inflight.done;
    const seq = ++loadSeq;
    set({ loading: true });
    const done = api.cases.queue(query).then((result) => {
      if (inflight?.key === key) inflight = null;
      if (seq !== loadSeq) return; // a newer query superseded this one
      set({ loading: false });
      if (result.ok) set({ result: result.value, error: null });
      else handleError(result.error, set);
    });
    inflight = { key, done };
    return done;
  },
  async select(id) {
    set({ selectedId: id, detail: null, notice: null });
    if (id) await refreshDetail(id, set, get);
  },
  async act(call) {
    set({ error: null });
    const result = await call();
    if (!result.ok) {
      handleError(result.error, set);
      return false;
    }
    set({ detail: result.value });
    await get().load();
    return true;
  },
  async casesChanged({ ids, created = false }) {
    const changed = ids && new Set(ids);
    const { result, selectedId } = get();
    const pageChanged = created || !changed || !!result?.rows.some((row) => changed.has(row.id));
    const detailChanged = selectedId !== null && (!changed || changed.has(selectedId));
    await Promise.all([
      result && pageChanged ? get().load() : null,
      detailChanged ? refreshDetail(selectedId, set, get) : null,
    ]);
  },
  async showCreated({ caseIds, detail }, notice) {
    set({
      query: { view: 'OPEN', sort: 'priority', descending: false },
      selectedId: caseIds[0] ?? null,
      detail,
      error: null,
      notice,
    });
    await get().load();
  },
}));

/** On sign-out: the next user starts from the default view, not from the last user's search and case. */
export function resetQueue(): void {
  useQueue.setState({
    query: { view: 'OPEN', sort: 'priority', descending: false },
    result: null,
    selectedId: null,
    detail: null,
    error: null,
    notice: null,
    marked: new Set(),
  });
}
