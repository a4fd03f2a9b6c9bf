/**
 * A form's records exported for spreadsheets (issue 14): an .xlsx that any locale's Excel or
 * LibreOffice opens the same, with the answers by their labels in the reader's language, the same
 * answers as codes, and a codebook; file names in the reader's language; the CSV for other tools
 * with the delimiter the reader's spreadsheet expects. Read back with ExcelJS, as another program would.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

async function sheetsOf(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => { rows[n - 1] = (row.values as unknown[]).slice(1); });
    out[sheet.name] = rows;
  });
  return out;
}

async function seeded() {
  const s = await recordsService();
  await s.save('child-registration', registration({ code: 'SF-045-1', sex: 'f', age: 9, status: 'working', date: '2026-03-02', community: 'Santa Filomena' }));
  await s.save('child-registration', { ...registration({ code: 'SF-045-2', sex: 'm', age: 15, status: 'at_risk', date: '2026-03-05', community: 'Santa Filomena' }), risk_reasons: ['family_mining', 'out_of_school'] });
  return s;
}

describe('a form exported as a workbook', () => {
  it('has the answers with Spanish labels, the same as codes, and a codebook, under a Spanish file name', async () => {
    const s = await seeded();
    const x = await s.call({ op: 'export-xlsx', lang: 'es', instrumentId: 'child-registration' });
    expect(x.fileName).toMatch(/^ficha-de-registro-.*-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(x.rows).toBe(2);
    const sheets = await sheetsOf(x.bytes);
    expect(Object.keys(sheets)).toEqual(['Respuestas', 'Códigos', 'Libro de códigos']);
    const [labels, ...answers] = sheets.Respuestas;
    const col = (label: string) => labels.indexOf(label);
    expect(col('Sexo')).toBeGreaterThan(-1);
    expect(answers.map((r) => [r[col('Código del niño o la niña')], r[col('Sexo')], r[col('Edad en años cumplidos')], r[col('Fecha de registro')]])).toEqual([
      ['SF-045-1', 'Niña', 9, '2026-03-02'],
      ['SF-045-2', 'Niño', 15, '2026-03-05'],
    ]);
    // Numbers stay numbers; several choices read as their labels.
    expect(answers[1][col('¿Por qué está en riesgo?')]).toBe('La madre, el padre o un hermano trabaja en la minería, Está fuera de la escuela o a punto de dejarla');
    const [names, ...codes] = sheets['Códigos'];
    expect(codes.map((r) => [r[names.indexOf('child_code')], r[names.indexOf('sex')], r[names.indexOf('risk_reasons')]])).toEqual([
      ['SF-045-1', 'f', undefined],
      ['SF-045-2', 'm', 'family_mining out_of_school'],
    ]);
    expect(sheets['Libro de códigos'][0]).toEqual(['Campo', 'Pregunta', 'Tipo', 'Código', 'Etiqueta (inglés)', 'Etiqueta (español)']);
    expect(sheets['Libro de códigos']).toContainEqual(['sex', 'Sexo', 'una opción', 'f', 'Girl', 'Niña']);
    expect(sheets['Libro de códigos']).toContainEqual(['parent_consent', expect.any(String), 'sí / no', 'yes', 'Yes', 'Sí']);
  });

  it('is in English for an English reader', async () => {
    const s = await seeded();
    const x = await s.call({ op: 'export-xlsx', lang: 'en', instrumentId: 'child-registration' });
    expect(x.fileName).toMatch(/^child-registration.*\.xlsx$/);
    const sheets = await sheetsOf(x.bytes);
    expect(Object.keys(sheets)).toEqual(['Answers', 'Codes', 'Codebook']);
    expect(sheets.Answers[1][sheets.Answers[0].indexOf('Sex')]).toBe('Girl');
  });

  it('comes back through the CSV import once saved as CSV from the codes sheet or the labels sheet', async () => {
    const a = await seeded();
    const sheets = await sheetsOf((await a.call({ op: 'export-xlsx', lang: 'es', instrumentId: 'child-registration' })).bytes);
    for (const name of ['Códigos', 'Respuestas']) {
      const rows = sheets[name].map((r) => Array.from({ length: sheets[name][0].length }, (_, i) => r[i] ?? ''));
      const csv = rows.map((r) => r.map((c) => (/[;"\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(';')).join('\r\n');
      const b = await recordsService();
      expect(await b.call({ op: 'import-csv', lang: 'es', instrumentId: 'child-registration', bytes: new TextEncoder().encode(csv) }), name).toMatchObject({ ok: true, added: 2 });
      expect((await b.call({ op: 'list-children', sort: 'code' })).rows.map((c: { childCode: string; age: number }) => [c.childCode, c.age])).toEqual([['SF-045-1', 9], ['SF-045-2', 15]]);
    }
  });
});

describe('a form exported as CSV for the reader', () => {
  it('is separated by semicolons and named in Spanish for a Spanish reader, by commas in English', async () => {
    const s = await seeded();
    const es = await s.call({ op: 'export-csv', lang: 'es', instrumentId: 'child-registration' });
    expect(es.fileName).toMatch(/^ficha-de-registro-.*\.csv$/);
    expect([...es.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(es.bytes).split('\r\n')[0]).toMatch(/^reg_date;registrar_code;/);
    const en = await s.call({ op: 'export-csv', lang: 'en', instrumentId: 'child-registration' });
    expect(new TextDecoder().decode(en.bytes).split('\r\n')[0]).toMatch(/^reg_date,registrar_code,/);
  });
});
