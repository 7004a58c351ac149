/**
 * Reference data (issue 17 item 4): the municipalities, areas and regional teams, and the workers a case can
 * be given to. They change seldom, so they load once per sign-in and every view reads them from here instead
 * of asking the main process each time it opens; a change made in this app (saving a user) reloads them.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { OutputOf } from '../../../shared/contract';
import type { Team } from '../../../shared/contract/org';
import { CLIENT_ROLES } from '../../../shared/roles';
import { api } from '../api';
import { useApp } from './appStore';

export type Municipality = OutputOf<'org.municipalities'>[number];
export type Area = OutputOf<'org.areas'>[number];
export type AssignableUser = OutputOf<'users.assignable'>[number];

interface Reference {
  municipalities: Municipality[];
  areas: Area[];
  teams: Team[];
  /** Empty for roles that see no client data (they cannot give a case to anyone). */
  assignable: AssignableUser[];
}

interface ReferenceState extends Reference {
  /** Whose sign-in the data was loaded for (a user id), so that the next user loads their own. */
  loadedFor: string | null;
  ensure(): Promise<void>;
  reload(): Promise<void>;
}

const EMPTY: Reference = { municipalities: [], areas: [], teams: [], assignable: [] };
let loading: { userId: string; done: Promise<void> } | null = null;

export const useReferenceStore = create<ReferenceState>((set, get) => ({
  ...EMPTY,
  loadedFor: null,
  ensure() {
    const user = useApp.getState().status?.user;
    if (!user) return Promise.resolve();
    if (get().loadedFor === user.id) return Promise.resolve();
    if (loading?.userId === user.id) return loading.done;
    const done = (async () => {
      const [municipalities, areas, teams, assignable] = await Promise.all([
        api.org.municipalities(),
        api.org.areas(),
        api.org.teams(),
        CLIENT_ROLES.includes(user.role) ? api.users.assignable() : Promise.resolve(null),
      ]);
      if (useApp.getState().status?.user?.id !== user.id) return; // signed out meanwhile
      set({
        municipalities: municipalities.ok ? municipalities.value : [],
        areas: areas.ok ? areas.value : [],
        teams: teams.ok ? teams.value : [],
        assignable: assignable?.ok ? assignable.value : [],
        // A failed load is tried again by the next view that needs it.
        loadedFor: municipalities.ok && areas.ok && teams.ok && (assignable?.ok ?? true) ? user.id : null,
      });
    })().finally(() => {
      loading = null;
    });
    loading = { userId: user.id, done };
    return done;
  },
  reload() {
    set({ loadedFor: null });
    return get().ensure();
  },
}));

/** The reference data, loading it for the signed-in user the first time a view asks. */
export function useReference(): Reference {
  const municipalities = useReferenceStore((s) => s.municipalities);
  const areas = useReferenceStore((s) => s.areas);
  const teams = useReferenceStore((s) => s.teams);
  const assignable = useReferenceStore((s) => s.assignable);
  const userId = useApp((s) => s.status?.user?.id ?? null);
  useEffect(() => {
    if (userId) void useReferenceStore.getState().ensure();
  }, [userId]);
  return { municipalities, areas, teams, assignable };
}

/** On sign-out: nothing of the last user's reference data stays. */
export function resetReference(): void {
  loading = null;
  useReferenceStore.setState({ ...EMPTY, loadedFor: null });
}
