/**
 * Fault injection for the records host (the Electron main process's records, on a real folder):
 * a full disk, a read-only folder, a file it may not read, a folder in the file's place, a file
 * held or renamed during a save. For each: no record is lost, the person is told, and the app
 * is usable afterwards.
 */
import { promises as fs, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../node/atomic-file.ts';
import { createRecordsHost } from '../../electron/records-host.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import type { RecordsStatus } from '../../common/records/records-api.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'puente-records-faults-'));
const rendererDir = path.join(dir, 'renderer');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  mkdirSync(rendererDir, { recursive: true });
  const monitoring = loadContent(path.resolve(import.meta.dirname, '../../content')).instruments.filter((f) => f.kind === 'monitoring');
  writeFileSync(path.join(rendererDir, 'records-instruments.json'), JSON.stringify(monitoring));
});

const realFs = fs as unknown as AtomicFs;
/** File operations that fail with `code` while `faulty.on` is true, at the step a real fault would hit. */
function faultyFs(code: string, step: 'write' | 'rename' | 'read') {
  const faulty = { on: true };
  const fail = () => Object.assign(new Error(`${code}: simulated`), { code });
  const ops: AtomicFs = {
    ...realFs,
    open: async (f, flags) => {
      const h = await fs.open(f, flags);
      return {
        writeFile: async (b) => {
          if (faulty.on && step === 'write') { await h.writeFile(b.subarray(0, Math.min(4096, b.byteLength))); throw fail(); }
          await h.writeFile(b);
        },
        sync: () => h.sync(), close: () => h.close(),
      };
    },
    rename: async (a, b) => { if (faulty.on && step === 'rename') throw fail(); await fs.rename(a, b); },
    readFile: async (f) => { if (faulty.on && step === 'read') throw fail(); return fs.readFile(f); },
  };
  return { faulty, ops };
}

let n = 0;
function host(ops?: AtomicFs, userDataDir = path.join(dir, `user-${++n}`)) {
  const h = createRecordsHost({ rendererDir, userDataDir, loadSql: () => initSqlJs(), fs: ops, retryDelaysMs: [20] });
  const register = (code: string) => h.handle({ op: 'save-entry', lang: 'es', instrumentId: 'child-registration', answers: registration({ code, sex: 'f', age: 8, status: 'working', date: '2026-05-02' }) });
  const status = () => h.handle({ op: 'status' }) as Promise<RecordsStatus>;
  return { h, register, status, userDataDir };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('records host under faults', () => {
  for (const [code, problem] of [['ENOSPC', 'disk-full'], ['EROFS', 'read-only'], ['EACCES', 'no-permission']] as const) {
    it(`${code}: a failed save keeps the changes, says so until it is saved, blocks a silent quit, and saves when the fault is gone`, async () => {
      const { faulty, ops } = faultyFs(code, 'write');
      faulty.on = false;
      const a = host(ops);
      await a.register('CH-1');
      await a.h.flushBeforeQuit();
      faulty.on = true;
      expect(await a.register('CH-2')).toMatchObject({ ok: true });
      await until(async () => (await a.status()).unsaved?.problem !== null && (await a.status()).unsaved !== null);
      const s = await a.status();
      expect(s).toMatchObject({ children: 2, unsaved: { changes: 1, problem: { code: problem } } });
      expect(s.savedAt).not.toBeNull();
      await expect(a.h.flushBeforeQuit()).rejects.toMatchObject({ code });
      expect(await a.h.pendingChanges()).toBe(1);
      expect((await fs.readdir(path.join(a.userDataDir, 'records'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // The fault goes away (space freed): the next try saves, and a new start finds both children.
      faulty.on = false;
      await until(async () => (await a.status()).unsaved === null);
      expect((await a.status()).unsaved).toBeNull();
      expect(await host(undefined, a.userDataDir).status()).toMatchObject({ state: 'open', children: 2 });
    });
  }

  it('a file held by another program during the save (rename refused): the changes wait and are saved on a later try', async () => {
    const { faulty, ops } = faultyFs('EBUSY', 'rename');
    faulty.on = false;
    const a = host(ops);
    await a.register('CH-1');
    await a.h.flushBeforeQuit();
    faulty.on = true;
    await a.register('CH-2');
    await expect(a.h.flushBeforeQuit()).rejects.toMatchObject({ code: 'EBUSY' });
    expect((await a.status()).unsaved).toMatchObject({ changes: 1, problem: { code: 'busy' } });
    faulty.on = false;
    await until(async () => (await a.status()).unsaved === null);
    expect(await host(undefined, a.userDataDir).status()).toMatchObject({ children: 2 });
  });

  it('a file renamed away during a save: the data in memory is written whole at the next try', async () => {
    const a = host();
    await a.register('CH-1');
    await a.h.flushBeforeQuit();
    await a.register('CH-2');
    renameSync(a.h.file, `${a.h.file}.moved`);
    await a.h.flushBeforeQuit();
    expect(await host(undefined, a.userDataDir).status()).toMatchObject({ children: 2 });
  });

  it('an unreadable records file stops the records with a clear message and writes nothing over it', async () => {
    const a = host();
    for (const c of ['CH-1', 'CH-2', 'CH-3']) await a.register(c);
    await a.h.flushBeforeQuit();
    const before = readFileSync(a.h.file);
    const { ops } = faultyFs('EACCES', 'read');
    const b = host(ops, a.userDataDir);
    expect(await b.status()).toMatchObject({ state: 'unreadable', children: 0 });
    await expect(b.register('CH-4')).rejects.toThrow(/\[unreadable\b.*Nothing was changed/);
    await expect(b.h.handle({ op: 'delete-all' })).rejects.toThrow(/\[unreadable\b/);
    await b.h.flushBeforeQuit();
    expect(readFileSync(a.h.file).equals(before)).toBe(true);
    // Once the file can be read again, everything is there.
    expect(await host(undefined, a.userDataDir).status()).toMatchObject({ state: 'open', children: 3 });
  });

  it('a folder in the records file’s place is not "no file": nothing opens empty and nothing is written', async () => {
    const a = host();
    await a.register('CH-1');
    await a.h.flushBeforeQuit();
    const previous = readFileSync(`${a.h.file}`);
    renameSync(a.h.file, `${a.h.file}.aside`);
    mkdirSync(a.h.file);
    const b = host(undefined, a.userDataDir);
    expect(await b.status()).toMatchObject({ state: 'unreadable' });
    await expect(b.register('CH-2')).rejects.toThrow(/\[unreadable\b/);
    rmSync(a.h.file, { recursive: true });
    renameSync(`${a.h.file}.aside`, a.h.file);
    expect(readFileSync(a.h.file).equals(previous)).toBe(true);
  });

  it('a records start that failed is tried again at the next request', async () => {
    const userDataDir = path.join(dir, 'retry-start');
    let fail = true;
    const h = createRecordsHost({ rendererDir, userDataDir, loadSql: () => (fail ? Promise.reject(new Error('wasm missing')) : initSqlJs()) });
    await expect(h.handle({ op: 'status' })).rejects.toThrow(/wasm missing/);
    fail = false;
    expect(await h.handle({ op: 'status' })).toMatchObject({ state: 'open' });
  });
});
