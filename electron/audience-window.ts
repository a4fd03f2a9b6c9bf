/**
 * Presentation on two displays: the audience window shows the slide alone, full screen on the
 * display the presenter's window is not on; the presenter's window keeps the notes and the timer.
 * Both windows are told the slide either one moves to, and closing either ends the presentation.
 * Windows and displays are injected (main.ts wires them; tested with a stand-in electron).
 */
import { PRESENTATION_EVENT, type PresentationEvent } from '../common/ipc-channels.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PresentationWindow {
  getBounds(): Rect;
  isDestroyed(): boolean;
  close(): void;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  loadURL(url: string): Promise<unknown>;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

export interface AudienceDeps {
  displays(): Array<{ bounds: Rect }>;
  presenter(): PresentationWindow | null;
  /** A window with the app's webPreferences and security policy, placed and full screen as asked. */
  createWindow(placement: Rect): PresentationWindow;
  entryUrl: string;
  log(message: string): void;
}

/** The audience's display: the first one that does not hold the centre of the presenter's window. */
export function audienceDisplay(displays: Rect[], presenter: Rect): Rect | undefined {
  const cx = presenter.x + presenter.width / 2;
  const cy = presenter.y + presenter.height / 2;
  const holds = (d: Rect) => cx >= d.x && cx < d.x + d.width && cy >= d.y && cy < d.y + d.height;
  const home = displays.find(holds) ?? displays[0];
  return displays.find((d) => d !== home);
}

/** The page the audience window loads: the presenter's route, marked as the audience's view. */
export const audienceUrl = (entryUrl: string, route: string) => `${entryUrl}?view=audience${route}`;

export function createAudienceHost(deps: AudienceDeps) {
  let audience: PresentationWindow | null = null;
  // The slide last moved to: the audience window, ready after the presenter may have moved, starts there.
  let lastSlide: number | undefined;
  const tell = (target: PresentationWindow | null, event: PresentationEvent) => {
    if (target && !target.isDestroyed()) target.webContents.send(PRESENTATION_EVENT, event);
  };
  const end = () => {
    const closing = audience;
    audience = null;
    if (closing && !closing.isDestroyed()) closing.close();
  };
  return {
    /** Opens the audience window on the other display; false (nothing opened) with one display. */
    async open(route: string): Promise<boolean> {
      const presenter = deps.presenter();
      if (!presenter) return false;
      const display = audienceDisplay(deps.displays().map((d) => d.bounds), presenter.getBounds());
      if (!display) return false;
      end();
      lastSlide = undefined;
      const opened = deps.createWindow(display);
      audience = opened;
      opened.once('ready-to-show', () => opened.show());
      opened.on('closed', () => {
        // The audience closed its window (or the presenter ended): the presenter's window leaves the presentation.
        if (audience === opened) audience = null;
        tell(deps.presenter(), { ended: true });
      });
      try {
        await opened.loadURL(audienceUrl(deps.entryUrl, route));
      } catch (e) {
        deps.log(`the audience window could not load: ${e instanceof Error ? e.message : String(e)}`);
        end();
        throw e;
      }
      return true;
    },
    /** Both windows show the slide either one moved to. */
    slide(slide: number): boolean {
      if (!audience) return false;
      lastSlide = slide;
      tell(audience, { slide });
      tell(deps.presenter(), { slide });
      return true;
    },
    /** The audience window is ready to show slides: it goes to the one the presenter is on. */
    ready(): boolean {
      if (!audience) return false;
      if (lastSlide !== undefined) tell(audience, { slide: lastSlide });
      return true;
    },
    /** Closes the audience window, if open (the presentation ended, or the presenter's window closed). */
    end(): boolean {
      const was = audience !== null;
      end();
      return was;
    },
    isOpen: () => audience !== null,
  };
}
