/**
 * Puente's own CSV as a technician brings it back from Spanish Excel (issue 14): semicolons,
 * Windows-1252 or UTF-8 with a byte-order mark, dd/mm/yyyy dates, labels typed instead of codes in
 * either language, an "observaciones" column added, and forms already on the register with other
 * answers, for which the person chooses skip or update in a preview before anything changes.
 *
 * The fixtures in test/fixtures/spreadsheet-csv/ are written byte for byte as Excel (Spanish locale)
 * saves a sheet: "CSV (delimitado por comas)" is Windows-1252 with ";" and CRLF and no byte-order mark;
 * "CSV UTF-8 (delimitado por comas)" is the same in UTF-8 with one; a cell is quoted only when it
 * holds the separator, a quote or a line break.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimalCommaText, spreadsheetDateText } from '../../common/records/import/spreadsheet-cells.ts';
import { visit } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../fixtures/spreadsheet-csv', name)));
const WINDOWS_1252 = fixture('registro-excel-windows-1252.csv');
const UTF8_BOM = fixture('registro-excel-utf8-bom.csv');

/** A sheet's rows as Spanish Excel saves them ("CSV (delimitado por comas)"): ";" between cells, Windows-1252, dates as dd/mm/yyyy. */
function spanishExcelCsv(rows: ReadonlyArray<Record<string, unknown>>): Uint8Array {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
    const shown = /^\d{4}-\d{2}-\d{2}$/.test(s) ? s.split('-').reverse().join('/') : s;
    return /[;"\r\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
  };
  const text = [header, ...rows.map((r) => header.map((h) => r[h]))].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

type Svc = Awaited<ReturnType<typeof recordsService>>;
const preview = (s: Svc, bytes: Uint8Array, lang: 'en' | 'es' = 'es', extra: object = {}) => s.call({ op: 'preview-csv', lang, instrumentId: 'child-registration', bytes, ...extra });
const importFile = (s: Svc, bytes: Uint8Array, extra: object = {}, instrumentId = 'child-registration') => s.call({ op: 'import-csv', lang: 'es', instrumentId, bytes, ...extra });

async function register(s: Svc): Promise<Array<[string, string, number, string, string, string]>> {
  return (await s.call({ op: 'list-children', sort: 'code' })).rows.map((c: { childCode: string; sex: string; age: number; community: string; registeredOn: string; initialStatus: string }) =>
    [c.childCode, c.sex, c.age, c.community, c.registeredOn, c.initialStatus]);
}

describe('a registration CSV saved by Spanish Excel', () => {
  it('is previewed as Excel wrote it (Windows-1252, ";", day first), changing nothing, then imported with the labels read as codes', async () => {
    const s = await recordsService();
    const p = await preview(s, WINDOWS_1252);
    expect(p).toEqual({ ok: true, rows: 3, newForms: 3, unchanged: 0, conflicts: [], unknownColumns: ['observaciones'], delimiter: ';', encoding: 'windows-1252', dateOrder: 'day-first' });
    expect((await s.call({ op: 'status' })).entries).toBe(0);

    expect(await importFile(s, WINDOWS_1252)).toEqual({ ok: true, written: 3, added: 3, updated: 0, skipped: 0, unchanged: 0 });
    expect(await register(s)).toEqual([
      ['CH-007-1', 'f', 12, 'Chima', '2026-04-13', 'working'],
      ['SF-045-1', 'f', 9, 'Santa Filomena', '2026-03-02', 'working'],
      ['SF-045-2', 'm', 15, 'Santa Filomena', '2026-03-05', 'at_risk'],
    ]);
    const chima = (await s.call({ op: 'list-children', query: 'CH-007-1' })).rows[0];
    const [reg] = (await s.call({ op: 'child-history', childId: chima.id })).entries;
    expect(reg.answers).toMatchObject({ work_types: ['ore_picking', 'shafts'], school_status: 'irregular', work_period: 'all_year', referral_needed: 'yes' });
    // The column the form does not have is kept with the form and shown in the child's history.
    expect(reg.unrecognised).toEqual({ observaciones: 'la familia pidió; volver en mayo' });
  });

  it('gives the same register from "CSV UTF-8" with a byte-order mark and the English labels', async () => {
    const a = await recordsService();
    const b = await recordsService();
    await importFile(a, WINDOWS_1252);
    expect(await preview(b, UTF8_BOM, 'en')).toMatchObject({ ok: true, newForms: 3, delimiter: ';', encoding: 'utf-8' });
    expect(await importFile(b, UTF8_BOM)).toMatchObject({ ok: true, added: 3 });
    expect(await register(b)).toEqual(await register(a));
  });

  it('adds nothing the second time: every row is already on the register as it is', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252);
    expect(await preview(s, WINDOWS_1252)).toMatchObject({ ok: true, newForms: 0, unchanged: 3, conflicts: [] });
    expect(await importFile(s, WINDOWS_1252)).toEqual({ ok: true, written: 0, added: 0, updated: 0, skipped: 0, unchanged: 3 });
    expect((await s.call({ op: 'status' })).entries).toBe(3);
  });

  it('keeps or ignores the columns the form does not have, as the person chooses', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252, { unknownColumns: 'ignore' });
    const child = (await s.call({ op: 'list-children', query: 'SF-045-1' })).rows[0];
    expect((await s.call({ op: 'child-history', childId: child.id })).entries[0].unrecognised).toBeNull();
  });

  it('reads 05/03/2026 as 3 May when the person says the file puts the month first (13/04/2026 can only be 13 April)', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252, { dateOrder: 'month-first' });
    expect((await register(s)).map((r) => r[4])).toEqual(['2026-04-13', '2026-02-03', '2026-05-03']);
  });
});

