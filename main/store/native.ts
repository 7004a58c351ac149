import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The app's own folder: `out/main/` in the built app and `main/store/` from source both sit two levels
 * below it (the module is bundled into the main process and into the workers that open the store).
 */
const APP_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * better-sqlite3 is a native module and the ABI differs between plain Node (CLI, tests) and Electron.
 * Under Node the package's own build is used; under Electron `scripts/start.mjs` keeps a second build in
 * `build/native/electron-<version>/` of the app's folder, passed as `nativeBinding` (docs/architecture.md: no
 * rebuild ping-pong). A packaged app carries it in its resources.
 *
 * Native code runs with the user's rights and sees the decrypted store, so it is loaded only from the
 * app's own folder or resources: never from the working directory or a path an environment variable
 * names, where anyone who can drop a file (or set the variable for the user) could plant their own.
 */
export function nativeBinding(
  electronVersion: string | undefined = process.versions.electron,
  appRoot: string = APP_ROOT,
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
): string | undefined {
  if (!electronVersion) return undefined;
  const candidates = [
    join(appRoot, 'build', 'native', `electron-${electronVersion}`, 'better_sqlite3.node'),
    ...(resourcesPath ? [join(resourcesPath, 'native', 'better_sqlite3.node')] : []),
  ];
  return candidates.find((p) => existsSync(p));
}
