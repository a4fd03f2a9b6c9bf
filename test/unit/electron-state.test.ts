import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuItemTemplate } from '../../electron/app-menu.ts';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { createJsonFileStore, schemaReader, type FileSystemLike } from '../../electron/json-file-store.ts';
import { DEFAULT_WINDOW_STATE, WINDOW_MINIMUM, restoreWindowState, trackWindowState, windowStateSchema, type WindowState } from '../../electron/window-state.ts';
import { createUserDataStore } from '../../electron/user-data-store.ts';
import { pdfOptions, saveWithDialog } from '../../electron/save-file.ts';
import { readSettings, DEFAULT_SETTINGS } from '../../common/settings.ts';

/** A folder in memory with the file operations a JSON store uses, recording the writes, syncs and renames in order. */
function memoryFs(options: { failRenames?: string[] } = {}) {
  const files = new Map<string, string>();
  const failures = [...(options.failRenames ?? [])];
  const ops: string[] = [];
  const missing = (f: string) => Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
  const name = (f: string) => (f.endsWith('.tmp') ? 'temp' : f);
  const fs: FileSystemLike & { files: Map<string, string>; ops: string[]; renames: number; failNextRename(code: string): void } = {
    files,
    ops,
    renames: 0,
    failNextRename: (code) => void failures.push(code),
    async readFile(f) {
      const v = files.get(f);
      if (v === undefined) throw missing(f);
      return new TextEncoder().encode(v);
    },
    async open(f, flags) {
      return {
        async writeFile(bytes) {
          ops.push(`write ${name(f)}`);
          files.set(f, new TextDecoder().decode(bytes));
        },
        async sync() { ops.push(`sync ${flags === 'w' ? name(f) : 'folder'}`); },
        async close() {},
      };
    },
    async rename(a, b) {
      fs.renames++;
      const code = failures.shift();
      if (code) throw Object.assign(new Error(code), { code });
      ops.push(`rename ${name(a)} -> ${b}`);
      files.set(b, files.get(a)!);
      files.delete(a);
    },
    async mkdir() { return undefined; },
    async rm(f) { files.delete(f); },
    async link(a, b) { files.set(b, files.get(a)!); },
    async copyFile(a, b) { files.set(b, files.get(a)!); },
    async stat(f) {
      if (!files.has(f)) throw missing(f);
      return { mtime: new Date() };
    },
    async readdir(dir) { return [...files.keys()].filter((f) => path.dirname(f) === dir).map((f) => path.basename(f)); },
  };
  return fs;
}

