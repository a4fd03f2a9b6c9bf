/**
 * The one contract between the renderer and the host: each channel's argument and result.
 * The Electron main process validates every payload with these schemas; the preload exposes
 * one function per channel; the browser edition implements the same `PuenteBridge`.
 */
import { z } from 'zod';
import { LANGS } from './facets.ts';
import { settingsPatchSchema, settingsSchema } from './settings.ts';
import { MAX_SLIDE, type Channel, type MenuCommand, type PresentationEvent } from './ipc-channels.ts';
import { userDataKeySchema, userDataWriteSchema } from './user-data.ts';
import type { RecordsRequest } from './records/records-api.ts';

export { BRIDGE_GLOBAL, CHANNELS, MENU_COMMAND_EVENT, MENU_COMMANDS, PRESENTATION_EVENT, isPresentationEvent, type Channel, type MenuCommand, type PresentationEvent } from './ipc-channels.ts';

/** A file the reader saves (an XLSForm, a CSV…): the host asks where, then writes it. */
export const fileSaveSchema = z.strictObject({
  suggestedName: z.string().regex(/^[\w.() -]{1,120}$/u, 'a plain file name, no folders'),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength <= 50 * 1024 * 1024, 'at most 50 MB'),
  filter: z.enum(['xlsx', 'csv', 'pdf', 'json', 'sqlite', 'backup']),
});
export const pdfRequestSchema = z.strictObject({
  suggestedName: z.string().regex(/^[\w.() -]{1,120}$/u, 'a plain file name, no folders'),
  pageSize: z.enum(['A4', 'Letter']),
});
export const saveResultSchema = z.strictObject({ saved: z.boolean(), path: z.string().optional() });
export type SaveResult = z.infer<typeof saveResultSchema>;

export const systemInfoSchema = z.strictObject({
  locale: z.string(),
  platform: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const ipcContract = {
  'settings:get': { arg: z.undefined(), result: settingsSchema },
  'settings:set': { arg: settingsPatchSchema, result: settingsSchema },
  'app:info': { arg: z.undefined(), result: systemInfoSchema },
  'window:print': { arg: z.undefined(), result: z.boolean() },
  'menu:set-language': { arg: z.enum(LANGS), result: z.boolean() },
  'userdata:get': { arg: userDataKeySchema, result: z.unknown() },
  'file:save': { arg: fileSaveSchema, result: saveResultSchema },
  'window:save-pdf': { arg: pdfRequestSchema, result: saveResultSchema },
  'userdata:set': { arg: userDataWriteSchema, result: z.boolean() },
  /** Presentation mode: the window full screen, or back. */
  'window:fullscreen': { arg: z.boolean(), result: z.boolean() },
  /**
   * Field records: one request to the database the host keeps. Checked once, by the records service that runs it
   * (recordsRequestSchema in common/records/records-api.ts), in Electron's records thread and in the browser's worker alike.
   */
  'records:call': { arg: z.custom<RecordsRequest>(() => true), result: z.unknown() },
  /**
   * Presentation on a second display: opens the audience window there on the page at `route` (the
   * app's hash route); false when there is one display (the presentation stays in one window).
   */
  'presentation:audience': { arg: z.strictObject({ route: z.string().regex(/^#\/[\w\-./~%]{0,300}$/u, 'an app route such as #/en/chapter-id') }), result: z.boolean() },
  /** The slide either window moved to: both windows are told (PRESENTATION_EVENT). */
  'presentation:slide': { arg: z.number().int().min(0).max(MAX_SLIDE), result: z.boolean() },
  /** The audience window has laid out its slides: it is told the slide the presenter is on. */
  'presentation:ready': { arg: z.undefined(), result: z.boolean() },
  /** Ends the presentation on two displays: the audience window closes, the presenter's window is told. */
  'presentation:end': { arg: z.undefined(), result: z.boolean() },
} as const satisfies Record<Channel, { arg: z.ZodType; result: z.ZodType }>;

export type ChannelArg<C extends Channel> = z.infer<(typeof ipcContract)[C]['arg']>;
export type ChannelResult<C extends Channel> = z.infer<(typeof ipcContract)[C]['result']>;

/** Results cross the boundary as values, never as thrown errors. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the renderer may ask of its host: one function per channel, plus menu events. */
export type PuenteBridge = {
  [C in Channel]: (arg: ChannelArg<C>) => Promise<IpcResult<ChannelResult<C>>>;
} & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onPresentationEvent(listener: (event: PresentationEvent) => void): () => void;
};
