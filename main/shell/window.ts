import { BrowserWindow, screen } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ORIGIN } from './config';

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** Window geometry only (no client data), kept between runs. */
function loadState(file: string): WindowState {
  try {
    if (!existsSync(file)) return DEFAULT_STATE;
    const state = { ...DEFAULT_STATE, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>) };
    const visible = screen
      .getAllDisplays()
      .some(({ workArea: a }) => state.x === undefined || (state.x >= a.x - 50 && state.x < a.x + a.width));
    return visible ? state : { ...state, x: undefined, y: undefined };
  } catch {
    return DEFAULT_STATE;
  }
}

/** Hardened webPreferences (docs/architecture.md): isolated, sandboxed, no Node in the renderer. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

export function createMainWindow(options: {
  preload: string;
  userData: string;
  devServerUrl: string | undefined;
}): BrowserWindow {
  const stateFile = join(options.userData, 'window-state.json');
  const state = loadState(stateFile);
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Luukku',
    backgroundColor: '#f5f6f8',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preload },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeFileSync(stateFile, JSON.stringify({ ...bounds, maximized: window.isMaximized() }));
  });
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
