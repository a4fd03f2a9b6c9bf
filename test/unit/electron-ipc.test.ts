import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MENU_COMMAND_EVENT, PRESENTATION_EVENT } from '../../common/ipc-contract.ts';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { handleIpc, isTrustedSender, registerIpcHandlers, type IpcHandlers } from '../../electron/ipc-handlers.ts';
import { createPreloadBridge } from '../../electron/preload-bridge.ts';
import { chooseBridge } from '../../renderer/src/bridge/choose-bridge.ts';
import { recordsRequestSchema } from '../../common/records/records-api.ts';
import { messageOf } from '../../renderer/src/records/problem-text.ts';
import { refusalTexts } from '../../common/records/refusal-words.ts';
import { recordsService } from '../fixtures/records-service.ts';

const appFrame = { url: 'app://puente/index.html#/es/glossary', parent: null };

function handlers(): IpcHandlers {
  return {
    'settings:get': vi.fn(() => DEFAULT_SETTINGS),
    'settings:set': vi.fn((patch) => ({ ...DEFAULT_SETTINGS, ...patch })),
    'app:info': vi.fn(() => ({ locale: 'es-PE', platform: 'linux', version: '0.1.0', host: 'electron' as const })),
    'window:print': vi.fn(() => true),
    'menu:set-language': vi.fn(() => true),
    'userdata:get': vi.fn(() => []),
    'userdata:set': vi.fn(() => true),
    'file:save': vi.fn(() => ({ saved: true })),
    'window:save-pdf': vi.fn(() => ({ saved: false })),
    'window:fullscreen': vi.fn(() => true),
    'records:call': vi.fn(() => ({})),
    'presentation:audience': vi.fn(() => true),
    'presentation:slide': vi.fn(() => true),
    'presentation:ready': vi.fn(() => true),
    'presentation:end': vi.fn(() => true),
  };
}

describe('IPC sender checks', () => {
  it('trusts only the app’s own top-level frame', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'https://example.org/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://puente/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('refuses a message from another origin without running the handler', async () => {
    const h = handlers();
    const r = await handleIpc('settings:set', { url: 'http://127.0.0.1:5173/', parent: null }, { theme: 'dark' }, h);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('not the app') });
    expect(h['settings:set']).not.toHaveBeenCalled();
  });
});

