import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../common/i18n/compile.ts';
import { createTranslator } from '../../common/i18n/translator.ts';
import { messageView } from '../../common/i18n/message-view.ts';
import type { ContentProblem } from '../../scripts/content/content-error.ts';
import { checkCatalogues } from '../../scripts/i18n/check-catalogues.ts';
import { catalogueFile, GENERATED_KEYS, LOCALES_DIR, readCatalogue } from '../../scripts/i18n/catalogue-files.ts';
import { messageKeysSource } from '../../scripts/i18n/message-keys.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/i18n');
const translator = (lang: string) => createTranslator(lang, compileCatalogue(readCatalogue(catalogueFile(lang))));

describe('the interface catalogues', () => {
  it('pass the build’s check: same keys and placeholders in every language, valid ICU, described', () => {
    const problems: ContentProblem[] = [];
    checkCatalogues(LOCALES_DIR, problems);
    expect(problems).toEqual([]);
  });

  it('name the file and the key of each problem in a bad catalogue', () => {
    const problems: ContentProblem[] = [];
    checkCatalogues(path.join(FIXTURES, 'bad'), problems, (f) => path.basename(f));
    const lines = problems.map((p) => `${p.file} ${p.message}`);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^en\.json "greeting": has no "description"/),
      expect.stringMatching(/^en\.json "broken": not valid ICU MessageFormat/),
      expect.stringMatching(/^en\.json "blank": the message is empty/),
      expect.stringMatching(/^es\.json "results": placeholder \{count\} is not in the English message/),
      expect.stringMatching(/^es\.json "results": placeholder \{n\} of the English message is missing/),
      expect.stringMatching(/^es\.json "greeting": placeholder \{name\} of the English message is missing/),
      expect.stringMatching(/^es\.json "extra": not in en\.json/),
      expect.stringMatching(/^es\.json "rows": writes a plural as "fila\(s\)"/),
    ]));
    expect(problems.find((p) => p.message.startsWith('"extra"'))?.line).toBe(7);
    expect(lines.filter((l) => l.includes('"home"'))).toEqual([]);
  });

  it('have an up-to-date generated key type (run `npm run i18n:keys` after changing English)', () => {
    expect(readFileSync(GENERATED_KEYS, 'utf8')).toBe(messageKeysSource(readCatalogue(catalogueFile('en'))));
  });
});

describe('the formatter', () => {
  const en = translator('en');
  const es = translator('es');

  it('words counts with the plural of each language and numbers by locale', () => {
    expect(en.format('searchResults', { n: 1 })).toBe('1 result');
    expect(en.format('searchResults', { n: 3 })).toBe('3 results');
    expect(es.format('records.counts', { c: 1, e: 2 })).toBe('1 niño o niña, 2 formularios');
    expect(en.format('records.progressOf', { done: 1200, total: 45000 })).toBe('1,200 of 45,000');
    expect(es.format('records.progressOf', { done: 1200, total: 45000 })).toMatch(/^1\.?200 de 45\.000$/);
  });

  it('reads a missing or empty select value as none, and a value of several words joined by _', () => {
    expect(en.format('records.merge.conflictLegend', { form: 'Visit', code: null, date: '2026-03-01' })).toBe('Visit · 2026-03-01');
    expect(en.format('records.merge.conflictLegend', { form: 'Visit', code: 'SF-1', date: '2026-03-01' })).toBe('Visit · SF-1 · 2026-03-01');
    expect(es.formatLoose('records.errors.damaged-export', { file: 'a.zip', reason: 'too large' })).toMatch(/^«a\.zip» ocupa más de 400 MB/);
    expect(es.formatLoose('records.errors.damaged-export', { file: 'a.csv', line: 4, reason: 'Unexpected quote' })).toBe('«a.csv», línea 4, está dañado o incompleto: descargue otra vez la exportación. No se cambió nada.');
    expect(es.formatLoose('no.such.key')).toBeUndefined();
  });

  it('gives the interface a nested view: texts, functions of their placeholders, and tables by value', () => {
    const t = messageView(es);
    expect(t.records.tabs.register).toBe('Registro');
    expect(t.records.fill({ form: 'Visita' })).toContain('Visita');
    expect(t.records.statusName.working).toBe(es.format('records.statusName.working'));
    const badRow = t.records.errors['bad-row'];
    expect(typeof badRow === 'function' && badRow({ row: 7, table: 'children', reason: 'x' })).toBe('La fila 7 de la tabla «children» de la copia no es válida: no cumple una regla de los registros. No se cambió nada.');
  });
});

describe('the translators of the main process and the command line', () => {
  it('word the same message as the renderer does, in each language', async () => {
    const { translatorFor } = await import('../../common/i18n/catalogues.ts');
    expect(translatorFor('es').format('records.unsaved', { n: 2 })).toBe(translator('es').format('records.unsaved', { n: 2 }));
    expect(translatorFor('en').format('records.unsaved', { n: 1 })).toBe('Not saved: 1 change is only in this computer\'s memory.');
  });
});

describe('the pseudo-locale', () => {
  it('accents and wraps every message, about 30 % longer, with its placeholders and plurals working', async () => {
    const { pseudoCatalogue } = await import('../../common/i18n/pseudo.ts');
    const english = compileCatalogue(readCatalogue(catalogueFile('en')));
    const pseudo = createTranslator('en', pseudoCatalogue(english));
    const en = createTranslator('en', english);
    expect(pseudo.format('records.tabs.register')).toMatch(/^\[Ŕéĝíšţéŕ ~+\]$/);
    expect(pseudo.format('searchResults', { n: 3 })).toMatch(/^\[3 ŕéšúļţš ~+\]$/);
    expect(pseudo.format('records.fill', { form: 'Visit' })).toContain('Visit');
    for (const key of ['tagline', 'records.privacy', 'searchPlaceholder'] as const) {
      expect(pseudo.format(key).length / en.format(key).length, key).toBeGreaterThanOrEqual(1.25);
    }
    expect(pseudo.format('tagline')).not.toMatch(/[a-zA-Z]{3}/);
  });
});
