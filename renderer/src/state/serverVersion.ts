/**
 * The county server was upgraded after this page was loaded (issue 20 item 7): it answers "reload" instead of
 * serving an older page's calls, and the workspace says so with a button to reload (ConnectionBanner).
 */
import { create } from 'zustand';

export const useServerVersion = create<{ newer: string | null }>(() => ({ newer: null }));
