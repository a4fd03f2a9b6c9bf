import { beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../common/content-schema.ts';
import { buildSearchIndex } from '../../common/search/build-search-index.ts';
import { createSearchEngine, type SearchEngine } from '../../common/search/search-engine.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';

function doc(partial: Partial<SearchDoc> & Pick<SearchDoc, 'chapterId' | 'heading' | 'text'>): SearchDoc {
  return {
    kind: 'section', chapterTitle: partial.chapterId, section: 'problem', anchor: partial.heading.toLowerCase().replace(/\W+/g, '-'),
    ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'], ...partial,
  };
}

const glossary: GlossaryTerm[] = [{
  id: 'pallaqueo', category: 'child-work',
  en: { term: 'Pallaqueo', definition: 'Picking ore from waste.' },
  es: { term: 'Pallaqueo', definition: 'Recoger mineral del desmonte.' },
  synonyms: [{ term: 'jancheo', countries: ['ec'] }, { term: 'barranquilla', countries: ['bo'] }],
  related: [], sources: [{ src: 'ipec-eval-2005', at: '§25' }],
}];

const esDocs: SearchDoc[] = [
  doc({ chapterId: 'trabajo', heading: 'El pallaqueo en los desmontes', text: 'Los niños y niñas recogen mineral de los desmontes.', ageGroups: ['under14'], communityTypes: ['settlement'] }),
  doc({ chapterId: 'monitoreo', heading: 'Monitoreo comunitario', text: 'Los monitores visitan a las familias cada trimestre.', ageGroups: ['all'] }),
  doc({ chapterId: 'salud', heading: 'Salud y mercurio', text: 'El mercurio daña la salud de los adolescentes que amalgaman.', ageGroups: ['14to17'], communityTypes: ['urban'] }),
  doc({ chapterId: 'educacion', heading: 'Educación', text: 'La escuela y el año escolar; la guardería para la primera infancia.', ageGroups: ['early'] }),
];
const enDocs: SearchDoc[] = [
  doc({ chapterId: 'monitoring', heading: 'Community monitoring', text: 'Volunteers monitored children and reported every quarter.' }),
  doc({ chapterId: 'picking', heading: 'Ore picking', text: 'Girls pick ore from the waste heaps (pallaqueo).', ageGroups: ['under14'] }),
];

let es: SearchEngine;
let en: SearchEngine;
const ids = (engine: SearchEngine, q: string, filter?: Parameters<SearchEngine['search']>[1]) =>
  engine.search(q, filter).groups.map((g) => g.chapterId);

beforeAll(async () => {
  // Round-trip through JSON, as the app does: build, write, read, load.
  es = createSearchEngine(JSON.parse(JSON.stringify(await buildSearchIndex('es', esDocs, glossary, []))));
  en = createSearchEngine(JSON.parse(JSON.stringify(await buildSearchIndex('en', enDocs, glossary, []))));
});

describe('search', () => {
  it('ignores accents and case, both ways', () => {
    expect(ids(es, 'NINOS')).toEqual(['trabajo']);
    expect(ids(es, 'educacion')).toEqual(['educacion']);
    expect(ids(es, 'Educación')).toEqual(['educacion']);
  });

  it('folds ñ to n, so niños, nino and ninas meet', () => {
    expect(ids(es, 'nino')).toEqual(['trabajo']);
    expect(ids(es, 'niñas')).toEqual(['trabajo']);
    expect(ids(es, 'ano escolar')).toEqual(['educacion']);
  });

  it('matches prefixes as you type', () => {
    expect(ids(es, 'merc')).toEqual(['salud']);
    expect(ids(en, 'volunt')).toEqual(['monitoring']);
  });

  it('tolerates one typo in longer words but not in short ones', () => {
    expect(ids(es, 'mercuiro')).toEqual(['salud']);
    expect(ids(es, 'desmotnes')).toEqual(['trabajo']);
    expect(ids(es, 'pallaqeo')).toEqual(['trabajo']);
    expect(ids(es, 'zzz')).toEqual([]);
  });

  it('corrects only words the manual does not contain', async () => {
    const docs = [doc({ chapterId: 'a', heading: 'Mineros', text: 'Los mineros trabajan.' }), doc({ chapterId: 'b', heading: 'Dinero', text: 'El dinero de la venta.' })];
    const engine = createSearchEngine(await buildSearchIndex('es', docs, [], []));
    expect(ids(engine, 'minero')).toEqual(['a']);
    expect(ids(engine, 'mineor')).toEqual(['a']);
  });

  it('expands regional synonyms from the glossary', () => {
    expect(ids(es, 'jancheo')).toEqual(['trabajo']);
    expect(ids(es, 'barranquilla')).toEqual(['trabajo']);
    expect(ids(en, 'jancheo')).toEqual(['picking']);
  });

  it('stems Spanish and English so that word forms meet', () => {
    expect(ids(es, 'monitor')).toContain('monitoreo');
    expect(ids(es, 'familia')).toEqual(['monitoreo']);
    expect(ids(en, 'monitor')).toEqual(['monitoring']);
    expect(ids(en, 'monitors')).toEqual(['monitoring']);
    expect(ids(en, 'reports')).toEqual(['monitoring']);
  });

  it('requires every word of the query when some document has them all', () => {
    expect(ids(es, 'mercurio adolescentes')).toEqual(['salud']);
    expect(ids(es, 'mercurio desmontes')).toEqual(expect.arrayContaining(['salud', 'trabajo']));
  });

  it('applies the facet filters, where `all` matches every choice', () => {
    expect(ids(es, 'mercurio', { filter: { ageGroups: ['under14'] } })).toEqual([]);
    expect(ids(es, 'mercurio', { filter: { ageGroups: ['14to17'] } })).toEqual(['salud']);
    expect(ids(es, 'monitoreo', { filter: { ageGroups: ['under14'] } })).toEqual(['monitoreo']);
    expect(ids(es, 'desmontes', { filter: { communityTypes: ['urban'] } })).toEqual([]);
  });

  it('returns a snippet with the matched words marked and the terms to highlight', () => {
    const r = es.search('mercurio');
    const hit = r.groups[0].hits[0];
    expect(hit.heading).toBe('Salud y mercurio');
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['mercurio']);
    expect(hit.snippet.map((p) => p.text).join('')).toContain('daña la salud');
    expect(r.matchedTerms).toContain('mercuri');
  });

  it('returns nothing for an empty or stop-word-only query', () => {
    expect(es.search('   ').groups).toEqual([]);
    expect(es.search('de la').groups).toEqual([]);
  });
});
