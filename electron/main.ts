// The Electron main process: wiring only. Every decision lives in a module with the
// Electron API injected, unit-tested under Node (see test/unit/electron-*.test.ts).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MENU_COMMAND_EVENT, type MenuCommand } from '../common/ipc-contract.ts';
import { readSettings, DEFAULT_SETTINGS, type Settings } from '../common/settings.ts';
import type { Lang } from '../common/facets.ts';
import type { RecordsResults } from '../common/records/records-api.ts';
import { languageFromLocale } from '../common/routes.ts';
import { buildMenuTemplate, type MenuItemTemplate } from './app-menu.ts';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { createJsonFileStore, schemaReader } from './json-file-store.ts';
import { createUserDataStore } from './user-data-store.ts';
import { pdfOptions, saveWithDialog, type SaveDialogDeps } from './save-file.ts';
import type { UserDataWrite } from '../common/user-data.ts';
import { applySecurityPolicy, secureWebPreferences } from './security-policy.ts';
import { createThreadedRecordsHost } from './records-thread-host.ts';
import { askAboutUnsavedRecords, saveEverythingBeforeQuit, type QuitFlowDeps } from './quit-flow.ts';
import { askBeforeLeavingPage } from './leave-page.ts';
import { createAudienceHost } from './audience-window.ts';
import { DEFAULT_WINDOW_STATE, WINDOW_MINIMUM, restoreWindowState, trackWindowState, windowStateSchema, type WindowState } from './window-state.ts';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const devTools = !app.isPackaged;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let menuLang: Lang = 'en';
  const userData = app.getPath('userData');
  const settingsStore = createJsonFileStore<Settings>(fs, path.join(userData, 'settings.json'), readSettings, DEFAULT_SETTINGS);
  const userDataStore = createUserDataStore(fs, path.join(userData, 'user-data'));
  // The records run in their own thread, so a long import or restore never blocks the main process.
  const records = createThreadedRecordsHost({ threadFile: path.join(__dirname, 'records-thread.cjs'), rendererDir, userDataDir: userData, wasmDir: __dirname });
  const windowStore = createJsonFileStore<WindowState>(fs, path.join(userData, 'window-state.json'), schemaReader(windowStateSchema, DEFAULT_WINDOW_STATE), DEFAULT_WINDOW_STATE);
  let windowState: ReturnType<typeof trackWindowState> | undefined;
  const appLanguage = async (): Promise<Lang> => (await settingsStore.get()).lang ?? languageFromLocale(app.getLocale());

  const saveDeps = async (): Promise<SaveDialogDeps> => ({
    showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
    writeFile: (file, data) => fs.writeFile(file, data),
    defaultDir: app.getPath('documents'),
    lang: await appLanguage(),
  });
  const securityLog = (m: string) => console.warn(`[security] ${m}`);
  // Presentation on a second display: same preload, webPreferences and policy as the main window.
  const audience = createAudienceHost({
    displays: () => screen.getAllDisplays(),
    presenter: () => win,
    createWindow: (placement) => {
      const shown = new BrowserWindow({ ...placement, fullscreen: true, show: false, title: 'Puente', backgroundColor: '#fbfaf7', webPreferences: secureWebPreferences(preloadPath) });
      applySecurityPolicy({ session: session.defaultSession, contents: shown.webContents, log: securityLog });
      return shown;
    },
    entryUrl: APP_ENTRY_URL,
    log: (m) => console.error(`[presentation] ${m}`),
  });
  const send = (command: MenuCommand) => win?.webContents.send(MENU_COMMAND_EVENT, command);
  const setMenu = (lang: Lang) => {
    menuLang = lang;
    const template = buildMenuTemplate(lang, send, { isMac: process.platform === 'darwin', devTools });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as Parameters<typeof Menu.buildFromTemplate>[0]));
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererDir, readFile: (f) => fs.readFile(f) }));
    registerIpcHandlers(ipcMain, {
      'settings:get': () => settingsStore.get(),
      'settings:set': async (patch) => settingsStore.set(readSettings({ ...(await settingsStore.get()), ...patch })),
      'app:info': () => ({ locale: app.getLocale(), platform: process.platform, version: app.getVersion(), host: 'electron' as const }),
      'window:print': () => {
        win?.webContents.print({ printBackground: false });
        return true;
      },
      'menu:set-language': (lang) => {
        if (lang !== menuLang) setMenu(lang);
        return true;
      },
      'file:save': async ({ suggestedName, bytes, filter }) => saveWithDialog(await saveDeps(), suggestedName, filter, () => bytes),
      'window:save-pdf': async ({ suggestedName, pageSize }) =>
        saveWithDialog(await saveDeps(), suggestedName, 'pdf', async () => new Uint8Array(await win!.webContents.printToPDF(pdfOptions(pageSize)))),
      'window:fullscreen': (on) => {
        win?.setFullScreen(on);
        return true;
      },
      'userdata:get': (key) => userDataStore.get(key),
      'userdata:set': (write) => userDataStore.set(write as UserDataWrite),
      'records:call': (request) => records.handle(request),
      'presentation:audience': ({ route }) => audience.open(route),
      'presentation:slide': (slide) => audience.slide(slide),
      'presentation:ready': () => audience.ready(),
      'presentation:end': () => audience.end(),
    });

    const saved = restoreWindowState(await windowStore.get(), screen.getAllDisplays().map((d) => d.workArea));
    win = new BrowserWindow({
      ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
      width: saved.width,
      height: saved.height,
      minWidth: WINDOW_MINIMUM.width,
      minHeight: WINDOW_MINIMUM.height,
      show: false,
      title: 'Puente',
      backgroundColor: '#fbfaf7',
      webPreferences: secureWebPreferences(preloadPath),
    });
    applySecurityPolicy({ session: session.defaultSession, contents: win.webContents, log: securityLog });
    setMenu(await appLanguage());
    windowState = trackWindowState(win, windowStore);
    askBeforeLeavingPage({ contents: win.webContents, showMessageBoxSync: (options) => dialog.showMessageBoxSync(win!, options), lang: () => menuLang });
    // Maximizing shows the window: done at the first paint, so it never appears blank.
    win.once('ready-to-show', () => {
      if (saved.maximized) win?.maximize();
      win?.show();
    });
    // Windows ending the session emits neither before-quit nor will-quit: write now, no one to ask.
    win.on('session-end', () => void saveEverythingBeforeQuit(quitDeps(false)).catch(logQuitFault));
    win.on('closed', () => {
      win = null;
      // The presenter's window closing ends the presentation: the audience window goes too.
      audience.end();
    });
    await win.loadURL(APP_ENTRY_URL);
  });

  const logQuitFault = (e: unknown) => console.error(`[quit] ${String(e)}`);
  const quitDeps = (canAsk: boolean): QuitFlowDeps => ({
    flushFiles: [() => windowState?.flush() ?? windowStore.flush(), () => settingsStore.flush(), () => userDataStore.flush()],
    flushRecords: () => records.flushBeforeQuit(),
    pendingRecordChanges: () => records.pendingChanges(),
    ...(canAsk ? { ask: async (failure) => askAboutUnsavedRecords((o) => dialog.showMessageBox(o), await appLanguage(), failure) } : {}),
    saveRecordsBackup: async () => {
      const { fileName, bytes } = (await records.handle({ op: 'export-database' })) as RecordsResults['export-database'];
      return (await saveWithDialog(await saveDeps(), fileName, fileName.endsWith('.puente') ? 'backup' : 'sqlite', () => bytes)).saved;
    },
    log: logQuitFault,
  });

  // Everything waiting to be written is written (or the person decides) before the app exits: quit is held once.
  let quitState: 'running' | 'saving' | 'saved' = 'running';
  app.on('will-quit', (event) => {
    if (quitState === 'saved') return;
    event.preventDefault();
    if (quitState === 'saving') return;
    quitState = 'saving';
    saveEverythingBeforeQuit(quitDeps(true)).catch(logQuitFault).finally(() => {
      quitState = 'saved';
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

export type { MenuItemTemplate };