describe('IPC payload validation', () => {
  it('a records request is checked once, by the records service, whose refusal the screen words in the reader\'s language', async () => {
    const { svc } = await recordsService();
    const checks = vi.spyOn(recordsRequestSchema, 'safeParse');
    const h = { ...handlers(), 'records:call': (request: unknown) => svc.handle(request) };
    const good = await handleIpc('records:call', appFrame, { op: 'list-children', limit: 10 }, h);
    expect(good).toEqual({ ok: true, value: { total: 0, rows: [] } });
    expect(checks).toHaveBeenCalledTimes(1);
    const bad = await handleIpc('records:call', appFrame, { op: 'list-children', limit: 100_000 }, h);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^records:call: \[invalid-request\|[^\]]*\] Puente refused a request it made itself \(at “limit”\).*\(invalid request at "limit"/) });
    expect(checks).toHaveBeenCalledTimes(2);
    expect(messageOf(new Error((bad as { error: string }).error), refusalTexts('es'))).toMatch(/^Puente rechazó una solicitud que hizo él mismo \(en «limit»\)\. No se cambió nada\./);
    checks.mockRestore();
  });

  it('passes a valid payload to the handler and returns its value', async () => {
    const h = handlers();
    const r = await handleIpc('settings:set', appFrame, { theme: 'dark', textSize: 1.25 }, h);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ theme: 'dark', textSize: 1.25 }) });
  });

  it('rejects payloads that break the schema, naming the field', async () => {
    const h = handlers();
    const bad = await handleIpc('settings:set', appFrame, { theme: 'neon' }, h);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/settings:set: invalid argument at "theme"/) });
    const extra = await handleIpc('settings:set', appFrame, { theme: 'dark', __proto__x: 1 }, h);
    expect(extra.ok).toBe(false);
    const lang = await handleIpc('menu:set-language', appFrame, 'fr', h);
    expect(lang.ok).toBe(false);
    const arg = await handleIpc('app:info', appFrame, { sneaky: true }, h);
    expect(arg.ok).toBe(false);
    expect(h['settings:set']).not.toHaveBeenCalled();
  });

  it('stores only user data that matches its schema', async () => {
    const h = handlers();
    const plan = { id: 'p1', name: 'Chima', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', answers: { size: ['small'] } };
    expect(await handleIpc('userdata:set', appFrame, { key: 'profiler-plans', value: [plan] }, h)).toEqual({ ok: true, value: true });
    const bad = await handleIpc('userdata:set', appFrame, { key: 'profiler-plans', value: [{ ...plan, name: '' }] }, h);
    expect(bad.ok).toBe(false);
    const unknownKey = await handleIpc('userdata:set', appFrame, { key: 'passwords', value: [] }, h);
    expect(unknownKey.ok).toBe(false);
    expect(await handleIpc('userdata:get', appFrame, '../../etc/passwd', h)).toMatchObject({ ok: false });
    expect(h['userdata:set']).toHaveBeenCalledTimes(1);
  });

  it('turns a handler failure into an error result instead of throwing', async () => {
    const h = handlers();
    h['window:print'] = () => {
      throw new Error('no printer');
    };
    expect(await handleIpc('window:print', appFrame, undefined, h)).toEqual({ ok: false, error: 'window:print: no printer' });
  });

  it('registers exactly one handler per channel of the contract', () => {
    const registered: string[] = [];
    registerIpcHandlers({ handle: (c) => void registered.push(c) }, handlers());
    expect(registered.sort()).toEqual([...CHANNELS].sort());
  });
});

describe('preload bridge', () => {
  it('exposes one function per channel and never ipcRenderer itself', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const ipc = { invoke, on: vi.fn(), removeListener: vi.fn() };
    const bridge = createPreloadBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS, 'onMenuCommand', 'onPresentationEvent'].sort());
    expect(Object.values(bridge)).not.toContain(ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge['settings:set']({ theme: 'dark' });
    expect(invoke).toHaveBeenCalledWith('settings:set', { theme: 'dark' });
  });

  it('forwards only known menu commands and can unsubscribe', () => {
    let listener: ((e: unknown, ...a: unknown[]) => void) | undefined;
    const ipc = { invoke: vi.fn(), on: vi.fn((_c: string, l: typeof listener) => { listener = l; }), removeListener: vi.fn() };
    const got: string[] = [];
    const off = createPreloadBridge(ipc).onMenuCommand((c) => got.push(c));
    expect(ipc.on).toHaveBeenCalledWith(MENU_COMMAND_EVENT, expect.any(Function));
    listener!({}, 'search');
    listener!({}, 'rm -rf');
    listener!({}, { command: 'search' });
    expect(got).toEqual(['search']);
    off();
    expect(ipc.removeListener).toHaveBeenCalledWith(MENU_COMMAND_EVENT, listener);
  });

  it('forwards only well-formed presentation events (a slide number or the end) and can unsubscribe', () => {
    let listener: ((e: unknown, ...a: unknown[]) => void) | undefined;
    const ipc = { invoke: vi.fn(), on: vi.fn((_c: string, l: typeof listener) => { listener = l; }), removeListener: vi.fn() };
    const got: unknown[] = [];
    const off = createPreloadBridge(ipc).onPresentationEvent((e) => got.push(e));
    expect(ipc.on).toHaveBeenCalledWith(PRESENTATION_EVENT, expect.any(Function));
    for (const payload of [{ slide: 3 }, { slide: -1 }, { slide: 2.5 }, { slide: '4' }, { slide: 1, extra: true }, { ended: true }, { ended: 'yes' }, 'slide', null]) listener!({}, payload);
    expect(got).toEqual([{ slide: 3 }, { ended: true }]);
    off();
    expect(ipc.removeListener).toHaveBeenCalledWith(PRESENTATION_EVENT, listener);
  });
});

