import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';
import type { Instrument } from '../../common/forms/instrument-schema.ts';
import { createRecordsService } from '../../common/records/records-service.ts';
import { memoryStorage, type MemoryDisk } from '../../common/records/memory-disk.ts';
import { breakdownTotal } from '../../common/records/records-store.ts';
import { MIGRATIONS } from '../../common/records/records-schema.ts';
import { registration, verification, visit } from '../../scripts/bench/monitoring-answers.ts';

let SQL: SqlJsStatic;
let instruments: Instrument[];
beforeAll(async () => {
  SQL = await initSqlJs();
  instruments = loadInstruments();
});

/** A service over an in-memory "disk" that keeps the previous copy, as the Electron host does. */
function service(disk: MemoryDisk = {}, debounceMs = 5) {
  const svc = createRecordsService({ SQL, instruments, debounceMs, iterations: 1000, today: () => '2026-12-06', ...memoryStorage(disk) });
  return { svc, disk, call: <T = any>(req: object) => svc.handle(req) as Promise<T> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function seed(call: ReturnType<typeof service>['call']) {
  const save = (instrumentId: string, answers: object) => call({ op: 'save-entry', lang: 'en', instrumentId, answers });
  expect(await save('child-registration', registration({ code: 'CH-001', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: true });
  expect(await save('child-registration', registration({ code: 'CH-002', sex: 'm', age: 15, status: 'at_risk', date: '2026-02-12' }))).toMatchObject({ ok: true });
  expect(await save('child-registration', registration({ code: null, sex: 'f', age: 12, status: 'working', date: '2026-03-01' }))).toMatchObject({ ok: true, childId: null });
  expect(await save('follow-up-visit', visit({ code: 'CH-001', sex: 'f', age: 9, date: '2026-04-15', stillWorking: false }))).toMatchObject({ ok: true });
  expect(await save('verification', verification({ code: 'CH-001', sex: 'f', age: 9, date: '2026-06-20', registered: 'working', result: 'withdrawn' }))).toMatchObject({ ok: true });
  expect(await save('verification', verification({ code: 'CH-002', sex: 'm', age: 15, date: '2026-07-05', registered: 'at_risk', result: 'prevented' }))).toMatchObject({ ok: true });
}

describe('field records', () => {
  it('registers children, records visits and verifications, and counts identified, withdrawn and prevented by quarter, sex and age group', async () => {
    const { call } = service();
    await seed(call);
    const list = await call({ op: 'list-children' });
    expect(list.total).toBe(2);
    expect(Object.fromEntries(list.rows.map((r: { childCode: string; currentStatus: string }) => [r.childCode, r.currentStatus]))).toEqual({ 'CH-001': 'withdrawn', 'CH-002': 'prevented' });
    const { quarters } = await call({ op: 'dashboard' });
    expect(quarters.map((q: { quarter: string }) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const [q1, q2, q3] = quarters;
    expect(q1.identifiedWorking.f.under14).toBe(2);
    expect(q1.identifiedAtRisk.m['14to17']).toBe(1);
    expect(breakdownTotal(q1.withdrawn)).toBe(0);
    expect(q2.withdrawn.f.under14).toBe(1);
    expect(breakdownTotal(q2.prevented)).toBe(0);
    expect(q3.withdrawn.f.under14).toBe(1);
    expect(q3.prevented.m['14to17']).toBe(1);
    expect(q2.visits).toBe(2);
  });

  it('counts apart the children verified withdrawn or prevented within the quarter (the committee\'s form asks for those) and the follow-up visits alone', async () => {
    const { call } = service();
    await seed(call);
    const [, q2, q3, q4] = (await call({ op: 'dashboard' })).quarters;
    expect(q2.withdrawnThisQuarter.f.under14).toBe(1);
    expect(q3.withdrawn.f.under14).toBe(1);
    expect(breakdownTotal(q3.withdrawnThisQuarter)).toBe(0);
    expect(q3.preventedThisQuarter.m['14to17']).toBe(1);
    expect(breakdownTotal(q4.preventedThisQuarter)).toBe(0);
    expect(q2.visits).toBe(2);
    expect(q2.followUpVisits).toBe(1);
  });

  it('keeps the latest verification: a child found working again is no longer counted as withdrawn', async () => {
    const { call } = service();
    await seed(call);
    await call({ op: 'save-entry', lang: 'en', instrumentId: 'verification', answers: verification({ code: 'CH-001', sex: 'f', age: 9, date: '2026-08-01', registered: 'working', result: 'still_working' }) });
    const { quarters } = await call({ op: 'dashboard' });
    expect(quarters[1].withdrawn.f.under14).toBe(1);
    expect(breakdownTotal(quarters[2].withdrawn)).toBe(0);
    expect((await call({ op: 'list-children', status: 'working' })).rows.map((r: { childCode: string }) => r.childCode)).toEqual(['CH-001']);
  });

  it('saves nothing half-valid: each bad field gets its message, and nothing is written', async () => {
    const { call, disk } = service();
    const bad = { ...registration({ code: 'CH-9', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }), age: 23, sex: 'x' };
    const r = await call({ op: 'save-entry', lang: 'es', instrumentId: 'child-registration', answers: bad });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e: { question: string }) => e.question).sort()).toEqual(['age', 'sex']);
    const dup = registration({ code: 'CH-9', sex: 'f', age: 9, status: 'working', date: '2026-02-10' });
    expect(await call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: dup })).toMatchObject({ ok: true });
    expect(await call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: dup })).toMatchObject({ ok: false, errors: [{ question: 'child_code' }] });
    const orphan = await call({ op: 'save-entry', lang: 'en', instrumentId: 'follow-up-visit', answers: visit({ code: 'NOPE', sex: 'f', age: 9, date: '2026-03-01', stillWorking: true }) });
    expect(orphan).toMatchObject({ ok: false, errors: [{ question: 'child_code', message: expect.stringContaining('register the child first') }] });
    expect((await call({ op: 'status' })).entries).toBe(1);
    await expect(call({ op: 'save-entry', lang: 'en', instrumentId: 'household-census', answers: {} })).rejects.toThrow(/not a monitoring form/);
    await expect(call({ op: 'list-children', limit: 100000 })).rejects.toThrow(/invalid request at "limit"/);
    expect(disk.writes ?? 0).toBeLessThanOrEqual(1);
  });

  it('treats what a user types in the register search as text, never as SQL', async () => {
    const { call } = service();
    await seed(call);
    for (const q of ["' OR 1=1 --", '%', '_', 'CH-00"); DROP TABLE children; --']) expect((await call({ op: 'list-children', query: q })).total).toBe(0);
    expect((await call({ op: 'list-children', query: 'ch-00' })).total).toBe(2);
    expect((await call({ op: 'status' })).children).toBe(2);
  });

  it('deletes one form, or a child with every form about the child', async () => {
    const { call } = service();
    await seed(call);
    const child = (await call({ op: 'list-children', query: 'CH-001' })).rows[0];
    const history = await call({ op: 'child-history', childId: child.id });
    expect(history.entries.map((e: { instrumentId: string }) => e.instrumentId)).toEqual(['child-registration', 'follow-up-visit', 'verification']);
    await call({ op: 'delete-entry', entryId: history.entries[2].id });
    expect((await call({ op: 'child-history', childId: child.id })).child.currentStatus).toBe('working');
    await expect(call({ op: 'delete-entry', entryId: history.entries[0].id })).rejects.toThrow(/delete the child instead/);
    await call({ op: 'delete-child', childId: child.id });
    expect((await call({ op: 'status' })).children).toBe(1);
    await expect(call({ op: 'child-history', childId: child.id })).rejects.toThrow(/no longer on the register/);
  });

  it('corrects a saved form: the child’s facts, the counts and the status follow, and a bad correction changes nothing', async () => {
    const { call } = service();
    await seed(call);
    const child = (await call({ op: 'list-children', query: 'CH-001' })).rows[0];
    const [reg, , verif] = (await call({ op: 'child-history', childId: child.id })).entries;
    const older = { ...reg.answers, age: 15, days_per_week: 2 };
    expect(await call({ op: 'update-entry', lang: 'en', entryId: reg.id, answers: older })).toMatchObject({ ok: true });
    const q1 = (await call({ op: 'dashboard' })).quarters[0];
    expect(q1.identifiedWorking.f['14to17']).toBe(1);
    expect(q1.identifiedWorking.f.under14).toBe(1);
    // The register now says 15, so the verification's age follows it.
    expect(await call({ op: 'update-entry', lang: 'en', entryId: verif.id, answers: { ...verif.answers, age: 15, verified_status: 'still_working', any_work_3m: 'yes', months_no_work: null } })).toMatchObject({ ok: true });
    expect((await call({ op: 'child-history', childId: child.id })).child.currentStatus).toBe('working');
    const bad = await call({ op: 'update-entry', lang: 'en', entryId: reg.id, answers: { ...older, age: 30 } });
    expect(bad).toMatchObject({ ok: false, errors: [{ question: 'age' }] });
    const taken = await call({ op: 'update-entry', lang: 'en', entryId: reg.id, answers: { ...older, child_code: 'CH-002' } });
    expect(taken).toMatchObject({ ok: false, errors: [{ question: 'child_code' }] });
    expect((await call({ op: 'child-history', childId: child.id })).child).toMatchObject({ childCode: 'CH-001', age: 15 });
  });

  it('exports each form as CSV with a BOM and re-imports it into an empty database with the same figures', async () => {
    const a = service();
    await seed(a.call);
    const files = [];
    for (const id of ['child-registration', 'follow-up-visit', 'verification']) {
      const csv = await a.call({ op: 'export-csv', instrumentId: id });
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      files.push([id, csv.bytes] as const);
    }
    const b = service();
    for (const [id, bytes] of files) expect(await b.call({ op: 'import-csv', lang: 'en', instrumentId: id, bytes })).toMatchObject({ ok: true });
    expect(JSON.stringify((await b.call({ op: 'dashboard' })).quarters)).toBe(JSON.stringify((await a.call({ op: 'dashboard' })).quarters));
    const strip = (l: { rows: Array<Record<string, unknown>> }) => l.rows.map(({ id: _id, ...rest }) => rest);
    expect(strip(await b.call({ op: 'list-children', sort: 'code' }))).toEqual(strip(await a.call({ op: 'list-children', sort: 'code' })));
  });

  it('checks the whole CSV first: bad rows are reported with their row number and reason, and nothing is written', async () => {
    const { call } = service();
    await seed(call);
    const csv = new TextDecoder().decode((await call({ op: 'export-csv', instrumentId: 'child-registration' })).bytes).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    const header = lines[0].split(',');
    const row = (code: string, age: string) => lines[1].split(',').map((c, i) => (header[i] === 'child_code' ? code : header[i] === 'age' ? age : c)).join(',');
    const broken = [lines[0], row('NEW-1', '10'), row('NEW-2', 'ten'), row('NEW-3', '40'), row('NEW-1', '10')].join('\r\n');
    const before = (await call({ op: 'status' })).entries;
    const r = await call({ op: 'import-csv', lang: 'en', instrumentId: 'child-registration', bytes: new TextEncoder().encode(broken) });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`)).toEqual(['3:age', '4:age', '5:child_code']);
    expect((await call({ op: 'status' })).entries).toBe(before);
    const unknown = await call({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes: new TextEncoder().encode('nombre,edad\r\nAna,9\r\n') });
    expect(unknown.problems[0]).toMatchObject({ row: 1, field: 'nombre', message: expect.stringContaining('columna desconocida') });
    const quote = await call({ op: 'import-csv', lang: 'en', instrumentId: 'child-registration', bytes: new TextEncoder().encode(`${lines[0]}\r\n"unclosed,1\r\n`) });
    expect(quote.problems[0]).toMatchObject({ row: 2, message: expect.stringContaining('never closed') });
  });

  it('exports counts only, by community and in all, with no code, in the anonymised aggregate', async () => {
    const { call } = service();
    await seed(call);
    const text = new TextDecoder().decode((await call({ op: 'export-aggregate' })).bytes);
    expect(text).toContain('quarter,community,indicator,sex,age_group,count');
    expect(text).toContain('2026-Q2,all,withdrawn_cumulative,f,under14,1');
    expect(text).toContain('2026-Q2,Chima,withdrawn_cumulative,f,under14,1');
    expect(text).not.toMatch(/CH-00/);
  });

  it('encrypts the data at rest with a passphrase; a wrong passphrase changes nothing', async () => {
    const a = service();
    await seed(a.call);
    await a.call({ op: 'set-passphrase', passphrase: 'correct horse battery' });
    const stored = a.disk.current!;
    expect(new TextDecoder('latin1').decode(stored.slice(0, 10))).toBe('PUENTE-ENC');
    expect(new TextDecoder('latin1').decode(stored)).not.toContain('CH-001');
    const b = service({ current: stored });
    expect(await b.call({ op: 'status' })).toMatchObject({ state: 'locked', encrypted: true });
    await expect(b.call({ op: 'list-children' })).rejects.toThrow(/passphrase/);
    await expect(b.call({ op: 'unlock', passphrase: 'wrong one!' })).rejects.toThrow(/Wrong passphrase/);
    expect(b.disk.current).toBe(stored);
    expect(await b.call({ op: 'unlock', passphrase: 'correct horse battery' })).toMatchObject({ state: 'open', children: 2 });
    await b.call({ op: 'set-passphrase', passphrase: null });
    expect(new TextDecoder('latin1').decode(b.disk.current!.slice(0, 15))).toBe('SQLite format 3');
  });

  it('restores a backup, and refuses a truncated file, a file that is not a database and one from a newer Puente, keeping the data', async () => {
    const a = service();
    await seed(a.call);
    const backup = (await a.call({ op: 'export-database' })).bytes as Uint8Array;
    const b = service();
    await b.call({ op: 'save-entry', lang: 'en', instrumentId: 'child-registration', answers: registration({ code: 'KEEP', sex: 'm', age: 7, status: 'at_risk', date: '2026-01-05' }) });
    await expect(b.call({ op: 'restore-database', bytes: backup.slice(0, 1500) })).rejects.toThrow(/incomplete|damaged|cannot be read/);
    await expect(b.call({ op: 'restore-database', bytes: new TextEncoder().encode('child_code,age\r\nA,1\r\n') })).rejects.toThrow(/not a Puente records database/);
    const newer = new SQL.Database();
    newer.exec(MIGRATIONS[0]);
    newer.run("INSERT INTO meta (key, value) VALUES ('schema_version', '99')");
    await expect(b.call({ op: 'restore-database', bytes: newer.export() })).rejects.toThrow(/newer version of Puente \(data version 99/);
    expect((await b.call({ op: 'list-children' })).rows.map((r: { childCode: string }) => r.childCode)).toEqual(['KEEP']);
    await expect(b.call({ op: 'restore-database', bytes: backup })).rejects.toThrow(/would remove 1 child and 1 form that are on this computer/);
    expect(await b.call({ op: 'restore-database', bytes: backup, acceptLoss: true })).toMatchObject({ state: 'open', children: 2 });
  });

  it('opens the previous copy, with a warning, when the current file is damaged; writes nothing when no copy can be read', async () => {
    const a = service();
    await seed(a.call);
    await a.svc.flush();
    const good = a.disk.current!;
    const b = service({ current: good.slice(0, 700), previous: good });
    expect(await b.call({ op: 'status' })).toMatchObject({ state: 'open', children: 2, warning: expect.stringContaining('previous copy') });
    const c = service({ current: new Uint8Array([1, 2, 3]) });
    expect(await c.call({ op: 'status' })).toMatchObject({ state: 'damaged' });
    await expect(c.call({ op: 'list-children' })).rejects.toThrow(/Restore a backup, or delete all data/);
    expect(c.disk.writes ?? 0).toBe(0);
    expect(await c.call({ op: 'delete-all' })).toMatchObject({ state: 'open', children: 0 });
  });

  it('writes once after a burst of changes, and flushes what is pending', async () => {
    const { call, svc, disk } = service({}, 60_000);
    await seed(call);
    expect(svc.hasPendingWrites()).toBe(true);
    expect(disk.writes ?? 0).toBe(0);
    await svc.flush();
    expect(disk.writes).toBe(1);
    expect(svc.hasPendingWrites()).toBe(false);
  });
});
