import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoredCopies, UnreadableCopyError, writeBytesAtomic, type AtomicFs } from '../../node/atomic-file.ts';
import { promises as fs } from 'node:fs';

const dir = mkdtempSync(path.join(tmpdir(), 'puente-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic file writes', () => {
  it('keeps the previous copy and cleans leftover temporary files', async () => {
    const file = path.join(dir, 'plain', 'records.sqlite');
    await writeBytesAtomic(file, new Uint8Array([1]));
    await writeBytesAtomic(file, new Uint8Array([2]));
    const copies = await readStoredCopies(file);
    expect(copies.map((c) => [c.label, [...c.bytes]])).toEqual([['current', [2]], ['previous', [1]]]);
  });

  it('a failed save (disk full, read-only folder) leaves both stored copies as they were and no partial file', async () => {
    const file = path.join(dir, 'full', 'records.sqlite');
    await writeBytesAtomic(file, new Uint8Array([1]));
    await writeBytesAtomic(file, new Uint8Array([2]));
    for (const code of ['ENOSPC', 'EROFS']) {
      const failing = { ...(fs as unknown as AtomicFs), open: async (f: string, flags: 'w' | 'r') => {
        const h = await fs.open(f, flags);
        return { writeFile: async (b: Uint8Array) => { await h.writeFile(b.subarray(0, 1)); throw Object.assign(new Error(code), { code }); }, sync: () => h.sync(), close: () => h.close() };
      } };
      await expect(writeBytesAtomic(file, new Uint8Array([3, 3, 3]), {}, failing)).rejects.toMatchObject({ code });
      expect(readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect((await readStoredCopies(file)).map((c) => [c.label, [...c.bytes]])).toEqual([['current', [2]], ['previous', [1]]]);
    }
  });

  it('treats only a missing file as "no file": a folder in its place or a file it may not read is an error, not an empty start', async () => {
    const file = path.join(dir, 'unreadable', 'records.sqlite');
    mkdirSync(file, { recursive: true });
    await expect(readStoredCopies(file)).rejects.toBeInstanceOf(UnreadableCopyError);
    const other = path.join(dir, 'denied', 'records.sqlite');
    await writeBytesAtomic(other, new Uint8Array([1]));
    const denied = { ...(fs as unknown as AtomicFs), readFile: async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } };
    await expect(readStoredCopies(other, denied)).rejects.toThrow(/EACCES/);
    expect(await readStoredCopies(path.join(dir, 'nothing-yet', 'records.sqlite'))).toEqual([]);
  });

  it('can make the previous copy the same bytes as the new one (so no copy keeps the data unencrypted)', async () => {
    const file = path.join(dir, 'both', 'records.sqlite');
    await writeBytesAtomic(file, new Uint8Array([1]));
    await writeBytesAtomic(file, new Uint8Array([2]));
    await writeBytesAtomic(file, new Uint8Array([9]), { replacePrevious: true });
    expect((await readStoredCopies(file)).map((c) => [c.label, [...c.bytes]])).toEqual([['current', [9]], ['previous', [9]]]);
  });
});
