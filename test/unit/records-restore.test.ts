/**
 * Restoring a backup never loses or damages records: the backup is checked whole before it
 * replaces anything, a foreign schema is never adopted, the person sees what would be lost and
 * must accept it, and the data as it was comes back with one click.
 */
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MemoryDisk } from '../../common/records/memory-disk.ts';
import { MIGRATIONS } from '../../common/records/records-schema.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';

let SQL: SqlJsStatic;
beforeAll(async () => {
  ({ SQL } = await recordsDeps());
});

/** The shared test service, plus registering a child and listing the codes on the register. */
async function service(disk: MemoryDisk = {}) {
  const s = await recordsService(disk);
  const register = (code: string, date = '2026-02-10', extra: { sex?: 'f' | 'm'; age?: number } = {}) =>
    s.save('child-registration', registration({ code, sex: extra.sex ?? 'f', age: extra.age ?? 9, status: 'working', date }));
  const codes = async () => (await s.call<{ rows: Array<{ childCode: string }> }>({ op: 'list-children', sort: 'code' })).rows.map((r) => r.childCode);
  return { ...s, register, codes };
}

/** A database made by hand, as a foreign or tampered file would be. */
function handMade(sql: string): Uint8Array {
  const db = new SQL.Database();
  db.exec(sql);
  const bytes = db.export();
  db.close();
  return bytes;
}

async function backupOf(...codes: string[]): Promise<Uint8Array> {
  const a = await service();
  for (const c of codes) expect(await a.register(c)).toMatchObject({ ok: true });
  return (await a.call<{ bytes: Uint8Array }>({ op: 'export-database' })).bytes;
}

