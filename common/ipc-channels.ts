/**
 * Channel and command names of the host bridge, with no dependencies, so the sandboxed
 * preload stays one small file. Their argument and result types are in ipc-contract.ts.
 */
export const CHANNELS = ['settings:get', 'settings:set', 'app:info', 'window:print', 'menu:set-language', 'userdata:get', 'userdata:set', 'file:save', 'window:save-pdf', 'window:fullscreen', 'records:call'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MENU_COMMANDS = ['search', 'print', 'home', 'lang-en', 'lang-es', 'theme-toggle', 'text-bigger', 'text-smaller'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the main process sends to the renderer. */
export const MENU_COMMAND_EVENT = 'menu:command';

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'puente';
