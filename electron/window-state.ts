import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
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
