import { describe, expect, it } from 'vitest';
import { strings as en } from '../../renderer/src/app/strings/en.ts';
import { strings as es } from '../../renderer/src/app/strings/es.ts';
import { messageOf } from '../../renderer/src/records/problem-text.ts';
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