describe('restoring a backup', () => {
  it('refuses an empty (0-byte) file and keeps every record', async () => {
    const b = await service();
    await b.register('KEEP-1');
    await expect(b.call({ op: 'restore-database', bytes: new Uint8Array(0), acceptLoss: true })).rejects.toThrow(/\[empty-file\b.*Nothing was changed/);
    expect(await b.codes()).toEqual(['KEEP-1']);
  });

  it('refuses an SQLite file without Puente’s tables, or with only a schema version, and stays usable', async () => {
    const b = await service();
    await b.register('KEEP-1');
    await expect(b.call({ op: 'restore-database', bytes: handMade('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);'), acceptLoss: true })).rejects.toThrow(/\[not-puente\b/);
    await expect(b.call({ op: 'restore-database', bytes: handMade("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema_version', '1');"), acceptLoss: true })).rejects.toThrow(/\[missing-table\b.*"children"/);
    for (const version of ['0', '-3', 'abc', '1.5']) {
      await expect(b.call({ op: 'restore-database', bytes: handMade(`${MIGRATIONS[0]} INSERT INTO meta VALUES ('schema_version', '${version}');`), acceptLoss: true })).rejects.toThrow(/\[bad-version\b/);
    }
    expect(await b.codes()).toEqual(['KEEP-1']);
    expect(await b.call({ op: 'status' })).toMatchObject({ state: 'open', children: 1 });
    expect(await b.call({ op: 'delete-all' })).toMatchObject({ children: 0 });
  });

  it('never adopts the backup’s triggers or table definitions: a hostile trigger deletes nothing, and rows that break Puente’s rules are refused', async () => {
    const bytes = await backupOf('A-1', 'A-2');
    const db = new SQL.Database(bytes);
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN DELETE FROM children WHERE id <> NEW.child_id; END; CREATE VIEW v AS SELECT 1;');
    const withTrigger = db.export();
    db.close();
    const b = await service();
    expect(await b.call({ op: 'restore-database', bytes: withTrigger, acceptLoss: true })).toMatchObject({ state: 'open', children: 2 });
    expect(await b.register('A-3')).toMatchObject({ ok: true });
    expect(await b.codes()).toEqual(['A-1', 'A-2', 'A-3']);

    // A children table without the CHECK constraints, holding sex 'x' and age 99.
    const loose = MIGRATIONS[0].replace(/CHECK \([^)]*\)\)?/g, '');
    const bad = handMade(`${loose} INSERT INTO meta VALUES ('schema_version', '1');
      INSERT INTO children VALUES (1, 'Z-1', 'x', 99, 'under14', 'Chima', 'working', 'working', '2026-01-01', '2026-01-01', '2026-01-01');`);
    const c = await service();
    await c.register('KEEP-1');
    await expect(c.call({ op: 'restore-database', bytes: bad, acceptLoss: true })).rejects.toThrow(/\[bad-row\b.* Row 1 of the backup's "children" table/);
    expect(await c.codes()).toEqual(['KEEP-1']);
  });

  it('checks every form in the backup with the form’s own rules', async () => {
    const bytes = await backupOf('A-1');
    const db = new SQL.Database(bytes);
    db.run("UPDATE entries SET answers = json_set(answers, '$.age', 31)");
    const tampered = db.export();
    db.run("UPDATE entries SET answers = 'not json'");
    const garbled = db.export();
    db.close();
    const b = await service();
    await expect(b.call({ op: 'restore-database', bytes: tampered })).rejects.toThrow(/\[bad-row\b.*age/);
    await expect(b.call({ op: 'restore-database', bytes: garbled })).rejects.toThrow(/\[bad-row\b.*cannot be read/);
  });

  it('shows what the backup holds beside what is here, and what would be lost, before anything changes', async () => {
    const bytes = await backupOf('A-1', 'A-2');
    const b = await service();
    await b.register('A-1');
    await b.register('NEW-9', '2026-03-01');
    const preview = await b.call({ op: 'preview-restore', bytes });
    expect(preview).toMatchObject({
      backup: { children: 2, entries: 2, byForm: { 'child-registration': 2 }, firstDate: '2026-02-10', lastDate: '2026-02-10' },
      current: { children: 2, entries: 2, lastDate: '2026-03-01' },
      loss: { children: 1, childCodes: ['NEW-9'] },
      passphrase: 'none',
    });
    expect(await b.codes()).toEqual(['A-1', 'NEW-9']);
    // Without accepting the loss, nothing changes; with it, the backup replaces the data and the old data can come back.
    await expect(b.call({ op: 'restore-database', bytes })).rejects.toThrow(/\[would-lose\b/);
    expect(await b.codes()).toEqual(['A-1', 'NEW-9']);
    const restored = await b.call({ op: 'restore-database', bytes, acceptLoss: true });
    expect(restored).toMatchObject({ children: 2, undoRestore: { savedAt: expect.any(String) } });
    expect(await b.codes()).toEqual(['A-1', 'A-2']);
    expect(await b.call({ op: 'undo-restore' })).toMatchObject({ children: 2 });
    expect(await b.codes()).toEqual(['A-1', 'NEW-9']);
  });

  it('codes that differ only in case or Unicode form are the same child when counting what a restore would lose', async () => {
    const bytes = await backupOf('ch-001', 'NIN\u0303O-1');
    const b = await service();
    await b.register('CH-001');
    await b.register('NI\u00d1O-1');
    expect(await b.call({ op: 'preview-restore', bytes })).toMatchObject({ loss: { children: 0, childCodes: [] } });
  });

  it('refuses a backup whose register holds a code that starts like a spreadsheet formula', async () => {
    const bytes = await backupOf('A-1');
    const db = new SQL.Database(bytes);
    db.run("UPDATE children SET child_code = '=HYPERLINK(\"http://x\")'");
    const tampered = db.export();
    db.close();
    await expect((await service()).call({ op: 'restore-database', bytes: tampered })).rejects.toThrow(/\[bad-row\b.*child_code/);
  });

  it('a backup that holds everything that is here restores without asking to accept a loss', async () => {
    const bytes = await backupOf('A-1', 'A-2');
    const b = await service();
    await b.register('A-1');
    expect(await b.call({ op: 'restore-database', bytes })).toMatchObject({ children: 2 });
  });

  it('keeps this computer’s passphrase when restoring an encrypted backup made with another one', async () => {
    const a = await service();
    await a.register('A-1');
    await a.call({ op: 'set-passphrase', passphrase: 'backup passphrase' });
    const encrypted = (await a.call<{ bytes: Uint8Array }>({ op: 'export-database' })).bytes;
    const disk: MemoryDisk = {};
    const b = await service(disk);
    await b.register('A-1');
    await b.call({ op: 'set-passphrase', passphrase: 'local passphrase' });
    expect(await b.call({ op: 'preview-restore', bytes: encrypted, passphrase: 'backup passphrase' })).toMatchObject({ passphrase: 'keeps-current' });
    await b.call({ op: 'restore-database', bytes: encrypted, passphrase: 'backup passphrase' });
    const again = await service(disk);
    expect(await again.call({ op: 'status' })).toMatchObject({ state: 'locked' });
    await expect(again.call({ op: 'unlock', passphrase: 'backup passphrase' })).rejects.toThrow(/wrong-passphrase/);
    expect(await again.call({ op: 'unlock', passphrase: 'local passphrase' })).toMatchObject({ state: 'open', children: 1 });
  });
});

describe('every copy on disk is encrypted the moment encryption is on', () => {
  const plainHolds = (bytes: Uint8Array | undefined, text: string) => Boolean(bytes) && new TextDecoder('latin1').decode(bytes).includes(text);

  it('setting a passphrase rewrites the previous copy and the copy from before a restore', async () => {
    const disk: MemoryDisk = {};
    const b = await service(disk);
    await b.register('SECRET-CODE-1');
    await b.svc.flush();
    await b.register('SECRET-CODE-2');
    await b.svc.flush();
    await b.call({ op: 'restore-database', bytes: await backupOf('SECRET-CODE-1', 'SECRET-CODE-2', 'SECRET-CODE-3') });
    expect(plainHolds(disk.previous, 'SECRET-CODE-1')).toBe(true);
    expect(plainHolds(disk.beforeRestore, 'SECRET-CODE-1')).toBe(true);
    await b.call({ op: 'set-passphrase', passphrase: 'a long passphrase' });
    for (const copy of [disk.current, disk.previous, disk.beforeRestore]) expect(plainHolds(copy, 'SECRET-CODE')).toBe(false);
    expect(await b.call({ op: 'undo-restore' })).toMatchObject({ children: 2, encrypted: true });
    // Turning it off rewrites every copy again, unencrypted.
    await b.call({ op: 'set-passphrase', passphrase: null });
    expect(plainHolds(disk.previous, 'SECRET-CODE-1')).toBe(true);
  });
});
