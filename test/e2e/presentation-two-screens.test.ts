/**
 * Presentation on two displays, in Chromium: the built renderer in two pages, the presenter's and
 * the audience's (opened at ?view=audience, as Electron's main process opens it on the second
 * display). The host is a stand-in preload bridge installed before the app's scripts: it answers
 * as electron/audience-window.ts does (tells both windows the slide, starts the audience on the
 * presenter's slide, closes the audience's window when the presentation ends), over a
 * BroadcastChannel between the two pages. The main-process side is test/e2e/main-process.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { userDataDefaults } from '../../common/user-data.ts';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const MODULE = 'parents-mothers-care-school-income';
// Opening a page and loading the app takes seconds on a busy machine: longer than expect.poll's default second.
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });

/** Runs in each page before the app: the bridge Electron's preload would expose, with the main process played over a BroadcastChannel. */
function standInHost({ settings, userData }: { settings: unknown; userData: Record<string, unknown> }) {
  const link = new BroadcastChannel('puente-test-host');
  const listeners = new Set<(e: unknown) => void>();
  const audience = new URLSearchParams(location.search).get('view') === 'audience';
  let lastSlide: number | undefined;
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const deliver = (event: { slide?: number; ended?: true }) => {
    if (event.slide !== undefined) lastSlide = event.slide;
    for (const l of listeners) l(event);
  };
  link.onmessage = ({ data }) => {
    if (data.ready) {
      if (!audience && lastSlide !== undefined) link.postMessage({ slide: lastSlide });
    } else deliver(data);
  };
  const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  (window as unknown as { puente: unknown }).puente = {
    'settings:get': () => ok(settings),
    'settings:set': (patch: object) => ok({ ...(settings as object), ...patch }),
    'app:info': () => ok({ locale: navigator.language, platform: 'test', version: '0.0.0', host: 'electron' }),
    'window:print': () => ok(true),
    'menu:set-language': () => ok(true),
    'userdata:get': (key: string) => ok(userData[key]),
    'userdata:set': () => ok(true),
    'file:save': () => ok({ saved: false }),
    'window:save-pdf': () => ok({ saved: false }),
    'window:fullscreen': () => ok(true),
    'records:call': () => Promise.resolve({ ok: false, error: 'no records in this test' }),
    'presentation:audience': ({ route }: { route: string }) => w.__openAudience!(route).then(ok, (e: Error) => ({ ok: false, error: `presentation:audience: ${e.message}` })),
    'presentation:slide': (slide: number) => {
      link.postMessage({ slide });
      deliver({ slide });
      return ok(true);
    },
    'presentation:ready': () => {
      link.postMessage({ ready: true });
      return ok(true);
    },
    'presentation:end': () => w.__endPresentation!().then(ok),
    onMenuCommand: () => () => undefined,
    onPresentationEvent: (l: (e: unknown) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The two windows of one presentation, the host's part played by the test. */
async function twoScreens({ lang = 'en', failToOpen = false } = {}): Promise<{ presenter: Page; audience: () => Page | undefined; context: BrowserContext; errors: string[] }> {
  const { page: presenter, context, watch } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB', width: 1366, height: 768 });
  let audience: Page | undefined;
  const errors = watch.consoleErrors;
  await context.exposeBinding('__openAudience', async (_source, route: string) => {
    if (failToOpen) throw new Error('the second display was unplugged');
    const opened = await newWatchedPage(h, { context });
    opened.page.on('pageerror', (e) => errors.push(`audience: ${e.message}`));
    await opened.page.setViewportSize({ width: 1920, height: 1080 });
    await opened.page.goto(`${h.baseUrl}?view=audience${route}`);
    audience = opened.page;
    return true;
  });
  // As the main process: the audience's window closes and the presenter's is told.
  const end = async () => {
    const closing = audience;
    audience = undefined;
    if (!closing) return false;
    await closing.close();
    await presenter.evaluate(() => new BroadcastChannel('puente-test-host').postMessage({ ended: true }));
    return true;
  };
  await context.exposeBinding('__endPresentation', () => end());
  await context.addInitScript(standInHost, { settings: DEFAULT_SETTINGS, userData: userDataDefaults as Record<string, unknown> });
  await presenter.goto(`${h.baseUrl}#/${lang}/${MODULE}`);
  await presenter.locator('.module-page .module-step').first().waitFor();
  return { presenter, audience: () => audience, context, errors };
}

/** The timed step a window shows last, whether a facilitator note or the presenter's panel is visible, and whether it is presenting. */
function view(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && el.getClientRects().length > 0;
    return {
      presenting: document.documentElement.classList.contains('presenting'),
      slide: document.documentElement.dataset.slide ?? '',
      lastStep: [...document.querySelectorAll('.module-step')].filter(visible).map((s) => s.querySelector('.step-head strong')?.textContent ?? '').at(-1) ?? '',
      heading: [...document.querySelectorAll('.chapter-body h2')].filter(visible).map((e) => e.textContent).at(-1) ?? '',
      notesShown: [...document.querySelectorAll('.step-note')].filter(visible).length,
      presenterPanel: document.querySelectorAll('[data-testid="presenter-view"]').length,
      bar: document.querySelectorAll('.presentation-bar').length,
      screens: document.querySelector('[data-testid="presenter-screens"]')?.textContent ?? '',
    };
  });
}

const sameSlide = async (a: Page, b: Page) => {
  const [x, y] = await Promise.all([view(a), view(b)]);
  return `${x.heading} | ${x.lastStep}` === `${y.heading} | ${y.lastStep}`;
};

describe('presenting on two displays', () => {
  it('the audience sees only the slide; the presenter sees notes, timer and next slide; a key in either window moves both', async () => {
    const { presenter, audience, context, errors } = await twoScreens();
    await presenter.getByTestId('present').click();
    await poll(() => audience() !== undefined).toBe(true);
    const shown = audience()!;
    await poll(async () => (await view(shown)).presenting).toBe(true);
    await poll(async () => (await view(presenter)).presenterPanel).toBe(1);
    expect((await view(presenter)).screens).toMatch(/other screen/);

    for (let i = 0; i < 4; i++) await presenter.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
    await poll(async () => (await view(presenter)).slide).toBe('4');
    await poll(() => sameSlide(presenter, shown)).toBe(true);
    // Stepping on into the timed steps: both windows on the same step.
    for (let i = 0; i < 4; i++) await presenter.keyboard.press('ArrowRight');
    await poll(async () => (await view(presenter)).lastStep).not.toBe('');
    await poll(() => sameSlide(presenter, shown)).toBe(true);
    const audienceView = await view(shown);
    expect(audienceView.notesShown, 'a facilitator note on the audience view').toBe(0);
    expect(audienceView.presenterPanel, 'the presenter view on the audience view').toBe(0);
    expect(audienceView.bar, 'controls on the audience view').toBe(0);
    await shot(presenter, 'presentation-two-screens-presenter-en');
    await shot(shown, 'presentation-two-screens-audience-en');

    // The clicker is connected to the audience's computer: the presenter follows.
    const before = await view(presenter);
    await shown.keyboard.press('ArrowRight');
    await poll(async () => (await view(presenter)).slide).not.toBe(before.slide);
    await poll(() => sameSlide(presenter, shown)).toBe(true);
    await shown.keyboard.press('ArrowLeft');
    await poll(async () => (await view(presenter)).slide).toBe(before.slide);
    await poll(() => sameSlide(presenter, shown)).toBe(true);

    // Esc in the audience's window ends the presentation in both; the focus goes back to Present.
    // Key down only: the app acts on keydown and this window closes at once, so a key up could find it gone.
    await shown.keyboard.down('Escape');
    await poll(() => audience()).toBeUndefined();
    await poll(() => shown.isClosed()).toBe(true);
    await poll(async () => (await view(presenter)).presenting).toBe(false);
    await poll(() => presenter.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('present');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an audience window that opens late starts on the presenter’s slide; closing it ends the presentation; Esc in the presenter’s closes it', async () => {
    const { presenter, audience, context, errors } = await twoScreens();
    await presenter.getByTestId('present').click();
    await poll(() => audience() !== undefined).toBe(true);
    await poll(async () => (await view(presenter)).presenterPanel).toBe(1);
    for (let i = 0; i < 3; i++) await presenter.keyboard.press('ArrowRight');
    await poll(() => sameSlide(presenter, audience()!)).toBe(true);

    // The person closes the audience's window: the presenter's leaves the presentation.
    await presenter.evaluate(() => (window as unknown as { __endPresentation(): Promise<boolean> }).__endPresentation());
    await poll(async () => (await view(presenter)).presenting).toBe(false);

    // Present again, move, then reload the audience's page (it starts late): it goes to the presenter's slide.
    await presenter.getByTestId('present').click();
    await poll(() => audience() !== undefined).toBe(true);
    for (let i = 0; i < 5; i++) await presenter.keyboard.press('ArrowRight');
    await audience()!.reload();
    await poll(() => sameSlide(presenter, audience()!)).toBe(true);
    expect((await view(presenter)).slide).not.toBe('0');

    await presenter.keyboard.press('Escape');
    await poll(() => audience()).toBeUndefined();
    await poll(async () => (await view(presenter)).presenting).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so, in the reader’s language, when the audience’s window cannot open, and goes on presenting in the one window', async () => {
    const { presenter, audience, context } = await twoScreens({ lang: 'es', failToOpen: true });
    await presenter.getByTestId('present').click();
    const alert = presenter.locator('.presentation-fault[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^No se pudo mostrar la diapositiva en la segunda pantalla \(.*unplugged.*\)\. No se cambió nada/);
    expect(audience()).toBeUndefined();
    expect((await view(presenter)).presenterPanel).toBe(0);
    await shot(presenter, 'presentation-two-screens-fault-es');
    await presenter.keyboard.press('ArrowRight');
    await poll(async () => (await view(presenter)).slide).toBe('1');
    // The notice stays until the person moves on.
    await poll(() => alert.count()).toBe(0);
    await presenter.keyboard.press('Escape');
    await poll(async () => (await view(presenter)).presenting).toBe(false);
    await context.close();
  });
});
