import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/app-files.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../electron/app-protocol.ts';
import { applySecurityPolicy, isAllowedRequest, secureWebPreferences, type SecurityTargets } from '../../electron/security-policy.ts';

function fakeTargets() {
  const listeners = new Map<string, (...a: unknown[]) => void>();
  let permissionRequest: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
  let permissionCheck: ((wc: unknown, p: string) => boolean) | undefined;
  let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const targets: SecurityTargets = {
    session: {
      setPermissionRequestHandler: (h) => { permissionRequest = h; },
      setPermissionCheckHandler: (h) => { permissionCheck = h; },
      webRequest: { onBeforeRequest: (l) => { beforeRequest = l; } },
    },
    contents: {
      on: (event: string, l: (...a: never[]) => void) => listeners.set(event, l as (...a: unknown[]) => void),
      setWindowOpenHandler: (h) => { openHandler = h; },
    },
  };
  applySecurityPolicy(targets);
  return {
    request(url: string) {
      let cancel: boolean | undefined;
      beforeRequest!({ url }, (r) => { cancel = r.cancel; });
      return cancel;
    },
    permission(name: string) {
      let granted: boolean | undefined;
      permissionRequest!({}, name, (g) => { granted = g; });
      return { granted, check: permissionCheck!({}, name) };
    },
    navigate(event: 'will-navigate' | 'will-redirect', url: string) {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e.preventDefault.mock.calls.length > 0;
    },
    attachWebview() {
      const e = { preventDefault: vi.fn() };
      listeners.get('will-attach-webview')!(e);
      return e.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('Electron security checklist', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
      experimentalFeatures: false, disableBlinkFeatures: 'Auxclick',
    });
  });

  it('blocks every request that is not to the app origin', () => {
    const t = fakeTargets();
    expect(t.request('app://puente/assets/index.js')).toBe(false);
    expect(t.request('https://fonts.example.org/x.woff2')).toBe(true);
    expect(t.request('http://127.0.0.1:8080/')).toBe(true);
    expect(t.request('file:///etc/passwd')).toBe(true);
    expect(t.request('app://other/index.html')).toBe(true);
    expect(isAllowedRequest('data:text/html,hi')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const t = fakeTargets();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(t.permission(p)).toEqual({ granted: false, check: false });
    }
  });

  it('keeps the window on the app: navigation, redirects, new windows and webviews are refused', () => {
    const t = fakeTargets();
    expect(t.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(t.navigate('will-redirect', 'file:///C:/Windows/')).toBe(true);
    expect(t.navigate('will-navigate', 'app://puente/index.html#/es')).toBe(false);
    expect(t.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(t.open('app://puente/index.html')).toEqual({ action: 'deny' });
    expect(t.attachWebview()).toBe(true);
  });

  it('sends the Content-Security-Policy on every app:// response, refusals included, allowing only the app itself', async () => {
    const handler = createAppProtocolHandler({
      rootDir: '/app/renderer',
      readFile: async (f) => { if (f === '/app/renderer/index.html') return new TextEncoder().encode('<html>'); throw new Error('ENOENT'); },
    });
    const responses = await Promise.all([
      handler({ url: 'app://puente/index.html' }), handler({ url: 'app://puente/missing.js' }), handler({ url: 'app://puente/..%5csecret' }),
      handler({ url: 'app://puente/index.html%00.js' }), handler({ url: 'app://puente/index.html', method: 'POST' }), handler({ url: 'app://other/x' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 404, 403, 400, 405, 404]);
    for (const r of responses) expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives[0]).toBe("default-src 'none'");
    for (const d of directives.slice(1)) expect(d).toMatch(/^[a-z-]+ '(self|none)'$/);
  });

  it('registers app:// as a standard, secure scheme whose scripts V8 may cache (code cache needs standard)', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true, corsEnabled: false }) });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  const electronSources = readdirSync(path.resolve(import.meta.dirname, '../../electron')).filter((f) => f.endsWith('.ts'))
    .map((f) => ({ f, text: readFileSync(path.resolve(import.meta.dirname, '../../electron', f), 'utf8') }));

  it('never hands a URL to another program: no shell.openExternal anywhere in the main process', () => {
    expect(electronSources.filter(({ text }) => /openExternal|shell\.open/.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it('exposes one typed bridge from the preload and never the raw ipcRenderer', () => {
    const preload = electronSources.find(({ f }) => f === 'preload.ts')!.text;
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(BRIDGE_GLOBAL, createPreloadBridge\(ipcRenderer\)\)/);
    expect(preload.replace(/import[^;]+;/g, '').match(/ipcRenderer/g)).toHaveLength(1);
  });
});
