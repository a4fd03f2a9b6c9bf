import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SubmissionProblemCode } from '../../common/records/records-api.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { centralCsv } from '../../scripts/bench/server-exports.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { strings as en } from '../../renderer/src/app/strings/en.ts';
import { strings as es } from '../../renderer/src/app/strings/es.ts';
import { messageOf, submissionProblemText } from '../../renderer/src/records/problem-text.ts';
import { RecordsError } from '../../common/records/records-store.ts';

const STRINGS = { en, es };

describe('a records refusal on the reader’s screen', () => {
  it('is worded in Spanish from its code and parameters, with no English left', () => {
    const refusal = new RecordsError('bad-row', 'Row 7 of the backup\'s "children" table breaks a rule (CHECK constraint failed: sex). Nothing was changed.', { table: 'children', row: 7, reason: 'CHECK constraint failed' });
    const crossed = new Error(`records:call: ${refusal.message}`);
    expect(messageOf(crossed, STRINGS.es.records.errors)).toBe('La fila 7 de la tabla «children» de la copia no es válida: CHECK constraint failed. No se cambió nada.');
    const loss = new RecordsError('would-lose', 'English detail', { children: 1, entries: 3 });
    expect(messageOf(new Error(loss.message), STRINGS.es.records.errors)).toBe('Restaurar esta copia quitaría 1 niño o niña y 3 formularios que están en esta computadora y no en la copia. No se cambió nada.');
    expect(messageOf(new Error(new RecordsError('empty-file', 'This file is empty').message), STRINGS.es.records.errors)).toMatch(/^Este archivo está vacío/);
  });

  it('keeps the host’s detail for a code without its own wording, and plain text as it came', () => {
    expect(messageOf(new Error('[conflict] the code "A" is used twice'), STRINGS.en.records.errors)).toBe('the code "A" is used twice');
    expect(messageOf(new Error('something else'), STRINGS.es.records.errors)).toBe('something else');
  });
});

