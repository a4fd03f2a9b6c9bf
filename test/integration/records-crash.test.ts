/**
 * A process killed in the middle of a restore or an import leaves the records whole: the next
 * start opens one complete version (before or after), and a whole previous copy is kept.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoredCopies, writeBytesAtomic } from '../../node/atomic-file.ts';
import { addRegistration, inTransaction, openDatabase } from '../../common/records/records-store.ts';
import { createRecordsHost } from '../../electron/records-host.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'puente-records-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('records killed mid-restore and mid-import', () => {
  it('opens one whole version after each kill, with a whole previous copy', async () => {
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    const monitoring = loadContent(path.resolve(import.meta.dirname, '../../content')).instruments.filter((f) => f.kind === 'monitoring');
    writeFileSync(path.join(rendererDir, 'records-instruments.json'), JSON.stringify(monitoring));
    const host = (userDataDir: string) => createRecordsHost({ rendererDir, userDataDir, loadSql: () => initSqlJs() });
    // Two backups of different sizes (300 and 1,200 children), and a CSV of 50 more.
    const backups: string[] = [];
    for (const size of [300, 1200]) {
      const h = host(path.join(dir, `make-${size}`));
      for (let i = 0; i < size; i++) await h.handle({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: `B${size}-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), status: 'working', date: '2026-02-10' }) });
      const file = path.join(dir, `backup-${size}.sqlite`);
      writeFileSync(file, ((await h.handle({ op: 'export-database' })) as { bytes: Uint8Array }).bytes);
      backups.push(file);
    }
    const csvSource = host(path.join(dir, 'make-csv'));
    for (let i = 0; i < 50; i++) await csvSource.handle({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: `CSV-${i}`, sex: 'f', age: 9, status: 'at_risk', date: '2026-03-01' }) });
    const csv = path.join(dir, 'more.csv');
    writeFileSync(csv, ((await csvSource.handle({ op: 'export-csv', instrumentId: 'child-registration' })) as { bytes: Uint8Array }).bytes);

    const userDataDir = path.join(dir, 'user');
    const wholeCounts = new Set([300, 1200, 350, 1250]);
    for (let round = 0; round < 12; round++) {
      const child = fork(path.resolve(import.meta.dirname, '../fixtures/records-restore-loop.ts'), [rendererDir, userDataDir, ...backups, csv], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m) => {
          // Kill at a different moment each round: after 1 to 3 whole rounds, then part-way into the next.
          if (typeof m === 'number' && m >= round % 3) setTimeout(() => child.kill('SIGKILL'), (round * 7) % 40);
        });
        child.on('exit', () => resolve());
        child.on('error', reject);
      });
      const status = (await host(userDataDir).handle({ op: 'status' })) as { state: string; children: number; warning: string | null };
      expect(status.state, `round ${round}: ${status.warning}`).toBe('open');
      expect(status.warning, `round ${round}`).toBeNull();
      expect(wholeCounts.has(status.children), `round ${round}: ${status.children} children is not a whole version`).toBe(true);
      const copies = await readStoredCopies(path.join(userDataDir, 'records', 'records.sqlite'));
      // The very first save of a new install has no earlier version to keep; every later one does.
      if (round > 0) expect(copies.map((c) => c.label), `round ${round}`).toEqual(['current', 'previous']);
    }
  }, 240_000);

  it('a 10,000-child records file killed mid-save opens whole, with every saved child and a whole previous copy', async () => {
    const rendererDir = path.join(dir, 'renderer');
    const userDataDir = path.join(dir, 'big');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'records-instruments.json'), JSON.stringify(loadContent(path.resolve(import.meta.dirname, '../../content')).instruments.filter((f) => f.kind === 'monitoring')));
    // 10,000 children, written straight through the store (as the benchmark seeds them), then saved as the app saves.
    const SQL = await initSqlJs();
    const db = openDatabase(SQL);
    inTransaction(db, () => {
      for (let i = 0; i < 10_000; i++) {
        const answers = registration({ code: `TEN-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), status: 'working', date: '2026-02-10' });
        addRegistration(db, { childCode: `TEN-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), community: 'Chima', status: 'working', date: '2026-02-10' }, answers);
      }
    });
    await writeBytesAtomic(path.join(userDataDir, 'records', 'records.sqlite'), db.export());
    db.close();
    let saved = 10_000;
    for (let round = 0; round < 5; round++) {
      const child = fork(path.resolve(import.meta.dirname, '../fixtures/records-save-loop.ts'), [rendererDir, userDataDir], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      let written = -1;
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m) => {
          if (typeof m !== 'number') return;
          written = m;
          if (m >= round % 3) setTimeout(() => child.kill('SIGKILL'), (round * 11) % 60);
        });
        child.on('exit', () => resolve());
        child.on('error', reject);
      });
      const status = (await createRecordsHost({ rendererDir, userDataDir, loadSql: () => initSqlJs() }).handle({ op: 'status' })) as { state: string; children: number; warning: string | null };
      expect(status.state, `round ${round}: ${status.warning}`).toBe('open');
      expect(status.warning).toBeNull();
      // Every save the writer reported is there (one more may have landed before the kill).
      expect(status.children, `round ${round}`).toBeGreaterThanOrEqual(saved + written + 1);
      saved = status.children;
      const copies = await readStoredCopies(path.join(userDataDir, 'records', 'records.sqlite'));
      expect(copies.map((c) => c.label), `round ${round}`).toEqual(['current', 'previous']);
      expect(() => openDatabase(SQL, copies[1].bytes).close(), `round ${round}: the previous copy is not whole`).not.toThrow();
    }
  }, 300_000);
});
