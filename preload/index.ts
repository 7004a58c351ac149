/**
 * The only bridge: a typed, named API generated from the contract (`window.luukku.<area>.<op>`).
 * No raw ipcRenderer, no Node, no process.env reach the renderer. Built as CommonJS (sandboxed preload).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../shared/client';
import { channelOf } from '../shared/contract';
import { LIVE_CHANNELS, type LiveEvent } from '../shared/liveChanges';

contextBridge.exposeInMainWorld(
  'luukku',
  createClient((name, input) => ipcRenderer.invoke(channelOf(name), input)),
);

// Live updates in county mode (main/shell/ipc.ts registerLive): nothing arrives on the workstation's own store.
contextBridge.exposeInMainWorld('luukkuLive', {
  open(handler: (event: LiveEvent) => void): () => void {
    const listener = (_event: unknown, live: LiveEvent) => handler(live);
    ipcRenderer.on(LIVE_CHANNELS.event, listener);
    ipcRenderer.send(LIVE_CHANNELS.open);
    return () => {
      ipcRenderer.removeListener(LIVE_CHANNELS.event, listener);
      ipcRenderer.send(LIVE_CHANNELS.close);
    };
  },
});
