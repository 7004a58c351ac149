/**
 * What the county server and its clients agree on beyond the contract: the name of the session cookie the
 * server sets (main/server/sessions.ts) and the desktop app's main process keeps (main/client).
 */
export const SESSION_COOKIE = 'luukku_session';
