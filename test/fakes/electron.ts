/**
 * A stand-in for the `electron` module, so the built main process (dist/electron/main.cjs)
 * runs under Node where Electron cannot. It behaves as Electron 45 documents the parts the
 * main process uses: app events and the quit sequence, protocol and IPC registration rules,
 * windows that stay hidden until shown, dialogs answered by the test. Anything else the
 * bundle reaches for throws, naming what is missing.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import Module from 'node:module';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The sender of an IPC message, as Electron's WebFrameMain describes it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** What Electron passes to event listeners that may cancel the default action. */
class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

type Answer<O, R> = (options: O) => R | Promise<R>;
interface SaveDialogOptions { defaultPath?: string; filters?: Array<{ name: string; extensions: string[] }> }
interface MessageBoxOptions { type?: string; title?: string; message: string; detail?: string; buttons?: string[]; defaultId?: number; cancelId?: number }

export interface FakeElectronOptions {
  userData: string;
  documents: string;
  locale?: string;
  displays?: Rect[];
}

export function createFakeElectron(options: FakeElectronOptions) {
  /** What happened, in order: app events, window calls, writes the test wants to place in time. */
  const timeline: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const ipcHandlers = new Map<string, (event: { senderFrame: FakeFrame | null; sender: unknown }, payload: unknown) => unknown>();
  const privilegedSchemes: Array<{ scheme: string; privileges?: Record<string, boolean> }> = [];
  const saveAnswers: Array<Answer<SaveDialogOptions, { canceled: boolean; filePath?: string }>> = [];
  const messageAnswers: Array<Answer<MessageBoxOptions, number>> = [];
  const dialogs: { save: SaveDialogOptions[]; message: MessageBoxOptions[] } = { save: [], message: [] };
  const security = {
    permissionRequest: undefined as undefined | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
    beforeRequest: undefined as undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  };
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1366, height: 768 }];
  const menus: unknown[] = [];
  let windowCreated: (w: FakeBrowserWindow) => void = () => undefined;
  const firstWindow = new Promise<FakeBrowserWindow>((resolve) => { windowCreated = resolve; });

  class FakeApp extends EventEmitter {
    isPackaged = false;
    isReady = false;
    /** True between a quit that got past before-quit and its end (Electron's Browser::is_quitting_). */
    private quitting = false;
    private markReady: () => void = () => undefined;
    private readonly ready = new Promise<void>((resolve) => { this.markReady = resolve; });
    exitCode: number | undefined;
    private markExited: (code: number) => void = () => undefined;
    /** Resolves with the exit code when the app has ended. */
    readonly exited = new Promise<number>((resolve) => { this.markExited = resolve; });

    requestSingleInstanceLock() { return true; }
    getPath(name: string): string {
      if (name === 'userData') return options.userData;
      if (name === 'documents') return options.documents;
      throw new Error(`the stand-in app has no path "${name}"`);
    }
    getLocale() { return options.locale ?? 'en-GB'; }
    getVersion() { return '0.1.0'; }
    whenReady() { return this.ready; }
    /** The test's "Electron has finished starting". */
    startUp() {
      this.isReady = true;
      this.emit('ready', new FakeEvent(), {});
      this.markReady();
    }
    /** As Electron: before-quit (cancellable), then every window closes, then will-quit (cancellable), quit, exit. */
    quit() {
      if (this.quitting || this.exitCode !== undefined) return;
      timeline.push('app:before-quit');
      const before = new FakeEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      this.quitting = true;
      if (windows.length === 0) this.willQuit();
      else for (const w of [...windows]) w.close();
    }
    /** Called when the last window has closed. */
    allWindowsClosed() {
      if (this.quitting) this.willQuit();
      else this.emit('window-all-closed');
    }
    /** A window refused to close: the quit is abandoned. */
    closeCancelled() {
      this.quitting = false;
    }
    private willQuit() {
      timeline.push('app:will-quit');
      const will = new FakeEvent();
      this.emit('will-quit', will);
      if (will.defaultPrevented) {
        this.quitting = false;
        return;
      }
      timeline.push('app:quit');
      this.emit('quit', new FakeEvent(), 0);
      this.exit(0);
    }
    exit(code = 0) {
      if (this.exitCode !== undefined) return;
      this.exitCode = code;
      timeline.push(`app:exit ${code}`);
      this.markExited(code);
    }
  }
  const app = new FakeApp();

  class FakeWebContents extends EventEmitter {
    readonly sent: unknown[][] = [];
    readonly printed: unknown[] = [];
    readonly pdfOptions: unknown[] = [];
    openHandler: ((d: { url: string }) => { action: string }) | undefined;
    private destroyed = false;
    send(channel: string, ...args: unknown[]) { this.sent.push([channel, ...args]); }
    print(opts: unknown) { this.printed.push(opts); }
    async printToPDF(opts: unknown) {
      this.pdfOptions.push(opts);
      return Buffer.from('%PDF-1.7\n% stand-in\n');
    }
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) { this.openHandler = h; }
    isDestroyed() { return this.destroyed; }
    destroy() { this.destroyed = true; }
  }

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
    readonly webContents = new FakeWebContents();
    private bounds: Rect;
    private visible = false;
    private maximized = false;
    private minimized = false;
    private fullScreen = false;
    private destroyed = false;
    url: string | undefined;

    constructor(opts: Record<string, unknown> = {}) {
      super();
      if (!app.isReady) throw new Error('Cannot create BrowserWindow before app is ready');
      this.options = opts;
      const width = Number(opts.width ?? 800);
      const height = Number(opts.height ?? 600);
      const primary = displays[0]!;
      this.bounds = this.clamp({
        x: typeof opts.x === 'number' ? opts.x : primary.x + Math.round((primary.width - width) / 2),
        y: typeof opts.y === 'number' ? opts.y : primary.y + Math.round((primary.height - height) / 2),
        width,
        height,
      });
      this.visible = opts.show !== false;
      // Electron puts a window made full screen on the display that holds its position.
      this.fullScreen = opts.fullscreen === true;
      windows.push(this);
      timeline.push('window:created');
      windowCreated(this);
    }
    private clamp(b: Rect): Rect {
      return { ...b, width: Math.max(b.width, Number(this.options.minWidth ?? 0)), height: Math.max(b.height, Number(this.options.minHeight ?? 0)) };
    }
    /** Loads through the session's request filter and the registered protocol handler, as Chromium would. */
    async loadURL(url: string) {
      this.url = url;
      let cancelled = false;
      security.beforeRequest?.({ url }, (r) => { cancelled = r.cancel; });
      if (cancelled) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
      const response = await handler(new Request(url));
      if (!response.ok) throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}': ${response.status}`);
      timeline.push('window:loaded');
    }
    /** The test's "the page has painted its first frame". */
    paint() {
      timeline.push('window:ready-to-show');
      this.emit('ready-to-show');
    }
    show() {
      timeline.push('window:show');
      this.visible = true;
    }
    /** Electron shows a hidden window when it maximizes it. */
    maximize() {
      timeline.push('window:maximize');
      this.maximized = true;
      this.visible = true;
      this.emit('maximize');
    }
    isVisible() { return this.visible; }
    isMaximized() { return this.maximized; }
    isMinimized() { return this.minimized; }
    isFullScreen() { return this.fullScreen; }
    isDestroyed() { return this.destroyed; }
    restore() { this.minimized = false; }
    focus() { timeline.push('window:focus'); }
    setFullScreen(on: boolean) { this.fullScreen = on; }
    getBounds(): Rect { return { ...this.bounds }; }
    getNormalBounds(): Rect { return { ...this.bounds }; }
    /** The person drags or resizes the window: Electron keeps it within its minimum size. */
    setBounds(b: Partial<Rect>) {
      const next = this.clamp({ ...this.bounds, ...b });
      const moved = next.x !== this.bounds.x || next.y !== this.bounds.y;
      const resized = next.width !== this.bounds.width || next.height !== this.bounds.height;
      this.bounds = next;
      if (resized) this.emit('resize');
      if (moved) this.emit('move');
    }
    close() {
      if (this.destroyed) return;
      const event = new FakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) {
        app.closeCancelled();
        return;
      }
      this.destroyed = true;
      this.webContents.destroy();
      timeline.push('window:closed');
      this.emit('closed');
      windows.splice(windows.indexOf(this), 1);
      if (windows.length === 0) app.allWindowsClosed();
    }
    static getAllWindows() { return [...windows]; }
  }

  const protocol = {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) {
      if (app.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      for (const s of schemes) {
        if (s.privileges?.codeCache && !s.privileges.standard) throw new Error('Code cache can only be enabled when standard is also set to true');
      }
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      if (!app.isReady) throw new Error('protocol.handle cannot be called before the app is ready');
      if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  };

  const ipcMain = {
    handle(channel: string, listener: (event: { senderFrame: FakeFrame | null; sender: unknown }, payload: unknown) => unknown) {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler(h: typeof security.permissionRequest) { security.permissionRequest = h; },
      setPermissionCheckHandler(h: typeof security.permissionCheck) { security.permissionCheck = h; },
      webRequest: { onBeforeRequest(l: typeof security.beforeRequest) { security.beforeRequest = l; } },
    },
  };

  /** Electron's dialogs take an optional parent window first. */
  const withoutWindow = <O>(args: unknown[]) => (args.length > 1 ? args[1] : args[0]) as O;
  const dialog = {
    async showSaveDialog(...args: unknown[]) {
      const opts = withoutWindow<SaveDialogOptions>(args);
      dialogs.save.push(opts);
      const answer = saveAnswers.shift();
      if (!answer) throw new Error(`unexpected save dialog: ${JSON.stringify(opts)}`);
      return answer(opts);
    },
    /** The synchronous box a handler that must decide at once uses (will-prevent-unload): its answer must be synchronous too. */
    showMessageBoxSync(...args: unknown[]) {
      const opts = withoutWindow<MessageBoxOptions>(args);
      dialogs.message.push(opts);
      timeline.push('dialog:message-box-sync');
      const answer = messageAnswers.shift();
      if (!answer) throw new Error(`unexpected message box: ${opts.message}`);
      const response = answer(opts);
      if (response instanceof Promise) throw new Error('showMessageBoxSync needs an answer given at once, not a promise');
      return response;
    },
    async showMessageBox(...args: unknown[]) {
      const opts = withoutWindow<MessageBoxOptions>(args);
      dialogs.message.push(opts);
      timeline.push('dialog:message-box');
      const answer = messageAnswers.shift();
      if (!answer) throw new Error(`unexpected message box: ${opts.message}`);
      return { response: await answer(opts), checkboxChecked: false };
    },
  };

  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ items: template }),
    setApplicationMenu: (menu: unknown) => void menus.push(menu),
  };
  const screen = {
    getAllDisplays: () => displays.map((d) => ({ bounds: d, workArea: d })),
    getPrimaryDisplay: () => ({ bounds: displays[0], workArea: displays[0] }),
  };

  const moduleExports = { app, BrowserWindow: FakeBrowserWindow, protocol, ipcMain, session, dialog, Menu, screen };
  const electron = new Proxy(moduleExports, {
    get(target, name) {
      if (name in target) return target[name as keyof typeof target];
      if (typeof name === 'symbol' || name === '__esModule' || name === 'default' || name === 'then') return undefined;
      throw new Error(`the stand-in electron module has no "${name}": the main process now uses it, add it to test/fakes/electron.ts`);
    },
  });

  const topFrame: FakeFrame = { url: 'app://puente/index.html#/en', parent: null };
  return {
    electron,
    app,
    timeline,
    dialogs,
    menus,
    privilegedSchemes,
    security,
    firstWindow,
    windows: () => [...windows],
    frames: {
      top: topFrame,
      sub: { url: 'app://puente/index.html', parent: topFrame } as FakeFrame,
    },
    /** A request for the app, answered by the handler the main process registered. */
    async fetch(url: string, method = 'GET'): Promise<Response> {
      const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`no protocol handler for ${url}`);
      return handler(new Request(url, { method }));
    },
    /** The displays as Electron's screen module reports them (the first is the primary). */
    displays,
    /** What ipcRenderer.invoke would get back, sent from the given frame. */
    async invoke(channel: string, payload: unknown, frame: FakeFrame | null = topFrame): Promise<unknown> {
      const listener = ipcHandlers.get(channel);
      if (!listener) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
      return listener({ senderFrame: frame, sender: windows[0]?.webContents }, payload);
    },
    ipcChannels: () => [...ipcHandlers.keys()],
    /** The next save dialog's answer. */
    answerSaveDialog(answer: Answer<SaveDialogOptions, { canceled: boolean; filePath?: string }>) { saveAnswers.push(answer); },
    /** The next message box's answer: the index of the button pressed. */
    answerMessageBox(answer: Answer<MessageBoxOptions, number>) { messageAnswers.push(answer); },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * Loads a built main process with `require('electron')` answering the stand-in, the way
 * Electron itself answers it: a module-cache entry named `electron` and a resolver that maps
 * the bare name to it (Electron's lib/common/init.ts). Other requires resolve as usual.
 */
export function loadMainProcess(mainFile: string, fake: FakeElectron): void {
  const loader = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const resolve = loader._resolveFilename;
  const stub = new Module('electron');
  stub.filename = 'electron';
  stub.loaded = true;
  stub.exports = fake.electron;
  loader._cache.electron = stub;
  loader._resolveFilename = function (this: unknown, request, ...rest) {
    return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
  };
  const require = createRequire(import.meta.url);
  try {
    delete require.cache[mainFile];
    require(mainFile);
  } finally {
    loader._resolveFilename = resolve;
    delete loader._cache.electron;
    // Each start is a new process in real life: the next load evaluates the bundle afresh.
    delete require.cache[mainFile];
  }
}
