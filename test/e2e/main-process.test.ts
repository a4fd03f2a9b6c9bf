/**
 * The built main process (dist/electron/main.cjs), driven under Node with a stand-in
 * `electron` module (test/fakes/electron.ts): what it serves over app://, whom it answers
 * over IPC, where it writes, and what it does when the app quits. Electron cannot run here;
 * this runs the same bundle Electron would load, after `npm run build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/app-files.ts';
import { CHANNELS } from '../../common/ipc-channels.ts';
import { createFakeElectron, loadMainProcess, type FakeElectron, type Rect } from '../fakes/electron.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { RENDERER_DIR, ROOT } from './harness.ts';

const MAIN = path.join(ROOT, 'dist/electron/main.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'puente-main-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Captured before any test holds the timers, so waiting still works while they are held.
const realSetTimeout = globalThis.setTimeout;
const pause = (ms: number) => new Promise((r) => realSetTimeout(r, ms));
async function waitFor(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(10);
  }
}

interface Profile {
  userData: string;
  documents: string;
}
let profiles = 0;
function newProfile(): Profile {
  const dir = path.join(work, `profile-${++profiles}`);
  return { userData: path.join(dir, 'user'), documents: path.join(dir, 'documents') };
}
const recordsFile = (p: Profile) => path.join(p.userData, 'records', 'records.sqlite');
const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const isSqlite = (file: string) => existsSync(file) && new TextDecoder('latin1').decode(readFileSync(file).subarray(0, 15)) === 'SQLite format 3';

const running: FakeElectron[] = [];
/** Starts the built main process on a profile, as Electron would, up to the loaded (still hidden) window. */
async function start(profile = newProfile(), locale = 'en-GB', displays?: Rect[]) {
  const fake = createFakeElectron({ ...profile, locale, ...(displays ? { displays } : {}) });
  running.push(fake);
  loadMainProcess(MAIN, fake);
  fake.app.startUp();
  const win = await fake.firstWindow;
  await waitFor('the window to load app://puente/index.html', () => fake.timeline.includes('window:loaded'));
  return { fake, win, profile };
}

/** Quits as the person would (File → Quit) and waits until the app has ended. */
async function quit(fake: FakeElectron) {
  fake.app.quit();
  return fake.app.exited;
}

const child = (code: string) => ({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code, sex: 'f', age: 9, status: 'working', date: '2026-05-02' }) });

beforeAll(() => {
  expect(existsSync(MAIN), `${MAIN} is missing: run npm run build first`).toBe(true);
  expect(existsSync(path.join(RENDERER_DIR, 'index.html')), 'dist/renderer is missing: run npm run build first').toBe(true);
});
afterEach(async () => {
  vi.useRealTimers();
  // Every app a test started quits, so no debounced write outlives its test.
  for (const fake of running.splice(0)) {
    if (fake.app.exitCode === undefined) await Promise.race([quit(fake), pause(5_000)]);
  }
});

