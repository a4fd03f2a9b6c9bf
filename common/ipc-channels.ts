/**
 * Channel and command names of the host bridge, with no dependencies, so the sandboxed
 * preload stays one small file. Their argument and result types are in ipc-contract.ts.
 */
export const CHANNELS = ['settings:get', 'settings:set', 'app:info', 'window:print', 'menu:set-language', 'userdata:get', 'userdata:set', 'file:save', 'window:save-pdf', 'window:fullscreen', 'records:call', 'presentation:audience', 'presentation:slide', 'presentation:ready', 'presentation:end'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MENU_COMMANDS = ['search', 'print', 'home', 'lang-en', 'lang-es', 'theme-toggle', 'text-bigger', 'text-smaller'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the main process sends to the renderer. */
export const MENU_COMMAND_EVENT = 'menu:command';
/** Presentation on two displays: the slide to show (sent to both windows), or the end of the presentation. */
export const PRESENTATION_EVENT = 'presentation:event';
export type PresentationEvent = { slide: number } | { ended: true };
/** The largest slide position (the renderer names a slide by an element's position in the page; the bound keeps the payload sane). */
export const MAX_SLIDE = 999_999;

/** Checks an event's shape before the page sees it (the preload stays free of zod). */
export function isPresentationEvent(value: unknown): value is PresentationEvent {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const v = value as Record<string, unknown>;
  if (keys.length === 1 && keys[0] === 'ended') return v.ended === true;
  return keys.length === 1 && keys[0] === 'slide' && Number.isInteger(v.slide) && (v.slide as number) >= 0 && (v.slide as number) <= MAX_SLIDE;
}

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'puente';