describe('presentation channels', () => {
  it('open the audience window only on an app route, and move only to a whole slide number', async () => {
    const h = handlers();
    expect(await handleIpc('presentation:audience', appFrame, { route: '#/es/mothers-module' }, h)).toEqual({ ok: true, value: true });
    expect(h['presentation:audience']).toHaveBeenCalledWith({ route: '#/es/mothers-module' });
    for (const bad of [{ route: 'https://example.org/#/es' }, { route: '#/es/<script>' }, { route: '#/es', url: 'file:///etc' }, '#/es']) {
      const result = await handleIpc('presentation:audience', appFrame, bad, h);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(h['presentation:audience']).toHaveBeenCalledTimes(1);
    for (const bad of [-1, 1.5, '2', 1_000_000, null]) expect((await handleIpc('presentation:slide', appFrame, bad, h)).ok, String(bad)).toBe(false);
    expect(await handleIpc('presentation:slide', appFrame, 4, h)).toEqual({ ok: true, value: true });
    expect(h['presentation:slide']).toHaveBeenCalledTimes(1);
  });
});

describe('the renderer’s bridge to its host', () => {
  const preload = createPreloadBridge({ invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() });
  const browser = { 'settings:get': () => Promise.resolve({ ok: true, value: DEFAULT_SETTINGS }) } as unknown as ReturnType<typeof createPreloadBridge>;

  it('uses the preload when it is there, and the browser edition’s bridge over http:// and file://', () => {
    const showFault = vi.fn();
    expect(chooseBridge({ protocol: 'app:', preload, lang: 'en', browserBridge: () => browser, showFault })).toBe(preload);
    expect(chooseBridge({ protocol: 'http:', preload: undefined, lang: 'en', browserBridge: () => browser, showFault })).toBe(browser);
    expect(chooseBridge({ protocol: 'file:', preload: undefined, lang: 'en', browserBridge: () => browser, showFault })).toBe(browser);
    expect(showFault).not.toHaveBeenCalled();
  });

  it('under app:// without the preload, shows the fault in the page and every call fails with it, never falling back to the browser bridge', async () => {
    const page = { root: { replaced: [] as Array<{ role: string | null; text: string }> } };
    const element = () => {
      const attrs = new Map<string, string>();
      return { className: '', textContent: '', setAttribute: (k: string, v: string) => void attrs.set(k, v), get role() { return attrs.get('role') ?? null; } };
    };
    vi.stubGlobal('location', { protocol: 'app:' });
    vi.stubGlobal('window', {});
    vi.stubGlobal('navigator', { language: 'es-PE' });
    vi.stubGlobal('document', {
      createElement: element,
      getElementById: (id: string) => (id === 'root' ? { replaceChildren: (...n: Array<{ role: string | null; textContent: string }>) => void page.root.replaced.push(...n.map((e) => ({ role: e.role, text: e.textContent }))) } : null),
      body: null,
    });
    try {
      vi.resetModules();
      const { bridge, call } = await import('../../renderer/src/bridge/index.ts');
      expect(page.root.replaced).toEqual([{ role: 'alert', text: expect.stringMatching(/^Puente no puede comunicarse con la aplicación de escritorio.*No se cambió nada/) }]);
      for (const channel of CHANNELS) expect(await bridge[channel](undefined as never)).toEqual({ ok: false, error: page.root.replaced[0]!.text });
      await expect(call('settings:get')).rejects.toThrow(/^settings:get: Puente no puede comunicarse/);
      expect(typeof bridge.onMenuCommand(() => undefined)).toBe('function');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
