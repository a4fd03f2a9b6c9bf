import type { PuenteBridge } from '../../../common/ipc-contract.ts';
import { CHANNELS } from '../../../common/ipc-channels.ts';

/**
 * A bridge whose implementation loads with its first call, so that it is not part of the app's
 * first script. A failed load is answered like any failed call, as a value, never thrown.
 */
export function lazyBridge(load: () => Promise<PuenteBridge>): PuenteBridge {
  let loading: Promise<PuenteBridge> | undefined;
  const loaded = () => (loading ??= load());
  const bridge: Record<string, unknown> = Object.fromEntries(CHANNELS.map((channel) => [channel, async (arg: unknown) => {
    let target: PuenteBridge;
    try {
      target = await loaded();
    } catch (e) {
      return { ok: false, error: `the app could not load its host bridge: ${e instanceof Error ? e.message : String(e)}` };
    }
    return (target[channel] as (a: unknown) => Promise<unknown>)(arg);
  }]));
  // Listeners subscribe once the implementation has loaded.
  const listen = <K extends 'onMenuCommand' | 'onPresentationEvent'>(name: K) => (listener: Parameters<PuenteBridge[K]>[0]) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void loaded().then((target) => {
      if (!stopped) stop = (target[name] as (l: typeof listener) => () => void)(listener);
    }, () => undefined); // the failed load is reported by the channel calls (the first is settings:get, at start)
    return () => {
      stopped = true;
      stop?.();
    };
  };
  bridge.onMenuCommand = listen('onMenuCommand');
  bridge.onPresentationEvent = listen('onPresentationEvent');
  return bridge as PuenteBridge;
}
