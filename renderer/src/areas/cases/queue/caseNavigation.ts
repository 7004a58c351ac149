/**
 * Moving through the queue from the open case (issue 21 item 13), as Apotti and Lifecare users expect:
 * Alt+↓ / Alt+↑ open the next and the previous case from anywhere in the queue, Alt+8 / 9 / 0 go to the
 * case's urgency, decision and contacts (item 3: one keystroke away), Escape closes the case
 * (back to the queue's grid) unless a field, a dialog or a question has the key, and the case prints with
 * its timeline after the print is logged.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { api } from '../../../api';
import { useQueue } from '../queueStore';

const focusGrid = () => document.querySelector<HTMLElement>('[role="grid"]')?.focus();

/** Whether Escape belongs to what has the focus (a field, a dialog, a question in place) rather than the pane. */
function escapeTakenBy(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null;
  if (document.querySelector('dialog[open], [role="alertdialog"]')) return true;
  return !!el?.closest('input, select, textarea, [contenteditable="true"]');
}

/** The pane's sections a key reaches at once (issue 21 item 3), by their headings' ids, with their keys. */
export const PANE_SECTIONS = [
  { id: 'urgency-heading', key: '8', label: 'detail.jump.urgency' },
  { id: 'decision-heading', key: '9', label: 'detail.jump.decision' },
  { id: 'contact-heading', key: '0', label: 'detail.jump.contacts' },
  // A running assessment's meetings take the contacts' place (and key).
  { id: 'meetings-heading', key: '0', label: 'detail.jump.meetings' },
] as const;

/** Focuses the first control of the section under `headingId` (or its heading), scrolled into the pane. */
export function jumpToSection(headingId: string): boolean {
  const heading = document.getElementById(headingId);
  if (!heading) return false;
  const section = heading.closest('section') ?? heading.parentElement;
  const target = section?.querySelector<HTMLElement>('button:not([disabled]), select, input, textarea') ?? heading;
  if (target === heading) heading.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}

export function useCaseNavigation() {
  const { result, selectedId, select } = useQueue();
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const index = rows.findIndex((r) => r.id === selectedId);
  const canStep = (by: 1 | -1) => index >= 0 && index + by >= 0 && index + by < rows.length;
  const step = useCallback(
    (by: 1 | -1) => {
      const next = rows[index + by];
      if (index >= 0 && next) void select(next.id);
    },
    [rows, index, select],
  );
  const close = useCallback(() => {
    void select(null);
    focusGrid();
  }, [select]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const sections = e.altKey && !e.ctrlKey && !e.metaKey ? PANE_SECTIONS.filter((p) => p.key === e.key) : [];
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        step(e.key === 'ArrowDown' ? 1 : -1);
      } else if (sections.length) {
        if (sections.some((p) => jumpToSection(p.id))) e.preventDefault();
      } else if (e.key === 'Escape' && selectedId && !escapeTakenBy(e.target)) {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, close, selectedId]);

  /** The case on paper is client data leaving the screen: logged first, and no log means no print. */
  const print = async () => {
    if (!selectedId) return;
    const logged = await api.cases.printed({ id: selectedId });
    if (!logged.ok) return useQueue.setState({ error: logged.error });
    document.documentElement.classList.add('printing-case');
    try {
      window.print();
    } finally {
      document.documentElement.classList.remove('printing-case');
    }
  };
  return { canStep, step, close, print };
}

const WIDE_KEY = 'luukku.widePane';
const storage = typeof localStorage === 'undefined' ? null : localStorage;

/**
 * The detail pane narrow beside the queue, or wide (about half the screen) for working one case; the
 * choice is this workstation's (a preference, no client data) and kept across sign-ins (issue 21 item 3).
 */
export const usePaneLayout = create<{ wide: boolean; toggle(): void }>((set, get) => ({
  wide: storage?.getItem(WIDE_KEY) === '1',
  toggle() {
    const wide = !get().wide;
    storage?.setItem(WIDE_KEY, wide ? '1' : '0');
    set({ wide });
  },
}));
