import type { ChannelArg, ChannelResult, PuenteBridge } from '../../../common/ipc-contract.ts';
import { BRIDGE_GLOBAL, type Channel } from '../../../common/ipc-channels.ts';
import { languageFromLocale } from '../../../common/routes.ts';
import { chooseBridge } from './choose-bridge.ts';
import { lazyBridge } from './lazy-bridge.ts';
import { failureMessage } from './failure-message.ts';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: PuenteBridge;
  }
}

/** Shown in place of the app when it cannot start at all (React never renders). */
function showFault(message: string): void {
  const notice = document.createElement('p');
  notice.setAttribute('role', 'alert');
  notice.className = 'host-fault';
  notice.textContent = message;
  (document.getElementById('root') ?? document.body).replaceChildren(notice);
}

/** The host: Electron's preload bridge, or the browser edition's (see chooseBridge). */
export const bridge: PuenteBridge = chooseBridge({
  protocol: location.protocol,
  preload: window[BRIDGE_GLOBAL],
  lang: languageFromLocale(globalThis.navigator?.language),
  // Loaded on its first call: its checks of stored data (zod) are not needed under Electron, whose host checks them.
  browserBridge: () => lazyBridge(() => import('./browser-bridge.ts').then((m) => m.createBrowserBridge())),
  showFault,
});

/** Calls a bridge channel and returns its value, throwing the host's error message if it failed. */
export async function call<C extends Channel>(channel: C, ...arg: ChannelArg<C> extends undefined ? [] : [ChannelArg<C>]): Promise<ChannelResult<C>> {
  const fn = bridge[channel] as (a: unknown) => ReturnType<PuenteBridge[C]>;
  const result = await fn(arg[0]);
  if (!result.ok) throw new Error(failureMessage(channel, result.error));
  return result.value as ChannelResult<C>;
}
