import { createClient } from '../../shared/client';

/**
 * In the desktop app the preload provides `window.luukku`. In an e2e build the Playwright harness exposes
 * one function into the very same IPC dispatcher, and the client is built over it: only the transport differs.
 */
export function ensureBridge(): void {
  if (import.meta.env.MODE === 'e2e' && !window.luukku && window.__luukkuInvoke) {
    const invoke = window.__luukkuInvoke;
    window.luukku = createClient((name, input) => invoke(name, input));
  }
}
