/**
 * Snippets that answer: a hit shows the sentence of its section that carries the most of the
 * question, not the first words of the section nor the first place a query word appears.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/facets.ts';
import { buildSearchIndex } from '../../common/search/build-search-index.ts';
import { Lexicon } from '../../common/search/lexicon.ts';
import { createSearchEngine } from '../../common/search/search-engine.ts';
import { SnippetMaker } from '../../common/search/snippets.ts';
import { indexTerms } from '../../common/search/terms.ts';
import type { SearchDoc, SnippetPart } from '../../common/search/search-types.ts';

function doc(text: string, heading = 'Sección'): SearchDoc {
  return { kind: 'section', chapterId: 'c', chapterTitle: 'C', section: 'problem', anchor: 'a', heading, text, ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'] };
}

function maker(text: string, lang: Lang, maxLength = 180): SnippetMaker {
  const vocabulary = [...new Set(indexTerms(text, lang))].sort();
  return new SnippetMaker([doc(text)], lang, new Lexicon(lang, vocabulary, vocabulary.map(() => 1), []), maxLength);
}

const whole = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: SnippetPart[]) => parts.filter((p) => p.hit).map((p) => p.text);
const concepts = (...groups: string[][]) => groups.map((terms) => ({ terms, weight: 1 }));

describe('the sentence a snippet shows', () => {
  const text = 'Este capítulo trata de muchas cosas de la vida en las comunidades mineras y de sus familias. ' +
    'El mercurio se compra en la ciudad. ' +
    'La amalgama con mercurio se quema en la casa, y sus vapores dañan a los niños que están cerca. ' +
    'Otras familias no usan nada de esto.';

  it('is the sentence with the most of the query, whole, not the first mention nor the opening', () => {
    const m = maker(text, 'es');
    const [mercury, amalgam, children] = indexTerms('mercurio amalgama niños', 'es');
    m.begin([mercury, amalgam, children], concepts([mercury], [amalgam], [children]));
    const parts = m.make(0, true);
    expect(whole(parts)).toBe('… La amalgama con mercurio se quema en la casa, y sus vapores dañan a los niños que están cerca. …');
    expect(marked(parts)).toEqual(['amalgama', 'mercurio', 'niños']);
  });

  it('weighs concepts by importance: one rare concept beats two common ones', () => {
    const m = maker('Las familias y las comunidades hablan. El azogue es mercurio.', 'es');
    const [families, communities, azogue] = indexTerms('familias comunidades azogue', 'es');
    m.begin([families, communities, azogue], [{ terms: [families], weight: 1 }, { terms: [communities], weight: 1 }, { terms: [azogue], weight: 3 }]);
    expect(whole(m.make(0, true))).toContain('El azogue es mercurio.');
  });

  it('follows a short sentence with the next one, and cuts a long one around its first match', () => {
    const short = maker('Intro larga sobre otras cosas del capítulo. Guarderías. Las madres dejan allí a sus hijos pequeños.', 'es');
    const [care] = indexTerms('Guarderías', 'es');
    short.begin([care], concepts([care]));
    expect(whole(short.make(0, true))).toMatch(/^… Guarderías\. Las madres dejan/);
    const long = `Primera frase corta. ${Array.from({ length: 60 }, (_, i) => `palabra${i}`).join(' ')} el mercurio ${Array.from({ length: 60 }, (_, i) => `otra${i}`).join(' ')}.`;
    const m = maker(long, 'es', 180);
    const [mercury] = indexTerms('mercurio', 'es');
    m.begin([mercury], concepts([mercury]));
    const parts = m.make(0, true);
    expect(whole(parts).length).toBeLessThanOrEqual(184);
    expect(marked(parts)).toEqual(['mercurio']);
  });

  it('treats the items of a form or a workshop plan, joined by " · ", as sentences', () => {
    const m = maker('¿Cuántos niños viven aquí? · ¿Alguno trabaja en los desmontes? · ¿Quién cuida a los bebés?', 'es');
    const [heaps] = indexTerms('desmontes', 'es');
    m.begin([heaps], concepts([heaps]));
    expect(whole(m.make(0, true))).toBe('… ¿Alguno trabaja en los desmontes? · ¿Quién cuida a los bebés?');
  });

  it('for a question that asks how many, is the sentence that gives the figure', async () => {
    const places = doc('El programa trabajó con las comunidades mineras y con sus autoridades durante años. Trabajó en seis comunidades de tres países, según la evaluación final.', 'Dónde trabajó');
    const engine = createSearchEngine(JSON.parse(JSON.stringify(await buildSearchIndex('es', [places, doc('Las familias y la escuela.', 'Escuela')], [], []))));
    expect(whole(engine.search('cuantas comunidades mineras').groups[0].hits[0].snippet)).toContain('seis comunidades');
    expect(whole(engine.search('comunidades mineras').groups[0].hits[0].snippet)).toContain('autoridades');
  });

  it('in a search: the snippet of a hit is the sentence that answers, for the question as typed', async () => {
    const docs = [doc(text, 'Riesgos')];
    const engine = createSearchEngine(JSON.parse(JSON.stringify(await buildSearchIndex('es', docs, [], []))));
    const hit = engine.search('vapores de mercurio y niños').groups[0].hits[0];
    expect(whole(hit.snippet)).toContain('sus vapores dañan a los niños');
    expect(whole(hit.snippet)).not.toContain('se compra en la ciudad');
  });
});
