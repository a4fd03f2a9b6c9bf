import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/facets.ts';
import { Lexicon } from '../../common/search/lexicon.ts';
import { SnippetMaker } from '../../common/search/snippets.ts';
import { indexTerms } from '../../common/search/terms.ts';
import type { SearchDoc, SnippetPart } from '../../common/search/search-types.ts';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `palabra${i}`).join(' ');

function docs(...texts: string[]): SearchDoc[] {
  return texts.map((text, i) => ({
    kind: 'section', chapterId: `c${i}`, chapterTitle: `C${i}`, section: 'problem', anchor: `a${i}`, heading: `H${i}`, text,
    ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'],
  }));
}

/** The vocabulary as the search index's lexicon holds it (sorted terms). */
const lexicon = (vocabulary: string[], lang: Lang) => new Lexicon(lang, vocabulary, vocabulary.map(() => 1), []);

/** A snippet maker over these texts, with their vocabulary as the index would have it (or none: every term unknown to it). */
function maker(texts: string[], lang: Lang, maxLength = 180, withVocabulary = true): SnippetMaker {
  const vocabulary = withVocabulary ? [...new Set(texts.flatMap((t) => indexTerms(t, lang)))].sort() : [];
  return new SnippetMaker(docs(...texts), lang, lexicon(vocabulary, lang), maxLength);
}

const marked = (parts: SnippetPart[]) => parts.filter((p) => p.hit).map((p) => p.text);
const whole = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');

describe('search snippets', () => {
  it('marks every word of the query in the extract, accents and capitals as written', () => {
    const m = maker(['El Mercurio daña la salud; el mercurio se evapora al quemar la amalgama.'], 'es');
    m.begin(['mercuri']);
    const parts = m.make(0, true);
    expect(marked(parts)).toEqual(['Mercurio', 'mercurio']);
    expect(whole(parts)).toBe('El Mercurio daña la salud; el mercurio se evapora al quemar la amalgama.');
  });

  it('starts the extract shortly before the first match far into a long text, with ellipses where it is cut', () => {
    const text = `${filler(60)} los niños retirados de la mina ${filler(60)}`;
    const m = maker([text], 'es', 180);
    m.begin(['retir']);
    const parts = m.make(0, true);
    expect(parts[0]).toEqual({ text: '… ', hit: false });
    expect(parts[parts.length - 1]).toEqual({ text: ' …', hit: false });
    expect(marked(parts)).toEqual(['retirados']);
    const extract = whole(parts);
    expect(extract.length).toBeLessThanOrEqual(180 + 4);
    // About a third of the extract comes before the match.
    const before = extract.indexOf('retirados');
    expect(before).toBeGreaterThan(30);
    expect(before).toBeLessThan(90);
  });

  it('finds a hyphenated compound by its joined term, and marks its parts', () => {
    const text = `${filler(50)} the phase-out of child labour ${filler(20)}`;
    const m = maker([text], 'en');
    m.begin(['phaseout']);
    const parts = m.make(0, true);
    expect(whole(parts)).toContain('phase-out of child labour');
    expect(marked(parts)).toEqual(['phase']);
  });

  it('gives the opening of the text when only the heading matched, still marking words that match', () => {
    const text = `Monitoring teams visit. ${filler(80)} monitoring again`;
    const m = maker([text], 'en');
    m.begin(['monitor']);
    const parts = m.make(0, false);
    expect(parts[0].text.startsWith('Monitoring')).toBe(true);
    expect(marked(parts)).toEqual(['Monitoring']);
  });

  it('reads text whose folding changes its length (decomposed accents) word by word', () => {
    const text = `${filler(40)} la educacio\u0301n de las nin\u0303as ${filler(40)}`;
    const m = maker([text], 'es');
    m.begin(['educ']);
    const parts = m.make(0, true);
    expect(marked(parts)).toEqual(['educacio\u0301n']);
    expect(parts[0].text).toBe('… ');
  });

  it('marks the same words when a term is missing from the vocabulary', () => {
    for (const withVocabulary of [true, false]) {
      const m = maker(['Los niños y las niñas retirados; el niño.'], 'es', 180, withVocabulary);
      m.begin(['nin']);
      expect(marked(m.make(0, true)), `vocabulary: ${withVocabulary}`).toEqual(['niños', 'niñas', 'niño']);
      m.begin(['retiradoss']);
      expect(marked(m.make(0, true)), `vocabulary: ${withVocabulary}`).toEqual(['retirados']);
    }
  });

  it('marks every word that starts with a short search term, however many terms of the vocabulary share its beginning', () => {
    const text = 'Mothers met minimal mining ministries in Mina.';
    const own = [...new Set(indexTerms(text, 'en'))];
    // Thousands of other terms beginning with "mi", as a large manual would have.
    const vocabulary = [...new Set([...own, ...Array.from({ length: 6000 }, (_, i) => `mi${i.toString(36)}x`)])].sort();
    const m = new SnippetMaker(docs(text), 'en', lexicon(vocabulary, 'en'));
    m.begin(['mi']);
    expect(marked(m.make(0, true))).toEqual(['minimal', 'mining', 'ministries', 'Mina']);
  });

  it('forgets the previous search: words of an earlier query are no longer marked', () => {
    const m = maker(['Mothers and teachers met the miners.'], 'en');
    m.begin(['mother']);
    expect(marked(m.make(0, true))).toEqual(['Mothers']);
    m.begin(['miner']);
    expect(marked(m.make(0, true))).toEqual(['miners']);
    m.begin([]);
    expect(marked(m.make(0, true))).toEqual([]);
  });
});
