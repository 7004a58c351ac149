/**
 * Electron hardening (docs/architecture.md): no navigation away from the app, no new windows, no webviews,
 * every permission request denied, and a strict CSP on every response.
 */
import { app, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy, isAppUrl } from './config';

export function guardWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Help links may open in the system browser; nothing opens inside Luukku.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSecurityGuards(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl));
}
