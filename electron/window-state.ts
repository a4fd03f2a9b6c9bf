import { z } from 'zod';

/** The smallest window the app allows (a phone-width layout): the window and its saved state both use it. */
export const WINDOW_MINIMUM = { width: 360, height: 400 } as const;

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(WINDOW_MINIMUM.width),
  height: z.number().int().min(WINDOW_MINIMUM.height),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The remembered window bounds, kept only if enough of the window would be visible on one
 * of the current displays (a monitor may have been unplugged since); otherwise centred defaults.
 */
export function restoreWindowState(saved: WindowState, displays: Rect[]): WindowState {
  if (saved.x === undefined || saved.y === undefined) return { ...saved, x: undefined, y: undefined };
  const visible = displays.some((d) => {
    const overlapW = Math.min(saved.x! + saved.width, d.x + d.width) - Math.max(saved.x!, d.x);
    const overlapH = Math.min(saved.y! + saved.height, d.y + d.height) - Math.max(saved.y!, d.y);
    return overlapW >= 100 && overlapH >= 60;
  });
  if (!visible) return { width: saved.width, height: saved.height, maximized: saved.maximized };
  const largest = displays.reduce((a, d) => (d.width * d.height > a.width * a.height ? d : a), displays[0]);
  return { ...saved, width: Math.min(saved.width, largest.width), height: Math.min(saved.height, largest.height) };
}

/** The slice of a BrowserWindow whose place and size are remembered. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface WindowStateStore {
  set(state: WindowState): Promise<unknown>;
  flush(): Promise<void>;
}

/**
 * Remembers the window's place and size: a moment after it stops moving, and when it closes.
 * `flush` writes what is still waiting (at quit) and rejects if the file cannot be written.
 */
export function trackWindowState(win: TrackedWindow, store: WindowStateStore, debounceMs = 400) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    // A failed write stays pending in the store; the flush at quit tries again and reports it.
    store.set({ ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined);
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, saveSoon);
  win.on('close', saveNow);
  return {
    async flush(): Promise<void> {
      if (timer !== undefined) saveNow();
      await store.flush();
    },
  };
}
