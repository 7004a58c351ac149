/**
 * The app-wide state: where the app stands (first run, locked, signed in...), the current user and the
 * UI language. Views call these actions; the actions call the main process through `api` (renderer/src/api.ts).
 */
import { create } from 'zustand';
import type { Language, Overview, Settings, Status } from '../../../shared/contract';
import type { ErrorPayload, Result } from '../../../shared/errors';
import { initialLanguage, rememberLanguage } from '../i18n';
import { api, onSessionEnded } from '../api';

export type View =
  | 'queue'
  | 'register'
  | 'import'
  | 'advice'
  | 'calendar'
  | 'assessmentWeeks'
  | 'settings'
  | 'reports'
  | 'team'
  | 'meetings'
  | 'sevenDays';

interface AppState {
  status: Status | null;
  overview: Overview | null;
  settings: Settings | null;
  language: Language;
  view: View;
  busy: boolean;
  error: ErrorPayload | null;
  refresh(): Promise<void>;
  setLanguage(language: Language): void;
  setView(view: View): void;
  clearError(): void;
  /** Runs a call that returns a new status (first run, unlock, sign-in/out). */
  transition(call: () => Promise<Result<Status>>): Promise<boolean>;
  loadOverview(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<boolean>;
}

function afterCall<T>(result: Result<T>, set: (s: Partial<AppState>) => void): result is { ok: true; value: T } {
  if (result.ok) return true;
  set({ error: result.error });
  return false;
}

export const useApp = create<AppState>((set, get) => ({
  status: null,
  overview: null,
  settings: null,
  language: initialLanguage(),
  view: 'queue',
  busy: false,
  error: null,
  async refresh() {
    const result = await api.app.status();
    if (result.ok) set({ status: result.value });
    else set({ error: result.error });
  },
  setLanguage(language) {
    rememberLanguage(language);
    set({ language });
    void api.ui.setLanguage({ language });
  },
  setView(view) {
    set({ view, error: null });
  },
  clearError() {
    set({ error: null });
  },
  async transition(call) {
    set({ busy: true, error: null });
    try {
      const result = await call();
      if (result.ok) set({ status: result.value, overview: null, settings: null });
      else set({ error: result.error });
      return result.ok;
    } finally {
      set({ busy: false });
    }
  },
  async loadOverview() {
    const [overview, settings] = await Promise.all([api.overview.get(), api.settings.get()]);
    if (afterCall(overview, set)) set({ overview: overview.value });
    if (afterCall(settings, set)) set({ settings: settings.value });
  },
  async saveSettings(patch) {
    set({ busy: true, error: null });
    try {
      const result = await api.settings.update(patch);
      if (!afterCall(result, set)) return false;
      set({ settings: result.value });
      await get().refresh();
      return true;
    } finally {
      set({ busy: false });
    }
  },
}));

// A session that ended in the main process (idle sign-out, a lead ending it) takes the user back to sign-in,
// once, whichever call found out.
onSessionEnded(() => void useApp.getState().refresh());
