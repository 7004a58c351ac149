/**
 * The Electron shell's wiring, against a mocked `electron` module: security flags, guards, protocol
 * confinement, keychain policy and one IPC handler per contract operation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    maximize() {}
  }
  return {
    handlers,
    appListeners,
    windows,
    session,
    backend: 'gnome_libsecret',
    encryptionAvailable: true,
    module: {
      app: {
        on: vi.fn((name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn)),
        getVersion: () => '1.2.3',
      },
      ipcMain: {
        handle: vi.fn((channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn)),
        on: vi.fn((channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn)),
      },
      session: { defaultSession: session },
      shell: { openExternal: vi.fn() },
      BrowserWindow,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      safeStorage: {
        isEncryptionAvailable: () => electron.encryptionAvailable,
        getSelectedStorageBackend: () => electron.backend,
        encryptString: (s: string) => Buffer.from(s.split('').reverse().join('')),
        decryptString: (b: Buffer) => b.toString().split('').reverse().join(''),
      },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      dialog: { showMessageBox: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() },
      Notification: Object.assign(
        vi.fn(function (this: { options: unknown; on: unknown; show: unknown }, options: unknown) {
          this.options = options;
          this.on = vi.fn();
          this.show = vi.fn();
          electron.notifications.push(options);
        }),
        { isSupported: () => true },
      ),
    },
    notifications: [] as unknown[],
  };
});
vi.mock('electron', () => electron.module);
vi.mock('../../main/areas/team/dueDigest', () => ({
  DueDigest: class {
    next = vi.fn(async () => ({ overdue: 2, dueSoon: 1 }));
    reset = vi.fn();
  },
}));

const { guardWebContents, installSecurityGuards } = await import('../../main/shell/guards');
const { createMainWindow } = await import('../../main/shell/window');
const { registerIpc, registerLive } = await import('../../main/shell/ipc');
const { LIVE_CHANNELS } = await import('../../shared/liveChanges');
const { osKeychain } = await import('../../main/shell/keychain');
const { resolveRendererFile } = await import('../../main/shell/protocol');
const { menuTemplate } = await import('../../main/shell/menu');
const { storePathFrom, witnessPathFor } = await import('../../main/shell/app');
const { startDueNotifications, DIGEST_INTERVAL_MS } = await import('../../main/shell/notifications');
const { Core } = await import('../../main/app/core');
const { dispatch } = await import('../../main/ipc/dispatcher');
const { channelOf, operationNames } = await import('../../shared/contract');

const dir = mkdtempSync(join(tmpdir(), 'luukku-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, fn: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    navigate(url: string, event = 'will-navigate') {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('Electron shell wiring', () => {
  beforeEach(() => vi.clearAllMocks());

  it('creates the window isolated, sandboxed and without Node, loading the app:// origin', () => {
    createMainWindow({ preload: '/app/preload/index.cjs', userData: dir, devServerUrl: undefined });
    const window = electron.windows.at(-1)!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      preload: '/app/preload/index.cjs',
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://luukku/index.html');
  });

  it('blocks navigation away from the app, webviews and every new window', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, undefined);
    expect(contents.navigate('https://evil.example/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://luukku/index.html')).toBe(false);
    expect(contents.navigate('https://evil.example/', 'will-redirect')).toBe(true);
    expect(contents.open('https://thl.fi/')).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://thl.fi/');
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and adds the strict CSP header', () => {
    installSecurityGuards(undefined);
    const request = electron.session.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = electron.session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(check()).toBe(false);
    const onHeaders = electron.session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: unknown) => void,
    ) => void;
    const headers = vi.fn();
    onHeaders({ responseHeaders: {} }, headers);
    expect(headers.mock.calls[0]![0]).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("script-src 'self';")] },
    });
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveRendererFile('/app/renderer', 'app://luukku/')).toBe('/app/renderer/index.html');
    expect(resolveRendererFile('/app/renderer', 'app://luukku/assets/a.js')).toBe('/app/renderer/assets/a.js');
    expect(resolveRendererFile('/app/renderer', 'app://luukku/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveRendererFile('/app/renderer', 'app://other/index.html')).toBeNull();
  });

  it('uses the OS keychain only when a real one backs safeStorage', () => {
    electron.backend = 'basic_text';
    expect(osKeychain('linux')).toBeNull();
    electron.backend = 'gnome_libsecret';
    const keychain = osKeychain('linux')!;
    expect(keychain.backend).toBe('gnome_libsecret');
    const key = Buffer.alloc(32, 9);
    expect(keychain.decrypt(keychain.encrypt(key)).equals(key)).toBe(true);
    electron.encryptionAvailable = false;
    expect(osKeychain('darwin')).toBeNull();
    electron.encryptionAvailable = true;
  });

  it('registers exactly one handler per contract operation and refuses foreign senders', async () => {
    const core = new Core({ storePath: join(dir, 'none.db'), version: 't' });
    await core.start();
    registerIpc((name, input) => dispatch(core, name, input), undefined);
    expect([...electron.handlers.keys()].sort()).toEqual(operationNames.map(channelOf).sort());
    const handler = electron.handlers.get(channelOf('app.status'))!;
    const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    await expect(handler(frame('app://luukku/index.html'), {})).resolves.toMatchObject({
      ok: true,
      value: { phase: 'SETUP' },
    });
    await expect(handler(frame('https://evil.example/'), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(handler(frame('app://luukku/index.html', {}), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(handler(frame('app://luukku/index.html'), { unexpected: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('passes a county server’s live updates to Luukku’s own window only, and closes the stream on request', () => {
    const opened: ((event: unknown) => void)[] = [];
    const closed = vi.fn();
    registerLive(
      {
        openEvents: (onEvent) => {
          opened.push(onEvent as (event: unknown) => void);
          return closed;
        },
      },
      undefined,
    );
    const sent: unknown[] = [];
    const sender = { isDestroyed: () => false, send: (channel: string, event: unknown) => sent.push([channel, event]) };
    const from = (url: string) => ({ senderFrame: { url, parent: null }, sender });
    electron.handlers.get(LIVE_CHANNELS.open)!(from('https://evil.example/'), undefined);
    expect(opened).toHaveLength(0);
    electron.handlers.get(LIVE_CHANNELS.open)!(from('app://luukku/index.html'), undefined);
    opened[0]!({ type: 'ready' });
    expect(sent).toEqual([[LIVE_CHANNELS.event, { type: 'ready' }]]);
    electron.handlers.get(LIVE_CHANNELS.close)!(from('app://luukku/index.html'), undefined);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('labels the native menus in the UI language and has an About box', () => {
    const about = vi.fn();
    const t = ((key: string) => ({ 'menu.help': 'Hjälp', 'menu.about': 'Om Luukku' })[key] ?? key) as never;
    const template = menuTemplate(t, about);
    const help = template.find((m) => m.label === 'Hjälp')!;
    const item = (help.submenu as { label: string; click: () => void }[])[0]!;
    expect(item.label).toBe('Om Luukku');
    item.click();
    expect(about).toHaveBeenCalled();
  });

  it('shows a digest notification with counts only, and only to a signed-in case worker', async () => {
    vi.useFakeTimers();
    try {
      let phase = 'SIGNED_OUT';
      const core = {
        status: () => ({ phase, user: phase === 'SIGNED_IN' ? { id: 'u1', role: 'ASSESSMENT_SW' } : null }),
      };
      const t = ((key: string, o?: { count: number }) => (o ? `${key}:${o.count}` : key)) as never;
      const stop = startDueNotifications(
        core as never,
        () => null,
        () => t,
      );
      await vi.advanceTimersByTimeAsync(61_000);
      expect(electron.notifications).toHaveLength(0);
      phase = 'SIGNED_IN';
      await vi.advanceTimersByTimeAsync(DIGEST_INTERVAL_MS);
      expect(electron.notifications).toEqual([
        { title: 'notifications.title', body: 'notifications.overdue:2 notifications.dueSoon:1' },
      ]);
      stop();
      await vi.advanceTimersByTimeAsync(DIGEST_INTERVAL_MS * 2);
      expect(electron.notifications).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the store named by --db or LUUKKU_DB, else the one in userData', () => {
    expect(storePathFrom(['electron', '.', '--db', '/data/demo.db'], {}, '/u')).toBe('/data/demo.db');
    expect(storePathFrom(['electron', '.'], { LUUKKU_DB: '/data/x.db' }, '/u')).toBe('/data/x.db');
    expect(storePathFrom(['electron', '.'], {}, '/u')).toBe('/u/luukku.db');
  });

  it("keeps the audit log's witness outside the store's folder, one per store", () => {
    // userData is appData/Luukku: the store's own folder, which a copy of the store folder brings back.
    const store = '/home/a/.config/Luukku/luukku.db';
    const witness = witnessPathFor('/home/a/.config', store);
    expect(witness.startsWith('/home/a/.config/Luukku/')).toBe(false);
    expect(witness.startsWith('/home/a/.config/')).toBe(true);
    expect(witnessPathFor('/home/a/.config', '/data/demo.db')).not.toBe(witness);
  });
});
