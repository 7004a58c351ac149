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
