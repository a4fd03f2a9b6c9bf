/**
 * The export readers on their own: the strict XLSX reader, the rows a server marks as not to be
 * taken (encrypted, rejected, not approved), an XLSX date cell (a day number), labels with spaces
 * in a select_multiple, a CSV a spreadsheet re-saved in Windows-1252; and each
 * installation's device id, which a restore does not change.
 */
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSubmissionExport } from '../../common/records/import/export-file.ts';
import { readXlsx } from '../../common/records/import/xlsx-reader.ts';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { centralCsv, koboCsv, koboFileName, koboXlsx, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';

const form = async (id: string) => (await recordsDeps()).instruments.find((f) => f.id === id)!;

/** A workbook's parts, with one sheet's XML replaced. */
async function workbookWith(sheetXml: string, sharedStrings?: string): Promise<Record<string, Uint8Array>> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('S').addRow(['a']);
  const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml);
  if (sharedStrings !== undefined) files['xl/sharedStrings.xml'] = strToU8(sharedStrings);
  return files;
}
const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const strings = (...items: string[]) => `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;

describe('the XLSX reader', () => {
  it('reads shared, rich and inline text, numbers and missing cells, with each row’s line', async () => {
    const files = await workbookWith(
      sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Niña &amp; niño</t></is></c></row><row r="3"><c r="B3"><v>61</v></c><c r="C3" t="s"><v>1</v></c></row>'),
      strings('<t>_uuid</t>', '<r><t>Sí,</t></r><r><t xml:space="preserve"> trabaja</t></r><rPh><t>ふりがな</t></rPh>'),
    );
    expect(readXlsx(files)[0]).toEqual({ name: 'S', rows: [{ line: 1, cells: ['_uuid', '', 'Niña & niño'] }, { line: 3, cells: ['', 61, 'Sí, trabaja'] }] });
  });

  it('refuses a DOCTYPE (no entity from a file is ever expanded), a tag that does not close, an unknown entity and a missing shared string', async () => {
    const cases: Array<[string, string | undefined, RegExp]> = [
      ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData/></worksheet>', undefined, /DOCTYPE/],
      [sheet('<row r="1"><c r="A1"><v>1</v></row>'), undefined, /closes <c>/],
      [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'), undefined, /unknown entity "&nbsp;"/],
      [sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), strings('<t>a</t>'), /shared text 7/],
      [sheet('<row r="1"><c r="A1"><v>12a</v></c></row>'), undefined, /a number cell holds "12a"/],
    ];
    for (const [xml, shared, pattern] of cases) {
      const files = await workbookWith(xml, shared);
      expect(() => readXlsx(files)).toThrow(pattern);
    }
  });

  it('turns a damaged workbook inside an export into a refusal naming the file', async () => {
    const files = await workbookWith(sheet('<row r="1"><c r="A1"><v>1</v></c>'));
    expect(() => readSubmissionExport('Ficha.xlsx', zipSync(files))).toThrow(/^\[damaged-export\|[^\]]*\] "Ficha\.xlsx" is a damaged workbook \(xl\/worksheets\/sheet1\.xml: <\/sheetData> closes <row>\)/);
  });
});

describe('rows a server marks, and what spreadsheets write', () => {
  it('does not take a submission Central could not decrypt or a reviewer rejected, nor one KoboToolbox marks not approved', async () => {
    const reg = await form('child-registration');
    const subs: FixtureSubmission[] = ['A', 'B', 'C'].map((code, i) => ({ id: `aa00000${i}-0000-4000-8000-000000000000`, submittedAt: '2026-03-01T10:00:00.000Z', answers: registration({ code, sex: 'f', age: 9, status: 'working', date: '2026-03-01' }) }));
    const s = await recordsService();
    const central = centralCsv(reg, subs, { reviewState: (x) => (x === subs[1] ? 'rejected' : x === subs[2] ? 'approved' : '') }).replace(',0,0,,approved,', ',0,0,not decrypted,approved,');
    const c = await s.call({ op: 'preview-import', lang: 'en', fileName: 'puente_child_registration.csv', bytes: strToU8(central) });
    expect(c.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([[3, 'rejected-on-server'], [4, 'encrypted']]);
    const k = await s.call({ op: 'preview-import', lang: 'es', fileName: koboFileName(reg, 'csv'), bytes: strToU8(koboCsv(reg, subs, { headers: 'names', validationStatus: (x) => (x === subs[0] ? 'Not Approved' : 'Approved') })) });
    expect(k).toMatchObject({ newForms: 2, refusedRows: 1, problems: [{ row: 2, code: 'rejected-on-server', message: 'en el servidor, un revisor marcó este envío como «Not Approved»' }] });
  });

  it('reads labels with spaces in one cell, and a CSV a spreadsheet re-saved in Windows-1252', async () => {
    const vis = await form('follow-up-visit');
    const s = await recordsService();
    await s.save('child-registration', registration({ code: 'SF-1', sex: 'f', age: 9, status: 'working', date: '2026-03-01' }));
    const sub: FixtureSubmission = { id: 'bb000000-0000-4000-8000-000000000001', submittedAt: '2026-05-04T10:00:00.000Z', answers: { ...visit({ code: 'SF-1', sex: 'f', age: 9, date: '2026-05-04', stillWorking: true }), tasks_now: ['ore_picking', 'processing'] } };
    // KoboToolbox's CSV in Spanish labels without the question/choice columns, saved by a spreadsheet in Windows-1252.
    const [head, row] = koboCsv(vis, [sub], { headers: 'es' }).split('\r\n');
    const keep = head.split(';').map((h, i) => (/^"¿Qué trabajo\?\//.test(h) ? -1 : i)).filter((i) => i !== -1);
    const text = [head, row].map((l) => keep.map((i) => l.split(';')[i]).join(';')).join('\r\n') + '\r\n';
    const latin1 = Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
    const r = await s.call({ op: 'commit-import', lang: 'es', fileName: koboFileName(vis, 'csv'), bytes: latin1 });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ headers: 'labels', newForms: 1 });
    const child = (await s.call({ op: 'list-children' })).rows[0];
    expect((await s.call({ op: 'child-history', childId: child.id })).entries[1].answers.tasks_now).toEqual(['ore_picking', 'processing']);
  });

  it('reads a date cell of an XLSX (a day number) as the date it shows', async () => {
    const vis = await form('follow-up-visit');
    const s = await recordsService();
    await s.save('child-registration', registration({ code: 'SF-1', sex: 'f', age: 9, status: 'working', date: '2026-03-01' }));
    const sub: FixtureSubmission = { id: 'bb000000-0000-4000-8000-000000000002', submittedAt: '2026-05-04T10:00:00.000Z', answers: visit({ code: 'SF-1', sex: 'f', age: 9, date: '2026-05-04', stillWorking: false }) };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await koboXlsx(vis, [sub], { headers: 'names' })).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    const column = (sheet.getRow(1).values as string[]).indexOf('visit_date');
    sheet.getRow(2).getCell(column).value = 46146;
    const r = await s.call({ op: 'commit-import', lang: 'en', fileName: 'Visita.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) });
    expect(r).toMatchObject({ newForms: 1, refusedRows: 0 });
    const child = (await s.call({ op: 'list-children' })).rows[0];
    expect((await s.call({ op: 'child-history', childId: child.id })).entries[1].entryDate).toBe('2026-05-04');
  });
});

describe('this installation', () => {
  it('keeps its device id across a restore of another laptop’s backup, and its name can be changed', async () => {
    const a = await recordsService();
    const b = await recordsService();
    await b.save('child-registration', registration({ code: 'B-1', sex: 'm', age: 11, status: 'working', date: '2026-03-01' }));
    const before = (await a.call({ op: 'status' })).device;
    expect(before).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: expect.stringMatching(/^Puente [0-9A-F]{6}$/) });
    await a.call({ op: 'restore-database', bytes: (await b.call({ op: 'export-database' })).bytes, acceptLoss: true });
    expect((await a.call({ op: 'status' })).device).toEqual(before);
    expect((await a.call({ op: 'set-device-name', name: '  Laptop de Rosa ' })).device).toEqual({ id: before.id, name: 'Laptop de Rosa' });
    const child = (await a.call({ op: 'list-children' })).rows[0];
    // The restored form still says it was entered on B.
    expect((await a.call({ op: 'child-history', childId: child.id })).entries[0].provenance).toMatchObject({ origin: 'device', deviceId: (await b.call({ op: 'status' })).device.id });
  });
});
