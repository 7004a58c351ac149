import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module and the ABI differs between plain Node (CLI, tests) and Electron.
 * Under Node the package's own build is used; under Electron `scripts/start.mjs` keeps a second build in
 * `build/native/electron-<version>/`, passed as `nativeBinding` (architecture.md: no rebuild ping-pong).
 */
export function nativeBinding(): string | undefined {
  const electronVersion = process.versions.electron;
  if (!electronVersion) return undefined;
  const candidates = [
    process.env.LUUKKU_NATIVE_BINDING,
    join(process.cwd(), 'build', 'native', `electron-${electronVersion}`, 'better_sqlite3.node'),
    join((process as { resourcesPath?: string }).resourcesPath ?? '', 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
