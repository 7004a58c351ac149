/// <reference types="vite/client" />
import type { LuukkuApi } from '../../shared/client';

declare global {
  interface Window {
    luukku: LuukkuApi;
    /** Only in e2e builds: the harness's transport into the same dispatcher (docs/architecture.md). */
    __luukkuInvoke?: (name: string, input: unknown) => Promise<never>;
  }
}

export {};
