import { isAppUrl } from './app-protocol.ts';

/** webPreferences of every window: the Electron security checklist, nothing relaxed. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would open links in new windows (which are refused anyway).
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** Requests the app may make: its own files and, for devtools, nothing else. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools://');
}

interface EventLike {
  preventDefault(): void;
}

/** The slices of Electron's API that the policy needs (injected, so it is unit-tested under Node). */
export interface SecurityTargets {
  session: {
    setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
    webRequest: {
      onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    };
  };
  contents: {
    on(event: 'will-navigate' | 'will-redirect', listener: (event: EventLike, url: string) => void): unknown;
    on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  };
  log?(message: string): void;
}

/**
 * Denies every permission, blocks every request outside app://puente, keeps the window
 * on the app (no navigation elsewhere, no new windows, no webviews). Content links are
 * never opened in an external program.
 */
export function applySecurityPolicy({ session, contents, log = () => undefined }: SecurityTargets): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
  const keepOnApp = (event: EventLike, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`blocked navigation: ${url}`);
    }
  };
  contents.on('will-navigate', keepOnApp);
  contents.on('will-redirect', keepOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied new window: ${url}`);
    return { action: 'deny' };
  });
}
