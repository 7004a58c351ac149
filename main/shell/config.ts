/** Where the renderer comes from: the custom app:// origin in production, the dev server in development. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'luukku';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy as a <meta> tag in the built index.html (frame-ancestors is honoured only as a header). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '');

/** In development only: Vite's HMR needs its inline preamble and a websocket. */
export function contentSecurityPolicy(devServerUrl: string | undefined): string {
  if (!devServerUrl) return CONTENT_SECURITY_POLICY;
  const ws = devServerUrl.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/** True for a URL our own renderer is served from; everything else is foreign. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
    return !!devServerUrl && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
