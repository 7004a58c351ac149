/**
 * What the county server's event stream sends (issue 20 item 5, `GET /api/events`): after each commit, the
 * topics it touched and, of the cases, those in the receiving session's scope. Never client data.
 */
export const LIVE_TOPICS = ['cases', 'roster', 'inbox', 'team', 'settings', 'directory', 'advice'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export interface LiveChange {
  topics: LiveTopic[];
  /** The changed cases in this session's scope; null: they cannot be named, so every case shown refreshes. */
  caseIds: string[] | null;
  /** Cases new to some page: registered, imported, or moved into someone's scope; any queue page refreshes. */
  created: boolean;
}

/**
 * The same stream in the desktop app on a county server (issue 20 item 4): its main process reads it (the
 * session is there, main/client) and passes each event to the window on `LIVE_CHANNELS.event`; the preload
 * gives the renderer `window.luukkuLive.open(handler)`.
 */
export type LiveEvent =
  | { type: 'ready' }
  | { type: 'message'; data: string }
  | { type: 'ended'; data: string }
  /** The stream is gone (the server refused it or cannot be reached): the renderer checks and opens it again. */
  | { type: 'closed' };

export const LIVE_CHANNELS = { open: 'luukku:live-open', close: 'luukku:live-close', event: 'luukku:live' } as const;
