import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordsHost } from '../../electron/records-host.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'puente-records-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('records in the Electron main process', () => {
  const rendererDir = path.join(dir, 'renderer');
  const monitoring = loadInstruments().filter((f) => f.kind === 'monitoring');
  const host = () => createRecordsHost({ rendererDir, userDataDir: path.join(dir, 'user'), loadSql: () => initSqlJs() });

  it('keeps the records in one file under the user-data folder, written before quitting, and reads them back at the next start', async () => {
    rmSync(rendererDir, { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'records-instruments.json'), JSON.stringify(monitoring));
    const first = host();
    expect(await first.flushBeforeQuit()).toBe(false);
    const saved = await first.handle({ op: 'save-entry', lang: 'es', instrumentId: 'child-registration', answers: registration({ code: 'CH-1', sex: 'f', age: 8, status: 'working', date: '2026-05-02' }) });
    expect(saved).toMatchObject({ ok: true });
    expect(await first.flushBeforeQuit()).toBe(true);
    expect(first.file).toBe(path.join(dir, 'user', 'records', 'records.sqlite'));
    expect(new TextDecoder('latin1').decode(readFileSync(first.file).subarray(0, 15))).toBe('SQLite format 3');
    const second = host();
    expect(await second.handle({ op: 'status' })).toMatchObject({ state: 'open', children: 1 });
  });

  it('refuses a request that breaks the contract, naming the field', async () => {
    await expect(host().handle({ op: 'list-children', sex: 'x' })).rejects.toThrow(/invalid request at "sex"/);
  });
});
