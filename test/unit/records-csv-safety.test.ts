import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../common/records/csv.ts';
import { addRegistration, openDatabase } from '../../common/records/records-store.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { answersCsv, recordsDeps, recordsService } from '../fixtures/records-service.ts';

const HYPERLINK = '=HYPERLINK("http://x","click")';
const CMD = "+cmd|' /C calc'!A0";

function cellsOf(bytes: Uint8Array): string[][] {
  const parsed = parseCsv(bytes);
  if (!parsed.ok) throw new Error(parsed.message);
  return [parsed.header, ...parsed.rows.map((r) => r.cells)];
}

/** The raw text a spreadsheet reads, without the byte-order mark. */
const raw = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

describe('CSV cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
  it('writes a cell starting with = + - @, a tab or a carriage return behind a single quote, so it is text', () => {
    const risky = [HYPERLINK, CMD, '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    const text = raw(writeCsv(['v'], risky.map((v) => [v])));
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(lines[2]).toBe(`'+cmd|' /C calc'!A0`);
    expect(lines[3]).toBe(`'-2+3`);
    expect(lines[4]).toBe(`'@SUM(A1:A2)`);
    expect(lines[5]).toBe(`'\t=1+1`);
    expect(text).toContain(`"'\r=1+1"`);
  });

  it('leaves plain numbers alone, so negative numbers stay numbers', () => {
    expect(raw(writeCsv(['n'], [['-3'], ['+2.5'], ['-0.75'], ['12']])).split('\r\n').slice(1, 5)).toEqual(['-3', '+2.5', '-0.75', '12']);
  });

  it('reads back exactly what it wrote, a leading quote included', () => {
    const values = [HYPERLINK, CMD, '-2+3', "'=already quoted", "''+twice", "it's fine", "'plain", '-3', '\t=1'];
    expect(cellsOf(writeCsv(['v'], values.map((v) => [v]))).slice(1).map((r) => r[0])).toEqual(values);
  });
});

describe('codes and community names that start like a formula', () => {
  it('are refused at entry and at import, naming the row and field, in the reader’s language', async () => {
    const { save, importCsv, call } = await recordsService();
    const bad = registration({ code: CMD, sex: 'f', age: 9, status: 'working', date: '2026-02-10', community: HYPERLINK });
    const r = await save('child-registration', bad);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e: { question: string }) => e.question)).toEqual(['community', 'child_code']);
    expect(r.errors[0].message).toMatch(/cannot start with/);
    const es = await save('child-registration', { ...registration({ code: 'OK-1', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }), registrar_code: '@M-01' }, 'es');
    expect(es).toEqual({ ok: false, errors: [{ question: 'registrar_code', message: expect.stringContaining('no puede empezar con') }] });
    const good = registration({ code: 'OK-2', sex: 'f', age: 9, status: 'working', date: '2026-02-10' });
    const imported = await importCsv('child-registration', answersCsv([good, bad]));
    expect(imported).toMatchObject({ ok: false, problems: [{ row: 3, field: 'community' }, { row: 3, field: 'child_code' }] });
    expect((await call({ op: 'status' })).entries).toBe(0);
  });

  it('already in a file from before are exported as text, and shown as text (React escapes what it shows)', async () => {
    const { SQL } = await recordsDeps();
    const db = openDatabase(SQL);
    addRegistration(db, { childCode: CMD, sex: 'f', age: 9, community: HYPERLINK, status: 'working', date: '2026-02-10' },
      registration({ code: CMD, sex: 'f', age: 9, status: 'working', date: '2026-02-10', community: HYPERLINK }));
    const { call } = await recordsService({ current: db.export() });
    const csv = raw((await call({ op: 'export-csv', instrumentId: 'child-registration' })).bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain(`'+cmd|' /C calc'!A0`);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('free text that starts with a dash is kept, written as text, and imported back unchanged', async () => {
    const a = await recordsService();
    const answers = { ...registration({ code: 'SF-1', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }) };
    expect(await a.save('child-registration', answers)).toMatchObject({ ok: true });
    const exported = (await a.call({ op: 'export-csv', instrumentId: 'referral' })).bytes;
    expect(cellsOf(exported)[0]).toContain('receiving_body');
    expect(await a.save('referral', {
      referral_date: '2026-03-01', referrer_code: 'M-2', referrer_role: 'teacher', child_code: 'SF-1', sex: 'f', age: 9,
      reasons: ['health'], service: 'health', receiving_body: '- Puesto de salud (=centro)', urgency: 'this_week', family_informed: 'yes_agrees',
    })).toMatchObject({ ok: true });
    const csv = (await a.call({ op: 'export-csv', instrumentId: 'referral' })).bytes;
    expect(raw(csv)).toContain(`'- Puesto de salud (=centro)`);
    const b = await recordsService();
    expect(await b.importCsv('child-registration', raw((await a.call({ op: 'export-csv', instrumentId: 'child-registration' })).bytes))).toMatchObject({ ok: true });
    expect(await b.importCsv('referral', raw(csv))).toMatchObject({ ok: true, written: 1 });
    expect(await b.exportText('referral')).toBe(await a.exportText('referral'));
  });
});
