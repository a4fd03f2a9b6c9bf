/**
 * The coordinator's command line (`npm run records`), run in-process on files in a temporary
 * folder: it creates a records file that does not exist, imports and merges through the same
 * service as the app, previews without changing anything, reports counts as JSON, needs the
 * passphrase of an encrypted file, and refuses a bad file without touching the records.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ITERATIONS } from '../../common/records/encryption.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { runRecordsCli } from '../../scripts/records-cli.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { centralZip, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'puente-records-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRecordsCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) };
}

const subs: FixtureSubmission[] = ['SF-1', 'SF-2', 'SF-3'].map((code, i) => ({
  id: `6e1f0a2b-000${i}-4c1e-9d6e-3b1f6f0a100${i}`, submittedAt: '2026-03-05T09:00:00.000Z',
  answers: registration({ code, sex: i ? 'm' : 'f', age: 9 + i, status: 'working', date: '2026-03-05', community: ['Chima', 'Santa Filomena', 'La Rinconada'][i] }),
}));

async function exportFile(list = subs) {
  const reg = (await recordsDeps()).instruments.find((f) => f.id === 'child-registration')!;
  const file = path.join(dir, 'puente_child_registration.csv.zip');
  writeFileSync(file, centralZip(reg, list));
  return file;
}

describe('npm run records', () => {
  it('previews with --dry-run (creating nothing), imports into a new records file, and importing again changes nothing', async () => {
    const db = path.join(dir, 'team.sqlite');
    const exp = await exportFile();
    const dry = await cli('import', exp, '--db', db, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ form: { id: 'child-registration' }, newChildren: 3, newForms: 3 });
    expect(existsSync(db)).toBe(false);

    const done = await cli('import', exp, '--db', db, '--lang', 'en');
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toContain('does not exist: a new records file is created');
    expect(done.out).toContain('3 new children, 3 new forms, 0 updates, 0 already here, 0 refused');
    expect(existsSync(db)).toBe(true);
    expect((await cli('status', '--db', db, '--json')).json()).toMatchObject({ children: 3, forms: 3, communities: ['Chima', 'La Rinconada', 'Santa Filomena'], encrypted: false });

    const bytes = readFileSync(db);
    const again = await cli('import', exp, '--db', db, '--json');
    expect(again.json()).toMatchObject({ newForms: 0, unchanged: 3, written: { added: 0, updated: 0 } });
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('merges another laptop’s backup, and asks for decisions before writing a conflict or a duplicate', async () => {
    const db = path.join(dir, 'coordinator.sqlite');
    await cli('import', await exportFile(subs.slice(0, 2)), '--db', db);
    const laptop = await recordsService();
    expect(await laptop.save('child-registration', registration({ code: 'LR-9', sex: 'f', age: 12, status: 'at_risk', date: '2026-04-01', community: 'La Rinconada' }))).toMatchObject({ ok: true });
    expect(await laptop.save('child-registration', registration({ code: 'SF-1', sex: 'f', age: 9, status: 'working', date: '2026-03-06', community: 'Chima' }))).toMatchObject({ ok: true });
    const backup = path.join(dir, 'laptop-2.sqlite');
    writeFileSync(backup, (await laptop.call({ op: 'export-database' })).bytes);

    const asked = await cli('merge', backup, '--db', db, '--lang', 'en');
    expect(asked.code).toBe(3);
    expect(asked.out).toMatch(/possible duplicate [0-9a-f]{32}: SF-1 \(backup\) and SF-1 \(here\), same-code/);
    expect(asked.err).toContain('Nothing was changed');
    expect((await cli('status', '--db', db, '--json')).json()).toMatchObject({ children: 2 });

    const merged = await cli('merge', backup, '--db', db, '--duplicates', 'join', '--json');
    expect(merged.json()).toMatchObject({ newChildren: 1, written: { added: 1, joined: 1 } });
    expect((await cli('status', '--db', db, '--json')).json()).toMatchObject({ children: 3, forms: 3 });
    expect((await cli('merge', backup, '--db', db, '--json')).json()).toMatchObject({ newForms: 0, duplicates: [], conflicts: [], written: { added: 0, updated: 0, joined: 0 } });
  });

  it('needs the passphrase of an encrypted records file', async () => {
    // Encrypted as the app encrypts (a count Puente writes: the command line refuses any other).
    const s = await recordsService({}, { iterations: DEFAULT_ITERATIONS });
    await s.save('child-registration', registration({ code: 'SF-7', sex: 'f', age: 9, status: 'working', date: '2026-03-05' }));
    await s.call({ op: 'set-passphrase', passphrase: 'una frase de paso larga' });
    const db = path.join(dir, 'locked.puente');
    writeFileSync(db, (await s.call({ op: 'export-database' })).bytes);
    const refused = await cli('status', '--db', db, '--lang', 'en');
    expect(refused).toMatchObject({ code: 1, err: 'The records file is encrypted: give its passphrase with --passphrase-file <file>. Nothing was changed.' });
    const pass = path.join(dir, 'pass.txt');
    writeFileSync(pass, 'una frase de paso larga\n');
    expect((await cli('status', '--db', db, '--passphrase-file', pass, '--json')).json()).toMatchObject({ children: 1, encrypted: true });
  });

  it('refuses a bad file, saying why, and leaves the records file as it was', async () => {
    const db = path.join(dir, 'team.sqlite');
    await cli('import', await exportFile(), '--db', db);
    const bytes = readFileSync(db);
    const pdf = path.join(dir, 'puente_child_registration.csv');
    writeFileSync(pdf, '%PDF-1.7\n');
    const bad = await cli('import', pdf, '--db', db, '--json');
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ error: { code: 'not-an-export', params: { kind: 'PDF' } } });
    // The refusal in the command line's language (Spanish unless --lang en), worded from its code.
    expect(bad.err).toMatch(/^«puente_child_registration\.csv» es un PDF, no una exportación de envíos.*No se cambió nada\.$/);
    expect(bad.json().error.message).toBe(bad.err);
    expect((await cli('import', pdf, '--db', db, '--lang', 'en')).err).toMatch(/^“puente_child_registration\.csv” is a PDF, not a submissions export.*Nothing was changed\.$/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect((await cli('import', '--db', db)).code).toBe(2);
    expect((await cli('status', '--db', path.join(dir, 'missing.sqlite'), '--lang', 'en'))).toMatchObject({ code: 2, err: expect.stringContaining('missing.sqlite does not exist') });
  });
});
