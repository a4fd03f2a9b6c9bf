import { APP_SCHEME } from '../../../common/app-files.ts';
import type { Lang } from '../../../common/facets.ts';
import type { PuenteBridge } from '../../../common/ipc-contract.ts';
import { CHANNELS } from '../../../common/ipc-channels.ts';

const MISSING_PRELOAD: Record<Lang, string> = {
  en: 'Puente cannot reach the desktop app that runs it: its preload script did not load, so settings, field records and saving files are unavailable. Nothing was changed. Install Puente again, or report this problem with the version you installed.',
  es: 'Puente no puede comunicarse con la aplicación de escritorio que lo ejecuta: su script de precarga no se cargó, así que la configuración, los registros de campo y el guardado de archivos no están disponibles. No se cambió nada. Instale Puente de nuevo o informe de este problema indicando la versión instalada.',
};

/** A bridge that answers every call with the same error, so no part of the app acts as if it had a host. */
function refusingBridge(error: string): PuenteBridge {
  const bridge: Record<string, unknown> = Object.fromEntries(CHANNELS.map((channel) => [channel, () => Promise.resolve({ ok: false, error })]));
  bridge.onMenuCommand = () => () => undefined;
  bridge.onPresentationEvent = () => () => undefined;
  return bridge as unknown as PuenteBridge;
}

export interface BridgeChoice {
  /** The page's protocol (`location.protocol`): under app:// only the preload may serve. */
  protocol: string;
  /** What the preload exposed, if it ran. */
  preload: PuenteBridge | undefined;
  lang: Lang;
  browserBridge(): PuenteBridge;
  /** Puts the message in front of the person. */
  showFault(message: string): void;
}

/**
 * The host: Electron's preload bridge when present; the browser edition's over http:// and
 * file://. Under app:// without the preload the app is broken: it says so, and never falls
 * back to the browser bridge (which would keep settings and records where Electron never looks).
 */
export function chooseBridge({ protocol, preload, lang, browserBridge, showFault }: BridgeChoice): PuenteBridge {
  if (preload) return preload;
  if (protocol !== `${APP_SCHEME}:`) return browserBridge();
  const message = MISSING_PRELOAD[lang];
  showFault(message);
  return refusingBridge(message);
}
