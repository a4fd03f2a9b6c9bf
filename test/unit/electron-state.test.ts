import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuItemTemplate } from '../../electron/app-menu.ts';
import { createJsonFileStore, writeFileAtomic, type FileSystemLike } from '../../electron/json-file-store.ts';
import { restoreWindowState } from '../../electron/window-state.ts';
import { createUserDataStore } from '../../electron/user-data-store.ts';
import { pdfOptions, saveWithDialog } from '../../electron/save-file.ts';
import { readSettings, DEFAULT_SETTINGS } from '../../common/settings.ts';

function memoryFs(options: { failRenames?: string[] } = {}) {
  const files = new Map<string, string>();
  const failures = [...(options.failRenames ?? [])];
  const fs: FileSystemLike & { files: Map<string, string>; renames: number } = {
    files,
    renames: 0,
    async readFile(f) {
      const v = files.get(f);
      if (v === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return v;
    },
    async writeFile(f, d) { files.set(f, d); },
    async rename(a, b) {
      fs.renames++;
      const code = failures.shift();
      if (code) throw Object.assign(new Error(code), { code });
      files.set(b, files.get(a)!);
      files.delete(a);
    },
    async mkdir() { return undefined; },
  };
  return fs;
}

describe('atomic JSON files', () => {
  it('writes through a temporary file and a rename, leaving no temporary file', async () => {
    const fs = memoryFs();
    await writeFileAtomic(fs, '/data/settings.json', '{"a":1}');
    expect([...fs.files.keys()]).toEqual(['/data/settings.json']);
  });

  it('retries the rename when Windows reports the file busy', async () => {
    const fs = memoryFs({ failRenames: ['EPERM', 'EBUSY'] });
    await writeFileAtomic(fs, '/data/s.json', 'x', async () => undefined);
    expect(fs.renames).toBe(3);
    expect(fs.files.get('/data/s.json')).toBe('x');
  });

  it('gives up on other errors and keeps the previous file', async () => {
    const fs = memoryFs({ failRenames: ['ENOSPC'] });
    fs.files.set('/data/s.json', 'old');
    await expect(writeFileAtomic(fs, '/data/s.json', 'new', async () => undefined)).rejects.toThrow('ENOSPC');
    expect(fs.files.get('/data/s.json')).toBe('old');
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
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1366, height: 768 };
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
});

describe('saving a file through the dialog', () => {
  it('writes where the user chose, adding the extension, and writes nothing when cancelled', async () => {
    const written = new Map<string, Uint8Array>();
    const deps = (filePath?: string) => ({
      showSaveDialog: async (o: { defaultPath: string }) => {
        expect(o.defaultPath).toBe('/home/u/Documents/form.xlsx');
        return { canceled: !filePath, filePath };
      },
      writeFile: async (f: string, d: Uint8Array) => void written.set(f, d),
      defaultDir: '/home/u/Documents',
    });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await saveWithDialog(deps('/tmp/census'), 'form.xlsx', 'xlsx', () => bytes)).toEqual({ saved: true, path: '/tmp/census.xlsx' });
    expect(written.get('/tmp/census.xlsx')).toEqual(bytes);
    let produced = false;
    expect(await saveWithDialog(deps(undefined), 'form.xlsx', 'xlsx', () => { produced = true; return bytes; })).toEqual({ saved: false });
    expect(produced).toBe(false);
  });
});

describe('PDF options', () => {
  it('lets the print stylesheet set the page and its numbers, with no Electron header or footer on top', () => {
    expect(pdfOptions('Letter')).toEqual({ pageSize: 'Letter', printBackground: false, displayHeaderFooter: false, preferCSSPageSize: true });
  });
});
