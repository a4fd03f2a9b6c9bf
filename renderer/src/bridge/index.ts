import { BRIDGE_GLOBAL, type Channel, type ChannelArg, type ChannelResult, type PuenteBridge } from '../../../common/ipc-contract.ts';
import { createBrowserBridge } from './browser-bridge.ts';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: PuenteBridge;
  }
}

/** The host: Electron's preload bridge when present, otherwise the browser edition's. */
export const bridge: PuenteBridge = window[BRIDGE_GLOBAL] ?? createBrowserBridge();

/** Calls a bridge channel and returns its value, throwing the host's error message if it failed. */
export async function call<C extends Channel>(channel: C, ...arg: ChannelArg<C> extends undefined ? [] : [ChannelArg<C>]): Promise<ChannelResult<C>> {
  const fn = bridge[channel] as (a: unknown) => ReturnType<PuenteBridge[C]>;
  const result = await fn(arg[0]);
  if (!result.ok) throw new Error(`${channel}: ${result.error}`);
  return result.value as ChannelResult<C>;
}
