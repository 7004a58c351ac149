/**
 * ipcMain handlers, generated from the contract: one per operation, no hand-kept channel list. Each checks
 * that the call comes from our own top-level frame before the call goes on: to the dispatcher on this
 * workstation's own store, or to the county server in county mode (main/client). The renderer cannot tell.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CountyServerClient } from '../client/countyServerClient';
import { LIVE_CHANNELS } from '../../shared/liveChanges';
import { channelOf, operationNames, type OperationName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { isAppUrl } from './config';

/** Where the renderer's calls go: `dispatch(core, …)` locally, or the county server's client. */
export type Send = (name: OperationName, input: unknown) => Promise<Result<unknown>>;

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  devServerUrl: string | undefined,
): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

export function registerIpc(send: Send, devServerUrl: string | undefined): void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Luukku’s own window.' },
        };
      }
      return send(name, input);
    });
  }
}

/**
 * In county mode: the session's live updates for the window. The main process holds the session, so it reads
 * the server's event stream and passes each event on; one stream per window, opened and closed by the
 * renderer (renderer/src/state/liveUpdates.ts) at sign-in and sign-out.
 */
export function registerLive(client: Pick<CountyServerClient, 'openEvents'>, devServerUrl: string | undefined): void {
  let close: (() => void) | null = null;
  ipcMain.on(LIVE_CHANNELS.open, (event) => {
    if (!isTrustedSender(event, devServerUrl)) return;
    close?.();
    const window = event.sender;
    close = client.openEvents((live) => {
      if (!window.isDestroyed()) window.send(LIVE_CHANNELS.event, live);
    });
  });
  ipcMain.on(LIVE_CHANNELS.close, (event) => {
    if (!isTrustedSender(event, devServerUrl)) return;
    close?.();
    close = null;
  });
}
