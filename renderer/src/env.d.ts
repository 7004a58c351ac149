/// <reference types="vite/client" />
import type { LuukkuApi } from '../../shared/client';
import type { LiveEvent } from '../../shared/liveChanges';

declare global {
  /** The Luukku release this renderer was built as (electron.vite.config.ts). */
  const __LUUKKU_VERSION__: string;
  interface Window {
    luukku: LuukkuApi;
    /** Only in e2e builds: the harness's transport into the same dispatcher (docs/architecture.md). */
    __luukkuInvoke?: (name: string, input: unknown) => Promise<never>;
    /** The desktop app's live updates from its county server (preload; silent on the workstation's own store). */
    luukkuLive?: { open(handler: (event: LiveEvent) => void): () => void };
  }
}

export {};
