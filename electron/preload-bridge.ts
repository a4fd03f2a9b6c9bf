import { CHANNELS, MENU_COMMANDS, MENU_COMMAND_EVENT, PRESENTATION_EVENT, isPresentationEvent, type MenuCommand, type PresentationEvent } from '../common/ipc-channels.ts';
import type { PuenteBridge } from '../common/ipc-contract.ts';

export interface IpcRendererLike {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The object the preload exposes: one function per channel, never ipcRenderer itself. */
export function createPreloadBridge(ipc: IpcRendererLike): PuenteBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    bridge[channel] = (arg: unknown) => ipc.invoke(channel, arg);
  }
  bridge.onMenuCommand = (listener: (command: MenuCommand) => void) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipc.on(MENU_COMMAND_EVENT, wrapped);
    return () => void ipc.removeListener(MENU_COMMAND_EVENT, wrapped);
  };
  bridge.onPresentationEvent = (listener: (event: PresentationEvent) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => {
      if (isPresentationEvent(payload)) listener(payload);
    };
    ipc.on(PRESENTATION_EVENT, wrapped);
    return () => void ipc.removeListener(PRESENTATION_EVENT, wrapped);
  };
  return Object.freeze(bridge) as PuenteBridge;
}
