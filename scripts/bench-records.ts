/**
 * Field-records benchmark (part of `npm run bench`): 10,000 children with 10 forms each,
 * then the register's list, filters and search, a child's history and the dashboard, timed
 * on the same store module the app runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBytesAtomic } from '../node/atomic-file.ts';
import initSqlJs from 'sql.js';
import { addChildEntry, addRegistration, childHistory, childIdByCode, inTransaction, listChildren, openDatabase, quarterlyFigures, registerFacts } from '../common/records/records-store.ts';
import { answersFromRegister } from '../common/records/entry-checks.ts';
import { decryptRecords, DEFAULT_ITERATIONS, deriveKey, encryptRecords } from '../common/records/encryption.ts';
import { registration, verification, visit } from './bench/monitoring-answers.ts';
import { loadContent } from './content/load-content.ts';
import { createRecordsService } from '../common/records/records-service.ts';
import { memoryStorage } from '../common/records/memory-disk.ts';
import type { ImportPreview } from '../common/records/records-api.ts';
import { centralCsv } from './bench/server-exports.ts';
import { watch } from './bench/watch.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 10_000);
const FORMS_PER_CHILD = 10;

function timeIt(runs: number, fn: () => void): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

const SQL = await initSqlJs();
const db = openDatabase(SQL);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

let t = performance.now();
inTransaction(db, () => {
  for (let i = 0; i < CHILDREN; i++) {
    const code = `CH-${String(i).padStart(5, '0')}`;
    const sex = rand() < 0.5 ? 'f' : 'm';
    const age = 6 + Math.floor(rand() * 12);
    const working = rand() < 0.6;
    const start = Math.floor(rand() * 300);
    const community = ['Chima', 'Chuquini', 'Santa Filomena', 'La Rinconada'][i % 4];
    const reg = registration({ code, sex, age, status: working ? 'working' : 'at_risk', date: day(start), community });
    const { childId } = addRegistration(db, { childCode: code, sex, age, community, status: working ? 'working' : 'at_risk', date: day(start) }, reg);
    for (let v = 1; v < FORMS_PER_CHILD; v++) {
      const date = day(start + v * 30);
      if (v % 3 === 0) {
        const result = working ? (rand() < 0.7 ? 'withdrawn' : 'still_working') : (rand() < 0.8 ? 'prevented' : 'not_yet');
        addChildEntry(db, 'verification', childId!, date, result, verification({ code, sex, age, date, registered: working ? 'working' : 'at_risk', result }));
      } else {
        addChildEntry(db, 'follow-up-visit', childId!, date, null, visit({ code, sex, age, date, stillWorking: rand() < 0.3 }));
      }
    }
  }
});
const seedMs = performance.now() - t;
const bytes = db.export();
db.run('PRAGMA foreign_keys = ON');

const results: Array<[string, { p50: number; p95: number }]> = [
  ['register: first page (50), newest first', timeIt(30, () => listChildren(db, { limit: 50 }))],
  ['register: filter withdrawn girls 6–13', timeIt(30, () => listChildren(db, { status: 'withdrawn', sex: 'f', ageGroup: 'under14', limit: 50 }))],
  ['register: search "ch-0123"', timeIt(30, () => listChildren(db, { query: 'ch-0123', limit: 50 }))],
  ['register: last page, by last visit', timeIt(10, () => listChildren(db, { sort: 'last-visit', offset: CHILDREN - 50, limit: 50 }))],
  ['child history (10 forms)', timeIt(30, () => childHistory(db, 1 + Math.floor(rand() * CHILDREN)))],
  ['dashboard: every quarter, all communities', timeIt(5, () => quarterlyFigures(db))],
  ['dashboard: one community', timeIt(5, () => quarterlyFigures(db, { community: 'Chima' }))],
];

// Opening the saved file again, as the app does at start-up.
t = performance.now();
openDatabase(SQL, bytes).close();
const openMs = performance.now() - t;

// One form saved through the service (validation included), on a copy of this database.
const instruments = loadContent(path.resolve(import.meta.dirname, '../content')).instruments;
// The service writes the file as the Electron app does: temporary file, flush, rename, previous copy kept.
const dir = mkdtempSync(path.join(tmpdir(), 'puente-bench-records-'));
const file = path.join(dir, 'records.sqlite');
const service = createRecordsService({ SQL, instruments, read: async () => [{ bytes, label: 'current' }], write: (b) => writeBytesAtomic(file, b), writeUndoCopy: async () => undefined, readUndoCopy: async () => null, debounceMs: 60_000 });
await service.handle({ op: 'status' });
// A visit to one seeded child, with the facts the register holds about the child (as the app's form starts from them).
const visitForm = instruments.find((f) => f.id === 'follow-up-visit')!;
const child = registerFacts(db, childIdByCode(db, 'CH-00042')!);
const visitOn = (date: string) => {
  const start = answersFromRegister(visitForm, child, date);
  return { ...visit({ code: child.childCode, sex: child.sex, age: 0, date, stillWorking: false }), ...start.initial, ...start.fixed };
};
t = performance.now();
const saved = await service.handle({ op: 'save-entry', lang: 'es', instrumentId: 'follow-up-visit', answers: visitOn('2026-11-01') });
const saveMs = performance.now() - t;
// The debounced write of the whole file that follows a change (export, temporary file, fsync, rename).
const writes: number[] = [];
for (let i = 0; i < 3; i++) {
  await service.handle({ op: 'save-entry', lang: 'es', instrumentId: 'follow-up-visit', answers: visitOn(`2026-11-0${2 + i}`) });
  t = performance.now();
  await service.flush();
  writes.push(performance.now() - t);
}
rmSync(dir, { recursive: true, force: true });
writes.sort((a, b) => a - b);

// Unlocking an encrypted records file: the key from the passphrase (PBKDF2-SHA256 at the count new passphrases get), then decrypting the whole file.
const encrypted = await encryptRecords(bytes, await deriveKey('a passphrase for the benchmark', undefined, DEFAULT_ITERATIONS));
const keyTimes: number[] = [];
const unlockTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  await deriveKey('a passphrase for the benchmark', undefined, DEFAULT_ITERATIONS);
  keyTimes.push(performance.now() - t);
  t = performance.now();
  await decryptRecords(encrypted, 'a passphrase for the benchmark');
  unlockTimes.push(performance.now() - t);
}
keyTimes.sort((a, b) => a - b);
unlockTimes.sort((a, b) => a - b);

console.log(`\nField records: ${CHILDREN.toLocaleString('en')} children × ${FORMS_PER_CHILD} forms = ${(CHILDREN * FORMS_PER_CHILD).toLocaleString('en')} entries`);
console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s; database file ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; opened and checked in ${openMs.toFixed(0)} ms`);
console.log(`  one visit saved through the service (validated): ${saveMs.toFixed(1)} ms (${(saved as { ok: boolean }).ok ? 'ok' : 'refused'})`);
console.log(`  then the debounced write of the whole file (export, temporary file, fsync, rename): median ${writes[1].toFixed(0)} ms of 3`);
console.log(`  unlock with a passphrase (PBKDF2-SHA256, ${DEFAULT_ITERATIONS.toLocaleString('en')} iterations): key ${keyTimes[1].toFixed(0)} ms, key and decrypting the whole file ${unlockTimes[1].toFixed(0)} ms (median of 3)`);
console.log('  operation                                     p50 ms    p95 ms   target < 1000 ms');
for (const [name, r] of results) console.log(`  ${name.padEnd(44)} ${r.p50.toFixed(1).padStart(7)}   ${r.p95.toFixed(1).padStart(7)}   ${r.p95 < 1000 ? 'met' : 'NOT met'}`);

// Importing a server export (issue 14): an ODK Central CSV of registrations, previewed and then committed through the
// service as the app does it (every row through the form filler's checks), with the time, peak memory and longest block.
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 50_000);
const registrationForm = instruments.find((f) => f.id === 'child-registration')!;
const collected = Array.from({ length: SUBMISSIONS }, (_, i) => ({
  id: `b3a1c0de-${String(i).padStart(8, '0')}`, submittedAt: '2026-03-05T09:00:00.000Z',
  answers: registration({ code: `SRV-${String(i).padStart(6, '0')}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 12), status: i % 3 ? 'working' : 'at_risk', date: day(i % 300), community: ['Chima', 'Chuquini', 'Santa Filomena', 'La Rinconada'][i % 4] }),
}));
const exportBytes = new TextEncoder().encode(centralCsv(registrationForm, collected));
const importing = createRecordsService({ SQL, instruments, debounceMs: 60_000, ...memoryStorage({}) });
await importing.handle({ op: 'status' });
const request = { lang: 'es', fileName: 'puente_child_registration.csv', bytes: exportBytes } as const;
const previewed = await watch(() => importing.handle({ op: 'preview-import', ...request }) as Promise<ImportPreview>);
const committed = await watch(() => importing.handle({ op: 'commit-import', ...request }) as Promise<ImportPreview & { written: { added: number } }>);
const again = await watch(() => importing.handle({ op: 'preview-import', ...request }) as Promise<ImportPreview>);
console.log(`\nServer export import: ${SUBMISSIONS.toLocaleString('en')} submissions (ODK Central CSV, ${(exportBytes.byteLength / 2 ** 20).toFixed(1)} MB), service on the calling thread`);
console.log(`  preview:  ${(previewed.ms / 1000).toFixed(1)} s (${previewed.result.newForms.toLocaleString('en')} new, ${previewed.result.refusedRows} refused), peak memory ${previewed.peakRssMb.toFixed(0)} MB, longest block ${previewed.longestBlockMs.toFixed(0)} ms`);
console.log(`  commit:   ${(committed.ms / 1000).toFixed(1)} s (${committed.result.written.added.toLocaleString('en')} written), peak memory ${committed.peakRssMb.toFixed(0)} MB, longest block ${committed.longestBlockMs.toFixed(0)} ms`);
console.log(`  the same export again: ${(again.ms / 1000).toFixed(1)} s, ${again.result.unchanged.toLocaleString('en')} already here, ${again.result.newForms} new`);
