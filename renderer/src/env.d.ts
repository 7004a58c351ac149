/// <reference types="vite/client" />
import type { LuukkuApi } from '../../shared/client';

declare global {
  /** The Luukku release this renderer was built as (electron.vite.config.ts). */
  const __LUUKKU_VERSION__: string;
  interface Window {
    luukku: LuukkuApi;
    /** Only in e2e builds: the harness's transport into the same dispatcher (docs/architecture.md). */
    __luukkuInvoke?: (name: string, input: unknown) => Promise<never>;
  }
}

export {};
