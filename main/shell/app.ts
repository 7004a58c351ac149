/**
 * The desktop app's start-up: single instance, hardening, the app:// protocol, the core (store and
 * session), IPC, window and menus. All Electron wiring lives in main/shell; the rest runs under plain Node.
 *
 * With `county-server.json` in the app's data folder (main/client/countyServerConfig.ts) the app is a client
 * of the county server instead: no store on this workstation, every call forwarded by the main process,
 * which alone holds the session; the desktop's own timers (the due digest, the store's backups) are the
 * server's business then.
 */
import { app, BrowserWindow } from 'electron';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileWitness, sealedWitness } from '../store/auditWitness';
import { Core } from '../app/core';
import { installSecurityGuards } from './guards';
import { registerIpc, registerLive } from './ipc';
import { dispatch } from '../ipc/dispatcher';
import { CountyServerClient } from '../client/countyServerClient';
import { readCountyServerConfig } from '../client/countyServerConfig';
import { osKeychain } from './keychain';
import type { Language } from '../../shared/contract';
import { mainText } from '../text';
import { buildMenu } from './menu';
import { startDueNotifications } from './notifications';
import { startBackupSchedule } from '../areas/backups/backups';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

/** `--db FILE` or LUUKKU_DB opens another store (e.g. a demo); by default the store lives in userData. */
export function storePathFrom(argv: string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = argv.findIndex((a) => a === '--db');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1]!;
  return env.LUUKKU_DB || join(userData, 'luukku.db');
}

/**
 * Where the app keeps the audit log's last-seen head (store/auditWitness.ts): in the user's application
 * data but never in the store's folder, one file per store path. It is sealed by the OS keychain.
 */
export function witnessPathFor(appData: string, storePath: string): string {
  const id = createHash('sha256').update(resolve(storePath)).digest('hex').slice(0, 24);
  return join(appData, 'Luukku-audit-witness', `${id}.witness`);
}

export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  registerAppScheme();
  let window: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.whenReady().then(async () => {
    installSecurityGuards(devServerUrl);
    serveRenderer(join(import.meta.dirname, '../renderer'));
    const openWindow = () =>
      createMainWindow({
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        userData: app.getPath('userData'),
        devServerUrl,
      });
    let language: Language = 'fi';

    const countyServerFile = join(app.getPath('userData'), 'county-server.json');
    const countyServer = readCountyServerConfig(countyServerFile);
    if (countyServer) {
      const client = new CountyServerClient({ ...countyServer, version: app.getVersion() });
      registerIpc(async (name, input) => {
        if (name === 'ui.setLanguage' && window) {
          language = (input as { language: Language }).language;
          buildMenu(window, language);
        }
        return client.call(name, input);
      }, devServerUrl);
      registerLive(client, devServerUrl);
      window = openWindow();
      buildMenu(window, language);
      return;
    }

    const storePath = storePathFrom(process.argv, process.env, app.getPath('userData'));
    const keychain = osKeychain();
    core = new Core({
      storePath,
      version: app.getVersion(),
      keychain,
      quickCheck: true,
      // At the first start the user may name the county server instead (areas/session/countyServerChoice.ts).
      countyServerChoice: {
        configPath: countyServerFile,
        restart: () => {
          app.relaunch();
          app.exit(0);
        },
      },
      // Only a real keychain can seal it: without one, anyone with the files could rewrite it too.
      ...(keychain && {
        witness: sealedWitness(fileWitness(witnessPathFor(app.getPath('appData'), storePath)), keychain),
      }),
    });
    await core.start();
    const local = core;
    registerIpc((name, input) => dispatch(local, name, input), devServerUrl);
    window = openWindow();
    buildMenu(window, language);
    core.on('language', (next) => {
      language = next;
      if (window) buildMenu(window, language);
    });
    const stopNotifications = startDueNotifications(
      core,
      () => window,
      () => mainText(language),
    );
    app.on('will-quit', stopNotifications);
    app.on('will-quit', startBackupSchedule(core));
  });

  app.on('window-all-closed', () => app.quit());
  // Close the store before exiting, so the WAL is checkpointed and removed.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