describe('a form already on the register with other answers', () => {
  /** The Windows-1252 file with the second child's age corrected to 16 and the first's community retyped the same. */
  const corrected = () => {
    const text = new TextDecoder('windows-1252').decode(WINDOWS_1252).replace(';Niño;15;', ';Niño;16;');
    return new Uint8Array(Buffer.from(text, 'latin1'));
  };

  it('is shown side by side in the preview and waits for a choice: without one nothing is written', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252);
    const p = await preview(s, corrected());
    expect(p).toMatchObject({ ok: true, newForms: 0, unchanged: 2, conflicts: [{ row: 3, childCode: 'SF-045-2', date: '2026-03-05', differences: [{ field: 'age', here: '15', file: '16' }] }] });
    const refused = await importFile(s, corrected());
    expect(refused).toMatchObject({ ok: false, total: 1, problems: [{ row: 3, field: 'child_code', message: expect.stringContaining('elija en la vista previa si se salta esta fila o se actualiza la ficha') }] });
    expect((await register(s)).find((r) => r[0] === 'SF-045-2')?.[2]).toBe(15);
  });

  it('is left as it is when the person skips the row, and replaced when they choose update', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252);
    expect(await importFile(s, corrected(), { decisions: { 3: 'skip' } })).toMatchObject({ ok: true, written: 0, skipped: 1, unchanged: 2 });
    expect((await register(s)).find((r) => r[0] === 'SF-045-2')?.[2]).toBe(15);
    expect(await importFile(s, corrected(), { decisions: { 3: 'update' } })).toMatchObject({ ok: true, written: 1, updated: 1, unchanged: 2 });
    expect((await register(s)).find((r) => r[0] === 'SF-045-2')?.[2]).toBe(16);
    expect((await s.call({ op: 'status' })).entries).toBe(3);
  });

  it('is a child\'s visit of the same day too: update replaces the visit, and the child\'s status follows', async () => {
    const s = await recordsService();
    await importFile(s, WINDOWS_1252);
    const first = visit({ code: 'SF-045-1', sex: 'f', age: 9, date: '2026-06-10', stillWorking: true });
    expect(await s.save('follow-up-visit', first)).toMatchObject({ ok: true });
    const retyped = { ...first, still_working: 'No', tasks_now: null, when_worked: null, sex: 'Niña' };
    const file = spanishExcelCsv([retyped]);
    const p = await s.call({ op: 'preview-csv', lang: 'es', instrumentId: 'follow-up-visit', bytes: file });
    expect(p).toMatchObject({ ok: true, conflicts: [{ row: 2, childCode: 'SF-045-1', date: '2026-06-10' }] });
    expect(p.conflicts[0].differences.map((d: { field: string }) => d.field).sort()).toEqual(['still_working', 'tasks_now', 'when_worked']);
    expect(await importFile(s, file, { decisions: { 2: 'update' } }, 'follow-up-visit')).toMatchObject({ ok: true, updated: 1 });
    const child = (await s.call({ op: 'list-children', query: 'SF-045-1' })).rows[0];
    const visits = (await s.call({ op: 'child-history', childId: child.id })).entries.filter((e: { instrumentId: string }) => e.instrumentId === 'follow-up-visit');
    expect(visits.map((e: { answers: { still_working: string } }) => e.answers.still_working)).toEqual(['no']);
  });
});

describe('an answer that is neither a code nor a label', () => {
  it('names the column and says what is accepted, in the reader\'s language, and nothing is written', async () => {
    const s = await recordsService();
    const text = new TextDecoder('windows-1252').decode(WINDOWS_1252).replace(';Niña;9;', ';Nena;9;');
    const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
    const es = await importFile(s, bytes);
    expect(es).toMatchObject({ ok: false, problems: [{ row: 2, field: 'sex', message: 'Sexo: «Nena» no es una de las respuestas: escriba f o m, o Niña / Niño (en inglés: Girl / Boy)' }] });
    const en = await s.call({ op: 'preview-csv', lang: 'en', instrumentId: 'child-registration', bytes });
    expect(en.problems[0].message).toBe('Sex: “Nena” is not one of the answers: write f or m, or Girl / Boy (in Spanish: Niña / Niño)');
    expect((await s.call({ op: 'status' })).entries).toBe(0);
  });
});

describe('cells as spreadsheets write them', () => {
  it('reads dates day first by default, month first when told, and an ISO date or a time after it either way', () => {
    expect(spreadsheetDateText('05/03/2026', 'day-first')).toBe('2026-03-05');
    expect(spreadsheetDateText('05/03/2026', 'month-first')).toBe('2026-05-03');
    expect(spreadsheetDateText('25/12/2026', 'month-first')).toBe('2026-12-25');
    expect(spreadsheetDateText('5.3.2026', 'day-first')).toBe('2026-03-05');
    expect(spreadsheetDateText('2026-03-05', 'month-first')).toBe('2026-03-05');
    expect(spreadsheetDateText('05/03/2026 0:00', 'day-first')).toBe('2026-03-05');
    expect(spreadsheetDateText('marzo 2026', 'day-first')).toBeNull();
  });

  it('reads a decimal comma, and leaves anything else for the forms model to judge', () => {
    expect(decimalCommaText('2,5')).toBe('2.5');
    expect(decimalCommaText('-0,75')).toBe('-0.75');
    expect(decimalCommaText('1.234,5')).toBe('1.234,5');
  });
});
