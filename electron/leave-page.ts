/**
 * A page holding answers not saved (a form, the profiler) asks to stay through beforeunload;
 * Electron then keeps the window open without a word unless the main process asks the person.
 * This asks, in the app's language, and lets the page go only when the person says so.
 * The web contents and the dialog are injected (main.ts wires them; tested with a stand-in electron).
 */
import type { Lang } from '../common/facets.ts';
import { translatorFor } from '../common/i18n/catalogues.ts';

export interface LeavePageDeps {
  contents: { on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown };
  showMessageBoxSync(options: { type: 'question'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: boolean }): number;
  lang(): Lang;
}

const LEAVE = 1;

export function askBeforeLeavingPage({ contents, showMessageBoxSync, lang }: LeavePageDeps): void {
  contents.on('will-prevent-unload', (event) => {
    const t = translatorFor(lang());
    // The handler must decide before it returns: a synchronous box.
    const response = showMessageBoxSync({
      type: 'question', title: 'Puente', message: t.format('leaveDialog.message'), detail: t.format('leaveDialog.detail'),
      buttons: [t.format('leaveDialog.stay'), t.format('leaveDialog.leave')], defaultId: 0, cancelId: 0, noLink: true,
    });
    // preventDefault here overrides the page's beforeunload: the window closes or reloads.
    if (response === LEAVE) event.preventDefault();
  });
}
