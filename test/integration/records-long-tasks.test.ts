/**
 * A long import or restore reports how far it is and can be cancelled while it runs; a cancelled
 * one changes nothing, and nothing else runs in its pauses.
 */
import { describe, expect, it } from 'vitest';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { answersCsv, recordsService as service } from '../fixtures/records-service.ts';

const ROWS = 3000;
const bigCsv = () => new TextEncoder().encode(answersCsv(Array.from({ length: ROWS }, (_, i) => registration({ code: `BIG-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), status: 'working', date: '2026-02-10' }))));

describe('long imports and restores', () => {
  it('an import reports its progress while it runs, and is answered in slices', async () => {
    const { call } = await service();
    const importing = call({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes: bigCsv() });
    const seen: Array<{ done: number; total: number }> = [];
    for (let i = 0; i < 400; i++) {
      const p = await call<{ task: string; done: number; total: number } | null>({ op: 'progress' });
      if (p) seen.push(p);
      if (await Promise.race([importing.then(() => true), new Promise((r) => setTimeout(() => r(false), 5))])) break;
    }
    expect(await importing).toMatchObject({ ok: true, written: ROWS });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.total === ROWS * 2)).toBe(true);
    expect(seen.at(-1)!.done).toBeGreaterThan(seen[0].done);
    expect(await call({ op: 'progress' })).toBeNull();
  });

  it('a cancelled import writes nothing, and the records stay usable', async () => {
    const { call } = await service();
    expect(await call({ op: 'cancel' })).toBe(false);
    await call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: 'KEEP', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }) });
    const importing = call({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes: bigCsv() });
    // A request made during the import waits for it: it never lands inside the import's transaction.
    const during = call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: 'AFTER', sex: 'm', age: 7, status: 'at_risk', date: '2026-02-11' }) });
    while (!(await call({ op: 'progress' }))) await new Promise((r) => setTimeout(r, 1));
    expect(await call({ op: 'cancel' })).toBe(true);
    await expect(importing).rejects.toThrow(/\[cancelled\b.*Nothing was changed/);
    expect(await during).toMatchObject({ ok: true });
    expect(await call({ op: 'status' })).toMatchObject({ children: 2 });
  });

  it('a restore can be cancelled while its backup is checked, and changes nothing', async () => {
    const a = await service();
    await a.call({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes: bigCsv() });
    const backup = (await a.call<{ bytes: Uint8Array }>({ op: 'export-database' })).bytes;
    const b = await service();
    await b.call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: 'KEEP', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }) });
    const restoring = b.call({ op: 'restore-database', bytes: backup, acceptLoss: true });
    let p = null;
    while (!(p = await b.call<{ task: string } | null>({ op: 'progress' }))) await new Promise((r) => setTimeout(r, 1));
    expect(p).toMatchObject({ task: 'restore' });
    await b.call({ op: 'cancel' });
    await expect(restoring).rejects.toThrow(/\[cancelled\b/);
    expect(await b.call({ op: 'status' })).toMatchObject({ children: 1 });
  });
});
