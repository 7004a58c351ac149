/**
 * The only bridge: a typed, named API generated from the contract (`window.luukku.<area>.<op>`).
 * No raw ipcRenderer, no Node, no process.env reach the renderer. Built as CommonJS (sandboxed preload).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../shared/client';
import { channelOf } from '../shared/contract';

contextBridge.exposeInMainWorld(
  'luukku',
  createClient((name, input) => ipcRenderer.invoke(channelOf(name), input)),
);
