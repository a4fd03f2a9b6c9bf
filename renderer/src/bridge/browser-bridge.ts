import type { IpcResult, MenuCommand, PuenteBridge } from '../../../common/ipc-contract.ts';
import { readSettings, settingsPatchSchema, type Settings } from '../../../common/settings.ts';

const SETTINGS_KEY = 'puente.settings';
const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv;charset=utf-8', pdf: 'application/pdf', json: 'application/json', sqlite: 'application/vnd.sqlite3', backup: 'application/octet-stream' } as const;

/** A download started from the page: the browser edition's "save as". */
function downloadFile(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ok<T>(value: T): Promise<IpcResult<T>> {
  return Promise.resolve({ ok: true, value });
}

function storedSettings(): Settings {
  try {
    return readSettings(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null'));
  } catch {
    return readSettings(null);
  }
}

/** The store of what the reader saves, loaded on its first call (its schemas are not needed to show the first chapter); a failed load is answered like a failed call. */
function withUserDataStore<T>(use: (store: typeof import('./browser-user-data.ts')) => IpcResult<T>): Promise<IpcResult<T>> {
  return import('./browser-user-data.ts').then(use, (e: unknown) => ({ ok: false, error: `the app could not load its store of saved data: ${e instanceof Error ? e.message : String(e)}` }));
}

/** The host bridge of the browser edition: settings in localStorage, the browser's print dialog. */
export function createBrowserBridge(): PuenteBridge {
  return {
    'settings:get': () => ok(storedSettings()),
    'settings:set': (patch) => {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) return Promise.resolve({ ok: false, error: parsed.error.message });
      const next = readSettings({ ...storedSettings(), ...parsed.data });
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // Private mode or full storage: the setting still applies for this visit.
      }
      return ok(next);
    },
    'app:info': () => ok({ locale: navigator.language, platform: navigator.platform, version: __APP_VERSION__, host: 'browser' }),
    'window:print': () => {
      window.print();
      return ok(true);
    },
    'menu:set-language': () => ok(true),
    // Called from the click that starts a presentation, as browsers require; refused full screen is not an error.
    'window:fullscreen': (on) => {
      const done = on ? document.documentElement.requestFullscreen?.() : document.fullscreenElement ? document.exitFullscreen() : undefined;
      return Promise.resolve(done).then(() => ({ ok: true as const, value: true }), () => ({ ok: true as const, value: false }));
    },
    // The browser edition presents in one window (the presenter view with P): no second window to open or tell.
    'presentation:audience': () => ok(false),
    'presentation:slide': () => ok(true),
    'presentation:ready': () => ok(true),
    'presentation:end': () => ok(true),
    'file:save': ({ suggestedName, bytes, filter }) => {
      downloadFile(suggestedName, bytes, MIME[filter]);
      return ok({ saved: true });
    },
    // The browser's print dialog has "Save as PDF"; the page size follows the print stylesheet.
    'window:save-pdf': () => {
      window.print();
      return ok({ saved: false });
    },
    'userdata:get': (key) => withUserDataStore((store) => store.getUserData(key)),
    'userdata:set': (write) => withUserDataStore((store) => store.setUserData(write)),
    // The database runs in a worker (started on first use), with the same service as Electron's main process.
    // The worker's records service checks the request.
    'records:call': async (request) => {
      const { callRecordsWorker } = await import('../records/records-worker-client.ts');
      return callRecordsWorker(request);
    },
    onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
    onPresentationEvent: () => () => undefined,
  };
}