/** The string literals of a union type as the engine declares it (so a code added there must be worded here). */
function unionOf(file: string, type: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const body = new RegExp(`export type ${type} =([^;]+);`).exec(source)?.[1];
  if (!body) throw new Error(`${file}: no type ${type}`);
  return [...body.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

/** The codes thrown by these engine files: `new RecordsError('code'`. */
function thrownIn(files: string[]): string[] {
  return [...new Set(files.flatMap((f) => [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/new RecordsError\('([a-z-]+)'/g)].map((m) => m[1])))];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT_AND_MERGE = [...readdirSync(path.join(ROOT, 'common/records/import')).map((f) => `common/records/import/${f}`), 'common/records/merge.ts'];
/** Refusals the service already words in the request's language (its own MESSAGES), or that only a wrong request can cause. */
const WORDED_BY_THE_SERVICE = new Set(['invalid']);
/** English screens show these codes' own English detail as it came (each says what happened and that nothing changed). */
const ENGLISH_DETAIL = new Set(['not-a-database', 'newer-version', 'wrong-passphrase', 'locked', 'invalid', 'not-found', 'conflict']);
/** Parameters as the engine gives them, one example per problem code. */
const SAMPLE_PARAMS: Record<SubmissionProblemCode, Record<string, string | number>> = {
  answer: { question: 'age', text: 'la edad debe estar entre 0 y 17' },
  'unknown-choice': { question: 'school_level', value: 'special' },
  'no-instance-id': { column: 'KEY' },
  encrypted: { status: 'missingEncryptedFormData' },
  'rejected-on-server': { state: 'rejected' },
  'row-cells': { cells: 12, expected: 30 },
  'no-child': { code: 'SF-9' },
  'code-on-register': { code: 'SF-1' },
  'code-twice': { code: 'SF-1', line: 3 },
  'submission-twice': { line: 5 },
  'other-child': { code: 'SF-2' },
  'csv-choice': { question: 'Sex', value: 'F.', values: 'f|m', labelsEn: 'Girl|Boy', labelsEs: 'Niña|Niño' },
  'csv-undecided': { code: 'SF-1', date: '2026-03-02' },
  'csv-unknown-column': { column: 'nombre' },
  'csv-column-twice': { column: 'age' },
  'csv-code-twice': { code: 'SF-1', line: 3 },
  'csv-more': { count: 1200 },
};

describe('every refusal the import and merge engine can give has words in each language', () => {
  const errorCodes = unionOf('common/records/records-store.ts', 'RecordsErrorCode');
  const problemCodes = unionOf('common/records/records-api.ts', 'SubmissionProblemCode') as SubmissionProblemCode[];

  it('has a wording for each error code, in both languages for every code an import or a merge throws', () => {
    expect(errorCodes.length).toBeGreaterThan(20);
    const thrown = thrownIn(IMPORT_AND_MERGE);
    expect(thrown).toEqual(expect.arrayContaining(['not-an-export', 'damaged-export', 'no-root-table', 'unknown-form', 'cut-short', 'empty-file', 'needs-decision']));
    for (const code of thrown) {
      expect(errorCodes, code).toContain(code);
      for (const lang of ['en', 'es'] as const) expect({ ...STRINGS[lang].records.errors, ...STRINGS[lang].records.importErrors }[code], `${lang}: ${code}`).toBeDefined();
    }
    const unworded = (lang: 'en' | 'es', exempt: Set<string>) => errorCodes.filter((c) => !exempt.has(c) && STRINGS[lang].records.errors[c] === undefined);
    expect(unworded('es', WORDED_BY_THE_SERVICE)).toEqual([]);
    expect(unworded('en', ENGLISH_DETAIL)).toEqual([]);
  });

  it('words each problem code from its parameters, differently in each language, with nothing missing', () => {
    expect(Object.keys(SAMPLE_PARAMS).sort()).toEqual([...problemCodes].sort());
    for (const code of problemCodes) {
      const [en, es] = (['en', 'es'] as const).map((lang) => submissionProblemText({ code, params: SAMPLE_PARAMS[code] }, lang));
      for (const text of [en, es]) expect(text, code).toMatch(/^\S.{8,}/s);
      for (const text of [en, es]) expect(text, code).not.toMatch(/undefined|NaN|\[object/);
      if (code !== 'answer') expect(es, code).not.toBe(en);
    }
  });

  it('names in Spanish every kind of file the export reader recognises by mistake', () => {
    const source = readFileSync(path.join(ROOT, 'common/records/import/export-file.ts'), 'utf8');
    const kinds = [...source.matchAll(/kind: '([^']+)'/g), ...source.matchAll(/notAnExport\(fileName, '([^']+)'\)/g)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(8);
    for (const lang of ['en', 'es'] as const) expect(kinds.filter((k) => !(k in STRINGS[lang].records.exportKinds)), lang).toEqual([]);
  });

  it('reads a bad export file’s refusal in Spanish from the engine’s own error, with no English left', async () => {
    const s = await recordsService();
    const reg = (await recordsDeps()).instruments.find((f) => f.id === 'child-registration')!;
    const csv = centralCsv(reg, [{ id: 'b1', submittedAt: '2026-03-01T10:00:00.000Z', answers: registration({ code: 'SF-1', sex: 'f', age: 9, status: 'working', date: '2026-03-01' }) }]);
    const files: Array<[string, Uint8Array]> = [
      ['sin-tabla.csv.zip', zipSync({ 'puente_child_registration-sibling.csv': strToU8('sibling_age,PARENT_KEY,KEY\n7,uuid:1,uuid:1/s[1]\n') })],
      ['informe.csv', strToU8('%PDF-1.7\n')],
      ['roto.zip', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9])],
      ['cortado.csv', strToU8(csv.slice(0, csv.length - 20))],
      ['encuesta.csv', strToU8('SubmissionDate,q1,meta-instanceID,KEY\n2026-03-01,x,uuid:1,uuid:1\n')],
      ['vacio.csv', new Uint8Array(0)],
    ];
    const texts = { ...es.records.errors, ...es.records.importErrors };
    for (const [name, bytes] of files) {
      const refusal = await s.call({ op: 'preview-import', lang: 'es', fileName: name, bytes }).then(() => null, (e: unknown) => e);
      expect(refusal, name).toBeInstanceOf(Error);
      const shown = messageOf(refusal, texts);
      expect(shown, name).toContain(`«${name}»`);
      expect(shown, name).toMatch(/No se cambió nada\.$/);
      expect(shown, name).not.toMatch(/Nothing was changed|undefined|download the|\bis a\b/);
    }
    const undecided = await s.call({ op: 'commit-merge', lang: 'es', bytes: new Uint8Array(0), decisions: { duplicates: [], conflicts: [] } }).then(() => null, (e: unknown) => e);
    expect(messageOf(undecided, es.records.errors)).toMatch(/^Este archivo está vacío/);
  });
});
