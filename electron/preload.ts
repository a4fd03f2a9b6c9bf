// Runs in the sandboxed preload: exposes the typed bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../common/ipc-channels.ts';
import { createPreloadBridge } from './preload-bridge.ts';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createPreloadBridge(ipcRenderer));
