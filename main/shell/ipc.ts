/**
 * ipcMain handlers, generated from the contract: one per operation, no hand-kept channel list. Each checks
 * that the call comes from our own top-level frame before the dispatcher validates and authorises it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, operationNames } from '../../shared/contract';
import type { Core } from '../app/core';
import { dispatch } from '../ipc/dispatcher';
import { isAppUrl } from './config';

export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

export function registerIpc(core: Core, devServerUrl: string | undefined): void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Luukku’s own window.' },
        };
      }
      return dispatch(core, name, input);
    });
  }
}