describe('atomic JSON files', () => {
  it('writes through a temporary file and a rename, leaving no temporary file', async () => {
    const fs = memoryFs();
    await createJsonFileStore(fs, '/data/settings.json', readSettings, DEFAULT_SETTINGS).set({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect([...fs.files.keys()]).toEqual(['/data/settings.json']);
    expect(JSON.parse(fs.files.get('/data/settings.json')!).theme).toBe('dark');
  });

  it('puts the new settings on the disk itself before they replace the old file, so a power cut never leaves an empty file', async () => {
    const fs = memoryFs();
    await createJsonFileStore(fs, '/data/settings.json', readSettings, DEFAULT_SETTINGS).set({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(fs.ops).toEqual(['write temp', 'sync temp', 'rename temp -> /data/settings.json', 'sync folder']);
  });

  it('retries the rename when Windows reports the file busy', async () => {
    const fs = memoryFs({ failRenames: ['EPERM', 'EBUSY'] });
    await createJsonFileStore(fs, '/data/s.json', readSettings, DEFAULT_SETTINGS).set({ ...DEFAULT_SETTINGS, textSize: 1.5 });
    expect(fs.renames).toBe(3);
    expect(JSON.parse(fs.files.get('/data/s.json')!).textSize).toBe(1.5);
  });

  it('gives up on other errors and keeps the previous file, with no temporary file left', async () => {
    const fs = memoryFs({ failRenames: ['ENOSPC'] });
    fs.files.set('/data/s.json', 'old');
    await expect(createJsonFileStore(fs, '/data/s.json', readSettings, DEFAULT_SETTINGS).set(DEFAULT_SETTINGS)).rejects.toThrow('ENOSPC');
    expect([...fs.files]).toEqual([['/data/s.json', 'old']]);
  });

  it('reads a corrupt or foreign settings file as the defaults', async () => {
    const fs = memoryFs();
    fs.files.set('/s.json', '{not json');
    expect(await createJsonFileStore(fs, '/s.json', readSettings, DEFAULT_SETTINGS).get()).toEqual(DEFAULT_SETTINGS);
    fs.files.set('/t.json', JSON.stringify({ theme: 'neon' }));
    expect(await createJsonFileStore(fs, '/t.json', readSettings, DEFAULT_SETTINGS).get()).toEqual(DEFAULT_SETTINGS);
    fs.files.set('/u.json', JSON.stringify({ theme: 'dark', lang: 'es' }));
    expect(await createJsonFileStore(fs, '/u.json', readSettings, DEFAULT_SETTINGS).get()).toMatchObject({ theme: 'dark', lang: 'es', textSize: 1 });
  });

  it('a failed write does not stop later ones, and the flush at quit writes what is still unsaved', async () => {
    const fs = memoryFs();
    const store = createJsonFileStore(fs, '/s.json', readSettings, DEFAULT_SETTINGS);
    fs.failNextRename('ENOSPC');
    await expect(store.set({ ...DEFAULT_SETTINGS, theme: 'dark' })).rejects.toThrow('ENOSPC');
    expect(fs.files.has('/s.json')).toBe(false);
    await store.flush();
    expect(JSON.parse(fs.files.get('/s.json')!).theme).toBe('dark');
    await store.set({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(JSON.parse(fs.files.get('/s.json')!).theme).toBe('light');
    const renames = fs.renames;
    await store.flush();
    expect(fs.renames, 'nothing unsaved: the flush writes nothing').toBe(renames);
  });

  it('the flush waits for a write in progress and tries again what it could not write', async () => {
    const fs = memoryFs();
    const store = createJsonFileStore(fs, '/s.json', readSettings, DEFAULT_SETTINGS);
    fs.failNextRename('EROFS');
    const write = store.set({ ...DEFAULT_SETTINGS, textSize: 1.5 }).catch((e: Error) => e.message);
    await expect(store.flush()).resolves.toBeUndefined();
    expect(await write).toBe('EROFS');
    expect(JSON.parse(fs.files.get('/s.json')!).textSize).toBe(1.5);
  });

  it('keeps the last of several quick writes', async () => {
    const fs = memoryFs();
    const store = createJsonFileStore(fs, '/s.json', readSettings, DEFAULT_SETTINGS);
    await Promise.all([1, 1.125, 1.25].map((textSize) => store.set({ ...DEFAULT_SETTINGS, textSize })));
    expect(JSON.parse(fs.files.get('/s.json')!).textSize).toBe(1.25);
  });
});

describe('user data store', () => {
  it('keeps each kind in its own file and reads damaged files as empty', async () => {
    const fs = memoryFs();
    const store = createUserDataStore(fs, '/ud');
    expect(await store.get('profiler-plans')).toEqual([]);
    const plan = { id: 'p1', name: 'Chima', createdAt: 'a', updatedAt: 'b', answers: {} };
    await store.set({ key: 'profiler-plans', value: [plan] });
    expect(JSON.parse(fs.files.get('/ud/profiler-plans.json')!)).toEqual([plan]);
    fs.files.set('/ud2/profiler-plans.json', '[{"id": 5}]');
    expect(await createUserDataStore(fs, '/ud2').get('profiler-plans')).toEqual([]);
  });

  it('flushes every kind before quitting, and rejects while one still cannot be written', async () => {
    const fs = memoryFs();
    const store = createUserDataStore(fs, '/ud');
    const plan = { id: 'p1', name: 'Chima', createdAt: 'a', updatedAt: 'b', answers: {} };
    fs.failNextRename('ENOSPC');
    await expect(store.set({ key: 'profiler-plans', value: [plan] })).rejects.toThrow('ENOSPC');
    fs.failNextRename('ENOSPC');
    await expect(store.flush()).rejects.toThrow('ENOSPC');
    await store.flush();
    expect(JSON.parse(fs.files.get(path.join('/ud', 'profiler-plans.json'))!)).toEqual([plan]);
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1366, height: 768 };
  it('keeps a window as narrow and as short as the window itself allows', () => {
    const read = schemaReader(windowStateSchema, DEFAULT_WINDOW_STATE);
    const smallest = { x: 10, y: 10, ...WINDOW_MINIMUM, maximized: false };
    expect(read(smallest)).toEqual(smallest);
    expect(restoreWindowState(read(smallest), [display])).toEqual(smallest);
    expect(read({ ...smallest, width: WINDOW_MINIMUM.width - 1 })).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('remembers the window a moment after it stops moving, at once when it closes, and on flush', async () => {
    vi.useFakeTimers();
    try {
      const win = Object.assign(new EventEmitter(), {
        bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false, destroyed: false,
        getNormalBounds() { return { ...this.bounds }; }, isMaximized() { return this.maximized; }, isDestroyed() { return this.destroyed; },
      });
      const saved: WindowState[] = [];
      const store = { set: vi.fn(async (s: WindowState) => void saved.push(s)), flush: vi.fn(async () => undefined) };
      const tracked = trackWindowState(win, store, 400);
      win.bounds = { x: 5, y: 5, width: 700, height: 500 };
      win.emit('move');
      win.emit('resize');
      expect(saved).toEqual([]);
      vi.advanceTimersByTime(400);
      expect(saved).toEqual([{ x: 5, y: 5, width: 700, height: 500, maximized: false }]);
      win.maximized = true;
      win.emit('maximize');
      await tracked.flush();
      expect(saved.at(-1)).toMatchObject({ maximized: true });
      expect(store.flush).toHaveBeenCalled();
      win.bounds = { x: 9, y: 9, width: 640, height: 480 };
      win.emit('resize');
      win.emit('close');
      expect(saved.at(-1)).toMatchObject({ x: 9, width: 640 });
      vi.advanceTimersByTime(1_000);
      expect(saved).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('restores bounds that are on a current display', () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [display])).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: false });
  });
  it('forgets the position when its monitor is gone, and shrinks to fit', () => {
    expect(restoreWindowState({ x: 2000, y: 100, width: 1600, height: 900, maximized: true }, [display])).toEqual({ width: 1600, height: 900, maximized: true });
    expect(restoreWindowState({ x: 0, y: 0, width: 1920, height: 1080, maximized: false }, [display])).toMatchObject({ width: 1366, height: 768 });
  });
});

describe('application menu', () => {
  const flatten = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
  it('is in the reader’s language, with Print and a search shortcut that reach the renderer', () => {
    const sent: string[] = [];
    const es = flatten(buildMenuTemplate('es', (c) => sent.push(c), { isMac: false, devTools: false }));
    const print = es.find((i) => i.label === 'Imprimir…')!;
    const search = es.find((i) => i.label === 'Buscar')!;
    expect(print.accelerator).toBe('CmdOrCtrl+P');
    expect(search.accelerator).toBe('CmdOrCtrl+K');
    print.click!();
    search.click!();
    expect(sent).toEqual(['print', 'search']);
    expect(es.some((i) => i.role === 'toggleDevTools')).toBe(false);
    const en = flatten(buildMenuTemplate('en', () => undefined, { isMac: false, devTools: true }));
    expect(en.map((i) => i.label)).toContain('Print…');
    expect(en.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('takes its words from the interface catalogues, as the screens do', () => {
    for (const lang of ['en', 'es'] as const) {
      const t = translatorFor(lang);
      const labels = flatten(buildMenuTemplate(lang, () => undefined, { isMac: false, devTools: true })).map((i) => i.label);
      for (const key of ['appMenu.file', 'appMenu.print', 'appMenu.quit', 'appMenu.view', 'appMenu.search', 'appMenu.home', 'appMenu.theme', 'appMenu.bigger', 'appMenu.smaller', 'appMenu.language', 'appMenu.edit', 'appMenu.reload', 'appMenu.fullscreen', 'appMenu.devtools'] as const) {
        expect(labels, `${lang} ${key}`).toContain(t.format(key));
      }
    }
  });
});

describe('saving a file through the dialog', () => {
  it('writes where the user chose, adding the extension, and writes nothing when cancelled', async () => {
    const written = new Map<string, Uint8Array>();
    const deps = (filePath?: string) => ({
      showSaveDialog: async (o: { defaultPath: string }) => {
        expect(o.defaultPath).toBe(path.join('/home/u/Documents', 'form.xlsx'));
        return { canceled: !filePath, filePath };
      },
      writeFile: async (f: string, d: Uint8Array) => void written.set(f, d),
      defaultDir: '/home/u/Documents', lang: 'en' as const,
    });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await saveWithDialog(deps('/tmp/census'), 'form.xlsx', 'xlsx', () => bytes)).toEqual({ saved: true, path: '/tmp/census.xlsx' });
    expect(written.get('/tmp/census.xlsx')).toEqual(bytes);
    let produced = false;
    expect(await saveWithDialog(deps(undefined), 'form.xlsx', 'xlsx', () => { produced = true; return bytes; })).toEqual({ saved: false });
    expect(produced).toBe(false);
  });

  it('names the kind of file in the reader’s language (a backup or a database is not English on a Spanish screen)', async () => {
    const offered: Array<Array<{ name: string; extensions: string[] }>> = [];
    const deps = (lang: 'en' | 'es') => ({
      showSaveDialog: async (o: { filters: Array<{ name: string; extensions: string[] }> }) => { offered.push(o.filters); return { canceled: true }; },
      writeFile: async () => undefined, defaultDir: '/home/u/Documents', lang,
    });
    for (const kind of ['backup', 'sqlite'] as const) {
      await saveWithDialog(deps('es'), 'x', kind, () => new Uint8Array());
      await saveWithDialog(deps('en'), 'x', kind, () => new Uint8Array());
    }
    expect(offered.map((f) => f[0].name)).toEqual(['Copia de seguridad cifrada de Puente', 'Puente encrypted backup', 'Base de datos SQLite', 'SQLite database']);
    expect(offered[0][0].extensions).toEqual(['puente']);
  });

  it('offers the documents folder as one clean path, whatever separator the folder ends with', async () => {
    const offered: string[] = [];
    const deps = { showSaveDialog: async (o: { defaultPath: string }) => (offered.push(o.defaultPath), { canceled: true }), writeFile: async () => undefined, defaultDir: `${path.join('/home/u', 'Documents')}${path.sep}`, lang: 'es' as const };
    await saveWithDialog(deps, 'chapter.pdf', 'pdf', () => new Uint8Array());
    expect(offered).toEqual([path.join('/home/u', 'Documents', 'chapter.pdf')]);
  });
});

describe('PDF options', () => {
  it('lets the print stylesheet set the page and its numbers, with no Electron header or footer on top', () => {
    expect(pdfOptions('Letter')).toEqual({ pageSize: 'Letter', printBackground: false, displayHeaderFooter: false, preferCSSPageSize: true });
  });
});
