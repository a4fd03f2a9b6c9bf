/**
 * Records benchmark, large imports (part of `npm run bench`): a CSV of 100,000 registrations,
 * checked and imported as the app does it. Prints the time, the peak memory, and the longest time
 * the calling thread was blocked — (a) with the service on that thread (as in the browser edition's
 * worker, which answers "progress" and "cancel" between slices), and (b) with the service in the
 * Electron build's records thread (dist/electron/records-thread.cjs), where the main process is the caller.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { createRecordsService } from '../../common/records/records-service.ts';
import { memoryStorage } from '../../common/records/memory-disk.ts';
import { loadContent } from '../content/load-content.ts';
import { registration } from './monitoring-answers.ts';
import { watch } from './watch.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const root = path.resolve(import.meta.dirname, '../..');

/** The CSV a coordinator would import: one registration per row, field names as the header. */
function csvOf(rows: number): Uint8Array {
  const answers = Array.from({ length: rows }, (_, i) => registration({ code: `IMP-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), status: i % 3 ? 'working' : 'at_risk', date: '2026-02-10' }));
  const header = [...new Set(answers.flatMap((a) => Object.keys(a)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));
  return new TextEncoder().encode([header.join(','), ...answers.map((a) => header.map((h) => cell(a[h])).join(','))].join('\r\n') + '\r\n');
}

const instruments = loadContent(path.join(root, 'content')).instruments;
const bytes = csvOf(ROWS);
console.log(`\nRecords: importing ${ROWS.toLocaleString('en')} registrations (${(bytes.byteLength / 2 ** 20).toFixed(1)} MB of CSV)`);

const SQL = await initSqlJs();
const service = createRecordsService({ SQL, instruments, debounceMs: 60_000, ...memoryStorage({}) });
const onThread = await watch(() => service.handle({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes }));
const ok = (r: unknown) => (r as { ok?: boolean; written?: number }).ok ? `${(r as { written: number }).written} written` : 'REFUSED';
console.log(`  service on the calling thread:  ${(onThread.ms / 1000).toFixed(1)} s, ${ok(onThread.result)}, peak memory ${onThread.peakRssMb.toFixed(0)} MB, longest block ${onThread.longestBlockMs.toFixed(0)} ms`);

const threadFile = path.join(root, 'dist/electron/records-thread.cjs');
const dir = mkdtempSync(path.join(tmpdir(), 'puente-bench-import-'));
try {
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'records-instruments.json'), JSON.stringify(instruments.filter((f) => f.kind === 'monitoring')));
  const worker = new Worker(threadFile, { workerData: { rendererDir, userDataDir: path.join(dir, 'user'), wasmDir: path.dirname(threadFile) } });
  const inThread = await watch(() => new Promise<unknown>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; value?: unknown; message?: string }) => (m.ok ? resolve(m.value) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.postMessage({ id: 1, kind: 'handle', request: { op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes } });
  }));
  await worker.terminate();
  console.log(`  service in the records thread:  ${(inThread.ms / 1000).toFixed(1)} s, ${ok(inThread.result)}, peak memory ${inThread.peakRssMb.toFixed(0)} MB, main process's longest block ${inThread.longestBlockMs.toFixed(0)} ms (target < 100 ms)`);
} catch (error) {
  console.log(`  service in the records thread:  not measured (${error instanceof Error ? error.message : String(error)}; run npm run build:electron first)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
