/**
 * A language the search has no stemmer, stop words or question words for (issue 15: a third
 * language by data alone) is searched by its folded words: no crash, and no English or Spanish
 * stemming applied to it.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/facets.ts';
import { buildSearchIndex } from '../../common/search/build-search-index.ts';
import { createSearchEngine } from '../../common/search/search-engine.ts';
import { indexTerms } from '../../common/search/terms.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';

// Not in LANGS: the search must not depend on a table naming every language.
const PT = 'pt' as Lang;

function chapter(chapterId: string, chapterTitle: string, text: string): SearchDoc {
  return { kind: 'section', chapterId, chapterTitle, section: 'problem', anchor: '', heading: chapterTitle, text, ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'] };
}

const DOCS = [
  chapter('intro', 'Introdução', 'Este manual trata do trabalho infantil nas comunidades mineiras e das suas famílias.'),
  chapter('picking', 'Catar minério', 'As crianças catam minério nos rejeitos; o mercúrio queima-se em casa e os vapores fazem mal.'),
  chapter('school', 'Escola', 'A escola perto da mina abre às sete horas; 30 % das crianças faltam na época da colheita.'),
];

describe('search in a language it has no stemmer for', () => {
  it('indexes folded words as written, without another language\'s endings', () => {
    // English stemming would make "mineiras" → "mineira" and "famílias" → "famili"
    expect(indexTerms('Famílias mineiras, mercúrio e vapores', PT)).toEqual(['familias', 'mineiras', 'mercurio', 'e', 'vapores']);
  });

  it('builds the index and finds the chapter that has the words asked for', async () => {
    const engine = createSearchEngine(await buildSearchIndex(PT, DOCS, [], []));
    const response = engine.search('mercúrio vapores');
    expect(response.groups.map((g) => g.chapterId)[0]).toBe('picking');
    expect(engine.search('quantas crianças faltam na escola?').groups.map((g) => g.chapterId)).toContain('school');
    expect(engine.search('o que é trabalho infantil').groups.map((g) => g.chapterId)[0]).toBe('intro');
  });
});
