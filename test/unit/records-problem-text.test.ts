import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SubmissionProblemCode } from '../../common/records/records-api.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { centralCsv } from '../../scripts/bench/server-exports.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { messageOf as messageWith, submissionProblemText } from '../../renderer/src/records/problem-text.ts';
import { callRecordsWorker } from '../../renderer/src/records/records-unavailable.ts';
import { RecordsError } from '../../common/records/records-store.ts';
import { refusalText, refusalTexts } from '../../common/records/refusal-words.ts';
import { problemText } from '../../common/records/import/problem-words.ts';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { messageView } from '../../common/i18n/message-view.ts';
import type { RecordsErrorCode } from '../../common/records/records-store.ts';

/** What the records screen shows, with the reader's language's refusal messages. */
const messageOf = (e: unknown, lang: 'en' | 'es') => messageWith(e, refusalTexts(lang));

describe('a records refusal on the reader’s screen', () => {
  it('is worded in full in the reader’s language from its code and parameters, never with the English detail after it', () => {
    const refusal = new RecordsError('bad-row', 'Row 7 of the backup\'s "children" table breaks a rule (CHECK constraint failed: sex). Nothing was changed.', { table: 'children', row: 7, reason: 'CHECK constraint failed' });
    const crossed = new Error(`records:call: ${refusal.message}`);
    expect(messageOf(crossed, 'es')).toBe('La fila 7 de la tabla «children» de la copia no es válida: no cumple una regla de los registros. No se cambió nada.');
    expect(messageOf(crossed, 'en')).toBe('Row 7 of the backup’s “children” table is not valid: CHECK constraint failed. Nothing was changed.');
    const loss = new RecordsError('would-lose', 'English detail', { children: 1, entries: 3 });
    expect(messageOf(new Error(loss.message), 'es')).toBe('Restaurar esta copia quitaría 1 niño o niña y 3 formularios que están en esta computadora y no en la copia. No se cambió nada.');
    expect(messageOf(new Error(new RecordsError('empty-file', 'This file is empty').message), 'es')).toMatch(/^Este archivo está vacío/);
    expect(messageOf(new Error(new RecordsError('wrong-passphrase', 'Wrong passphrase').message), 'es')).not.toContain('Wrong');
  });

  it('says in the reader’s language alone that the portable edition keeps no records (not both languages in one sentence)', async () => {
    const result = await callRecordsWorker({ op: 'status' });
    expect(result.ok).toBe(false);
    const crossed = new Error(`records:call: ${(result as { error: string }).error}`);
    expect(messageOf(crossed, 'es')).toBe(refusalText('portable-edition', {}, 'es'));
    expect(messageOf(crossed, 'es')).toMatch(/^Los registros de campo necesitan la aplicación instalada/);
    expect(messageOf(crossed, 'es')).not.toMatch(/Field records|\//);
    expect(messageOf(crossed, 'en')).toMatch(/^Field records need the installed app/);
  });

  it('says a problem without a known code (a crash) is unexpected, in the reader’s language, the host’s words marked as a technical detail', () => {
    expect(messageOf(new Error('[made-up] the code "A" is used twice'), 'es')).toMatch(/^Ocurrió un problema inesperado.*Detalle técnico: \[made-up\] the code "A" is used twice$/);
    expect(messageOf(new Error('something else'), 'en')).toMatch(/^An unexpected problem occurred.*Technical detail: something else$/);
  });
});

/** The string literals of a union type as the engine declares it (so a code added there must be worded here). */
function unionOf(file: string, type: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const body = new RegExp(`export type ${type} =([^;]+);`).exec(source)?.[1];
  if (!body) throw new Error(`${file}: no type ${type}`);
  return [...body.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

/** The codes thrown by these engine files: `new RecordsError('code'` or `refusal('code'`. */
function thrownIn(files: string[]): string[] {
  return [...new Set(files.flatMap((f) => [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/(?:new RecordsError|\brefusal)\('([a-z-]+)'/g)].map((m) => m[1])))];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENGINE = [
  ...readdirSync(path.join(ROOT, 'common/records')).filter((f) => f.endsWith('.ts')).map((f) => `common/records/${f}`),
  ...readdirSync(path.join(ROOT, 'common/records/import')).map((f) => `common/records/import/${f}`),
];
/** Every parameter a refusal carries, with a value, to word each code with nothing missing. */
const ANY_PARAMS = {
  file: 'export.csv', kind: 'PDF', reason: 'damaged zip', line: 4, table: 'children', column: 'age', row: 7, field: 'age', version: 9, supported: 4,
  iterations: 5, children: 2, entries: 3, found: 'a.csv', form: 'survey', columns: 'q1, q2', cells: 3, expected: 9, count: 2, code: 'SF-1', taken: 'SF-2',
  value: 'maybe', min: 8, at: Date.parse('2026-03-01T10:00:00Z'), detail: 'EACCES',
};
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
  const errorCodes = unionOf('common/records/refusal-codes.ts', 'RecordsErrorCode');
  const problemCodes = unionOf('common/records/records-api.ts', 'SubmissionProblemCode') as SubmissionProblemCode[];

  it('words every error code the engine throws, in each language, from its parameters, with nothing missing', () => {
    expect(errorCodes.length).toBeGreaterThan(40);
    const thrown = thrownIn(ENGINE);
    expect(thrown).toEqual(expect.arrayContaining(['not-an-export', 'damaged-export', 'no-root-table', 'unknown-form', 'cut-short', 'empty-file', 'needs-decision', 'child-gone', 'wrong-passphrase']));
    for (const code of thrown) expect(errorCodes, code).toContain(code);
    for (const code of errorCodes as RecordsErrorCode[]) {
      const [en, es] = (['en', 'es'] as const).map((lang) => refusalText(code, ANY_PARAMS, lang));
      for (const text of [en, es]) expect(text, code).toMatch(/^\S.{8,}/s);
      for (const text of [en, es]) expect(text, code).not.toMatch(/undefined|NaN|\[object|\bnone\b|[{}]/);
      expect(es, code).not.toBe(en);
      expect(es, code).not.toMatch(/\b(the|is|was|not|this|file|nothing)\b/i);
    }
  });

  it('words each problem code from its parameters, differently in each language, with nothing missing', () => {
    expect(Object.keys(SAMPLE_PARAMS).sort()).toEqual([...problemCodes].sort());
    for (const code of problemCodes) {
      const [en, es] = (['en', 'es'] as const).map((lang) => submissionProblemText({ code, params: SAMPLE_PARAMS[code] }, messageView(translatorFor(lang)).records.problems, lang));
      for (const text of [en, es]) expect(text, code).toMatch(/^\S.{8,}/s);
      for (const text of [en, es]) expect(text, code).not.toMatch(/undefined|NaN|\[object|[{}]/);
      if (code !== 'answer') expect(es, code).not.toBe(en);
      // The screen and the host (import engine, command line) say the same words.
      expect(es, code).toBe(problemText(code, SAMPLE_PARAMS[code], 'es'));
    }
    expect(problemText('csv-choice', SAMPLE_PARAMS['csv-choice'], 'es')).toBe('Sex: «F.» no es una de las respuestas: escriba f o m, o Niña / Niño (en inglés: Girl / Boy)');
    expect(problemText('csv-more', { count: 1200 }, 'en')).toBe('… and 1,200 more problems: correct these and import the file again to see the rest');
  });

  it('names in Spanish every kind of file the export reader recognises by mistake', () => {
    const source = readFileSync(path.join(ROOT, 'common/records/import/export-file.ts'), 'utf8');
    const kinds = [...source.matchAll(/kind: '([^']+)'/g), ...source.matchAll(/notAnExport\(fileName, '([^']+)'\)/g)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(8);
    const unnamed = (lang: 'en' | 'es', other: RegExp) => kinds.filter((kind) => other.test(refusalText('not-an-export', { file: 'x', kind }, lang)));
    expect(unnamed('es', /otro tipo/)).toEqual([]);
    expect(unnamed('en', /another kind/)).toEqual([]);
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
    for (const [name, bytes] of files) {
      const refusal = await s.call({ op: 'preview-import', lang: 'es', fileName: name, bytes }).then(() => null, (e: unknown) => e);
      expect(refusal, name).toBeInstanceOf(Error);
      const shown = messageOf(refusal, 'es');
      expect(shown, name).toContain(`«${name}»`);
      expect(shown, name).toMatch(/No se cambió nada\.$/);
      expect(shown, name).not.toMatch(/Nothing was changed|undefined|download the|\bis a\b/);
    }
    const undecided = await s.call({ op: 'commit-merge', lang: 'es', bytes: new Uint8Array(0), decisions: { duplicates: [], conflicts: [] } }).then(() => null, (e: unknown) => e);
    expect(messageOf(undecided, 'es')).toMatch(/^Este archivo está vacío/);
  });
});