describe('the built main process under a stand-in electron module', () => {
  it('registers app:// before ready as a standard, secure scheme with the V8 code cache', async () => {
    const { fake } = await start();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true, corsEnabled: false }) }]);
  });

  it('serves the built renderer over app:// with the right types and the policy on every response, and nothing outside its folder', async () => {
    const { fake } = await start();
    const assets = readdirSync(path.join(RENDERER_DIR, 'assets'));
    const first = (ext: string) => `assets/${assets.find((f) => f.endsWith(ext) && !f.startsWith('records.worker'))}`;
    const served = {
      'index.html': 'text/html; charset=utf-8',
      [first('.js')]: 'text/javascript; charset=utf-8',
      [first('.css')]: 'text/css; charset=utf-8',
      'content-manifest.json': 'application/json; charset=utf-8',
      [first('.wasm')]: 'application/wasm',
      'icon.svg': 'image/svg+xml',
    };
    for (const [file, type] of Object.entries(served)) {
      const r = await fake.fetch(`app://puente/${file}`);
      expect([file, r.status, r.headers.get('content-type')]).toEqual([file, 200, type]);
      expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(path.join(RENDERER_DIR, file))), `${file} served as built`).toBe(true);
      expect(r.headers.get('content-security-policy'), file).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options'), file).toBe('nosniff');
    }
    const refused = {
      'app://puente/package.json': 404,
      'app://puente/assets/missing.js': 404,
      'app://puente/..%2Felectron%2Fmain.cjs': 403,
      'app://puente/%2e%2e/%2e%2e/package.json': 404,
      'app://puente/%252e%252e/electron/main.cjs': 403,
      'app://puente/..%5Celectron%5Cmain.cjs': 403,
      'app://other/index.html': 404,
    };
    for (const [url, status] of Object.entries(refused)) {
      const r = await fake.fetch(url);
      expect([url, r.status]).toEqual([url, status]);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await r.text()).not.toMatch(/require\(|"name": "puente"/);
    }
    const post = await fake.fetch('app://puente/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('locks the window down: sandboxed page, every permission denied, every request off the app blocked', async () => {
    const { fake, win } = await start();
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: path.join(ROOT, 'dist/electron/preload.cjs') });
    expect(existsSync(win.options.webPreferences!.preload as string)).toBe(true);
    let cancelled: boolean | undefined;
    fake.security.beforeRequest!({ url: 'https://example.org/' }, (r) => { cancelled = r.cancel; });
    expect(cancelled).toBe(true);
    fake.security.beforeRequest!({ url: 'app://puente/index.html' }, (r) => { cancelled = r.cancel; });
    expect(cancelled).toBe(false);
    let granted: boolean | undefined;
    fake.security.permissionRequest!({}, 'media', (g) => { granted = g; });
    expect(granted).toBe(false);
    expect(win.webContents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('answers IPC from the app’s own top frame only: a null frame and a sub-frame are refused and change nothing', async () => {
    const { fake, profile } = await start();
    expect(fake.ipcChannels().sort()).toEqual([...CHANNELS].sort());
    expect(await fake.invoke('app:info', undefined)).toEqual({ ok: true, value: { locale: 'en-GB', platform: process.platform, version: '0.1.0', host: 'electron' } });
    const settingsFile = path.join(profile.userData, 'settings.json');
    for (const frame of [null, fake.frames.sub]) {
      expect(await fake.invoke('settings:set', { theme: 'dark' }, frame)).toEqual({ ok: false, error: expect.stringContaining("not the app's own window") });
      expect(await fake.invoke('records:call', { op: 'status' }, frame)).toMatchObject({ ok: false });
    }
    expect(existsSync(settingsFile)).toBe(false);
    expect(existsSync(path.join(profile.userData, 'records'))).toBe(false);
    expect(await fake.invoke('settings:set', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(readJson(settingsFile)).toMatchObject({ theme: 'dark' });
    expect(await fake.invoke('settings:set', { theme: 'neon' })).toEqual({ ok: false, error: expect.stringContaining('settings:set: invalid argument at "theme"') });
  });

  it('opens the field records with the WebAssembly shipped next to main.cjs and the instruments the build wrote', async () => {
    const { fake } = await start();
    expect(await fake.invoke('records:call', { op: 'status' })).toMatchObject({ ok: true, value: { state: 'open', children: 0 } });
    expect(await fake.invoke('records:call', child('CH-1'))).toMatchObject({ ok: true });
    expect(await fake.invoke('records:call', { op: 'status' })).toMatchObject({ ok: true, value: { children: 1 } });
  });

  it('prints with the print stylesheet, and saves a PDF where the person chose (the documents folder offered first)', async () => {
    const { fake, win, profile } = await start();
    expect(await fake.invoke('window:print', undefined)).toEqual({ ok: true, value: true });
    expect(win.webContents.printed).toEqual([{ printBackground: false }]);
    const chosen = path.join(work, 'chosen-chapter');
    fake.answerSaveDialog(() => ({ canceled: false, filePath: chosen }));
    expect(await fake.invoke('window:save-pdf', { suggestedName: 'chapter.pdf', pageSize: 'A4' })).toEqual({ ok: true, value: { saved: true, path: `${chosen}.pdf` } });
    expect(fake.dialogs.save[0]).toMatchObject({ defaultPath: path.join(profile.documents, 'chapter.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(win.webContents.pdfOptions).toEqual([{ pageSize: 'A4', printBackground: false, displayHeaderFooter: false, preferCSSPageSize: true }]);
    expect(readFileSync(`${chosen}.pdf`, 'latin1')).toMatch(/^%PDF-/);
    fake.answerSaveDialog(() => ({ canceled: true }));
    expect(await fake.invoke('window:save-pdf', { suggestedName: 'chapter.pdf', pageSize: 'Letter' })).toEqual({ ok: true, value: { saved: false } });
    expect(win.webContents.pdfOptions).toHaveLength(1);
  });

  it('keeps the window hidden until its first paint, then shows it', async () => {
    const { win } = await start();
    expect(win.isVisible()).toBe(false);
    win.paint();
    expect(win.isVisible()).toBe(true);
    expect(win.isMaximized()).toBe(false);
  });

  it('maximizes a window that was maximized at its first paint, never showing it blank before', async () => {
    const profile = newProfile();
    mkdirSync(profile.userData, { recursive: true });
    writeFileSync(path.join(profile.userData, 'window-state.json'), JSON.stringify({ x: 10, y: 10, width: 1000, height: 700, maximized: true }));
    const { win, fake } = await start(profile);
    expect(win.isVisible()).toBe(false);
    win.paint();
    expect(win.isVisible()).toBe(true);
    expect(win.isMaximized()).toBe(true);
    expect(fake.timeline.indexOf('window:maximize')).toBeGreaterThan(fake.timeline.indexOf('window:ready-to-show'));
  });

  it('remembers where the window was and its size, down to the narrowest the window allows', async () => {
    const first = await start();
    first.win.paint();
    first.win.setBounds({ x: 40, y: 30, width: 200, height: 450 });
    const narrowest = first.win.getBounds();
    expect(narrowest.width).toBe(first.win.options.minWidth);
    // Closing the last window quits the app (window-all-closed), through the same writes.
    first.win.close();
    await first.fake.app.exited;
    const second = await start(first.profile);
    expect(second.win.getBounds()).toEqual(narrowest);
  });

  it('quitting writes the records, settings, user data and window state before the app exits', async () => {
    const { fake, win, profile } = await start();
    win.paint();
    expect(await fake.invoke('records:call', child('CH-7'))).toMatchObject({ ok: true });
    expect(await fake.invoke('settings:set', { lang: 'es' })).toMatchObject({ ok: true });
    // Held timers: the debounced writes never fire by themselves, only the quit can write them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const plan = { id: 'p1', name: 'Chima', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', answers: {} };
    const userDataWrite = fake.invoke('userdata:set', { key: 'profiler-plans', value: [plan] });
    win.setBounds({ x: 70, y: 60, width: 900, height: 650 });
    // The records run in their own thread, whose debounce the held timers do not hold: they may be written before the quit, and must be by then.
    let onDisk: Record<string, unknown> = {};
    fake.app.once('quit', () => {
      onDisk = {
        records: isSqlite(recordsFile(profile)),
        window: readJson(path.join(profile.userData, 'window-state.json')),
        plans: readJson(path.join(profile.userData, 'user-data', 'profiler-plans.json')),
        settings: readJson(path.join(profile.userData, 'settings.json'))?.lang,
      };
    });
    expect(await quit(fake)).toBe(0);
    expect(await userDataWrite).toEqual({ ok: true, value: true });
    expect(onDisk).toEqual({ records: true, window: { x: 70, y: 60, width: 900, height: 650, maximized: false }, plans: [plan], settings: 'es' });
    // The quit was held once (will-quit), everything written, then it went through.
    expect(fake.timeline.filter((e) => e.startsWith('app:'))).toEqual(['app:before-quit', 'app:will-quit', 'app:before-quit', 'app:will-quit', 'app:quit', 'app:exit 0']);
    vi.useRealTimers();
    const next = await start(profile);
    expect(await next.fake.invoke('records:call', { op: 'status' })).toMatchObject({ ok: true, value: { children: 1 } });
  });

  it('writes the records and the window state when Windows ends the session, where before-quit is never emitted', async () => {
    const { fake, win, profile } = await start();
    win.paint();
    expect(await fake.invoke('records:call', child('CH-8'))).toMatchObject({ ok: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    win.setBounds({ x: 5, y: 6, width: 800, height: 600 });
    win.emit('session-end', Object.assign(new Event('session-end'), { reasons: ['shutdown'] }));
    await waitFor('the records file', () => isSqlite(recordsFile(profile)));
    await waitFor('the window state', () => readJson(path.join(profile.userData, 'window-state.json'))?.x === 5);
    expect(fake.timeline).not.toContain('app:before-quit');
  });

  describe('when the records cannot be written at quit', () => {
    /** An app with one unsaved child whose records folder is blocked by a file, so the write fails. */
    async function blockedApp() {
      const started = await start(newProfile(), 'es-PE');
      expect(await started.fake.invoke('settings:set', { lang: 'es' })).toMatchObject({ ok: true });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      expect(await started.fake.invoke('records:call', child('CH-9'))).toMatchObject({ ok: true });
      writeFileSync(path.join(started.profile.userData, 'records'), 'in the way');
      return started;
    }
    const button = (o: { buttons?: string[] }, pattern: RegExp) => {
      const i = (o.buttons ?? []).findIndex((b) => pattern.test(b));
      expect(i, `no button matching ${pattern} in ${JSON.stringify(o.buttons)}`).toBeGreaterThanOrEqual(0);
      return i;
    };

    it('asks, in the app’s language, and saves a backup where the person chose before quitting', async () => {
      const { fake } = await blockedApp();
      const backup = path.join(work, 'rescue');
      fake.answerMessageBox((o) => {
        expect(o.message).toMatch(/no se pudieron guardar|no pudo guardar/i);
        expect(o.detail).toMatch(/registros/);
        expect(o.buttons).toHaveLength(3);
        expect(fake.app.exitCode).toBeUndefined();
        return button(o, /copia/i);
      });
      fake.answerSaveDialog(() => ({ canceled: false, filePath: backup }));
      await quit(fake);
      expect(fake.dialogs.save[0]?.defaultPath).toMatch(/puente-records-.*\.sqlite$/);
      expect(isSqlite(`${backup}.sqlite`)).toBe(true);
    });

    it('tries again when asked, and quits once the records are written', async () => {
      const { fake, profile } = await blockedApp();
      fake.answerMessageBox((o) => {
        rmSync(path.join(profile.userData, 'records'));
        return button(o, /reintentar|intentar/i);
      });
      await quit(fake);
      expect(isSqlite(recordsFile(profile))).toBe(true);
      expect(fake.dialogs.message).toHaveLength(1);
    });

    it('asks again when the backup dialog is cancelled, and loses the changes only when the person says so', async () => {
      const { fake, profile } = await blockedApp();
      fake.answerMessageBox((o) => button(o, /copia/i));
      fake.answerSaveDialog(() => ({ canceled: true }));
      fake.answerMessageBox((o) => {
        expect(o.buttons!.join(' ')).toMatch(/perder 1 cambio/i);
        return button(o, /salir/i);
      });
      expect(await quit(fake)).toBe(0);
      expect(fake.dialogs.message).toHaveLength(2);
      expect(existsSync(recordsFile(profile))).toBe(false);
    });
  });
});

describe('a page holding answers not saved', () => {
  const button = (o: { buttons?: string[] }, pattern: RegExp) => {
    const i = (o.buttons ?? []).findIndex((b) => pattern.test(b));
    expect(i, `no button matching ${pattern} in ${JSON.stringify(o.buttons)}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  // What Chromium hands the main process when the page's beforeunload asked to stay.
  const unloadEvent = () => ({ defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } });

  it('asks, in the app’s language, before the window closes or reloads, and lets it go only when the person says so', async () => {
    const { fake, win } = await start(newProfile(), 'es-PE');
    fake.answerMessageBox((o) => {
      expect(o.message).toMatch(/respuestas/i);
      return button(o, /quedarme|seguir/i);
    });
    const stay = unloadEvent();
    win.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    fake.answerMessageBox((o) => button(o, /salir/i));
    const leave = unloadEvent();
    win.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
    expect(fake.dialogs.message).toHaveLength(2);
    await quit(fake);
  });
});

describe('presenting on a second display', () => {
  const laptop = { x: 0, y: 0, width: 1366, height: 768 };
  const projector = { x: 1366, y: 0, width: 1920, height: 1080 };
  const route = '#/en/mothers-module';
  const presentationEvents = (w: { webContents: { sent: unknown[][] } }) => w.webContents.sent.filter(([c]) => c === 'presentation:event').map(([, e]) => e);

  async function presentOnTwo() {
    const started = await start(newProfile(), 'en-GB', [laptop, projector]);
    started.win.paint();
    expect(await started.fake.invoke('presentation:audience', { route })).toEqual({ ok: true, value: true });
    const windows = started.fake.windows();
    expect(windows).toHaveLength(2);
    return { ...started, audience: windows[1]! };
  }

  it('opens the audience window full screen on the display the presenter is not on, with the app’s page, preload and policy, shown at its first paint', async () => {
    const { fake, win, audience } = await presentOnTwo();
    expect(audience.isFullScreen()).toBe(true);
    expect(audience.getBounds()).toMatchObject({ x: projector.x, y: projector.y });
    expect(win.isFullScreen()).toBe(false);
    expect(audience.url).toBe(`app://puente/index.html?view=audience${route}`);
    expect(fake.timeline.filter((e) => e === 'window:loaded')).toHaveLength(2);
    expect(audience.options.webPreferences).toEqual(win.options.webPreferences);
    expect(audience.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(audience.webContents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const navigation = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    audience.webContents.emit('will-navigate', navigation, 'https://example.org/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(audience.isVisible()).toBe(false);
    audience.paint();
    expect(audience.isVisible()).toBe(true);
  });

  it('puts the audience on the laptop when the presenter’s window is on the projector', async () => {
    const { fake } = await start(newProfile(), 'en-GB', [laptop, projector]);
    fake.windows()[0]!.setBounds({ x: 1500, y: 100 });
    expect(await fake.invoke('presentation:audience', { route })).toEqual({ ok: true, value: true });
    expect(fake.windows()[1]!.getBounds()).toMatchObject({ x: laptop.x, y: laptop.y });
  });

  it('tells both windows the slide either one moved to', async () => {
    const { fake, win, audience } = await presentOnTwo();
    expect(await fake.invoke('presentation:slide', 3)).toEqual({ ok: true, value: true });
    expect(await fake.invoke('presentation:slide', 4, { url: `app://puente/index.html?view=audience${route}`, parent: null })).toEqual({ ok: true, value: true });
    expect(presentationEvents(win)).toEqual([{ slide: 3 }, { slide: 4 }]);
    expect(presentationEvents(audience)).toEqual([{ slide: 3 }, { slide: 4 }]);
    expect((await fake.invoke('presentation:slide', -1)) as { ok: boolean }).toMatchObject({ ok: false });
    expect(presentationEvents(win)).toHaveLength(2);
  });

  it('an audience window ready after the presenter moved starts on the presenter’s slide', async () => {
    const { fake, win, audience } = await presentOnTwo();
    expect(await fake.invoke('presentation:ready', undefined)).toEqual({ ok: true, value: true });
    expect(presentationEvents(audience)).toEqual([]);
    await fake.invoke('presentation:slide', 5);
    await fake.invoke('presentation:ready', undefined);
    expect(presentationEvents(audience)).toEqual([{ slide: 5 }, { slide: 5 }]);
    expect(presentationEvents(win)).toEqual([{ slide: 5 }]);
  });

  it('closing the audience window ends the presentation in the presenter’s window, and the app keeps running', async () => {
    const { fake, win, audience } = await presentOnTwo();
    audience.close();
    expect(fake.windows()).toEqual([win]);
    expect(presentationEvents(win)).toEqual([{ ended: true }]);
    expect(fake.app.exitCode).toBeUndefined();
    expect(fake.timeline).not.toContain('app:before-quit');
    expect(await fake.invoke('presentation:slide', 2)).toEqual({ ok: true, value: false });
  });

  it('leaving the presentation closes the audience window; closing the presenter’s window closes it too, and the app quits as usual', async () => {
    const first = await presentOnTwo();
    expect(await first.fake.invoke('presentation:end', undefined)).toEqual({ ok: true, value: true });
    expect(first.audience.isDestroyed()).toBe(true);
    expect(first.fake.windows()).toEqual([first.win]);

    const { fake, win, audience } = await presentOnTwo();
    win.close();
    expect(audience.isDestroyed()).toBe(true);
    expect(fake.windows()).toEqual([]);
    expect(await fake.app.exited).toBe(0);
  });

  it('with one display opens no second window: the presentation stays in the one window', async () => {
    const { fake, win } = await start(newProfile(), 'en-GB', [laptop]);
    expect(await fake.invoke('presentation:audience', { route })).toEqual({ ok: true, value: false });
    expect(fake.windows()).toEqual([win]);
    expect(await fake.invoke('presentation:slide', 1)).toEqual({ ok: true, value: false });
  });
});
