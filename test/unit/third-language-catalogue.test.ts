/**
 * A third language's catalogue is data alone (issue 15, content/TRANSLATING.md): a `pt.json`
 * beside the English one passes the build's catalogue check when complete, is refused by name
 * when a message is missing, and formats its plurals and numbers in its own locale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../common/i18n/catalogue.ts';
import { compileCatalogue } from '../../common/i18n/compile.ts';
import { createTranslator } from '../../common/i18n/translator.ts';
import type { ContentProblem } from '../../scripts/content/content-error.ts';
import { checkCatalogues } from '../../scripts/i18n/check-catalogues.ts';
import { catalogueFile, readCatalogue } from '../../scripts/i18n/catalogue-files.ts';

const english = readCatalogue(catalogueFile('en'));

/** A complete Portuguese catalogue made from the English one: a few messages translated, the rest still English (valid, as a translator's first draft is). */
function portuguese(): Record<string, { message: string; description: string }> {
  const pt = Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, { ...entry }]));
  pt.switchTo.message = 'Português';
  pt.chapters.message = '{n, plural, one {# capítulo} other {# capítulos}}';
  pt.searchResults.message = '{n, plural, one {# resultado} other {# resultados}}';
  return pt;
}

const dirs: string[] = [];
function localesWith(pt: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-locales-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'en.json'), JSON.stringify(english, null, 1));
  writeFileSync(path.join(dir, 'pt.json'), JSON.stringify(pt, null, 1));
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a third language’s catalogue', () => {
  it('passes the build’s check when every message is there', () => {
    const problems: ContentProblem[] = [];
    checkCatalogues(localesWith(portuguese()), problems, (f) => path.basename(f));
    expect(problems).toEqual([]);
  });

  it('is refused with its file and the key of a missing message', () => {
    const { chapters: _left, ...pt } = portuguese();
    const problems: ContentProblem[] = [];
    checkCatalogues(localesWith(pt), problems, (f) => path.basename(f));
    expect(problems.map((p) => `${p.file} ${p.message}`)).toEqual([expect.stringMatching(/^pt\.json .*"chapters"/)]);
  });

  it('formats its messages in its own locale', () => {
    const t = createTranslator('pt', compileCatalogue(portuguese() as Catalogue));
    expect(t.format('switchTo')).toBe('Português');
    expect(t.format('chapters', { n: 1 })).toBe('1 capítulo');
    expect(t.format('searchResults', { n: 1500 })).toBe('1.500 resultados');
  });
});
