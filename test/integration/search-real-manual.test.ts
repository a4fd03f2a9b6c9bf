/** Search over the whole real manual: regional names, case studies, modules, laws and facets, in both languages. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchEngine } from '../../common/search/search-engine.ts';
import { buildSearchIndexes } from '../../scripts/content/build-artifacts.ts';
import { loadContent } from '../../scripts/content/load-content.ts';

const ids = (engine: SearchEngine, q: string, filter?: Parameters<SearchEngine['search']>[1]) =>
  engine.search(q, filter).groups.map((g) => g.chapterId);

describe('search on the real manual', () => {
  let real: Record<'en' | 'es', SearchEngine>;
  let content: ReturnType<typeof loadContent>;
  beforeAll(async () => {
    content = loadContent(path.resolve(import.meta.dirname, '../../content'));
    const data = await buildSearchIndexes(content);
    real = { en: createSearchEngine(data.en), es: createSearchEngine(data.es) };
  });

  it('finds the pallaqueo material from the Ecuadorian and Bolivian names', () => {
    for (const q of ['jancheo', 'barranquilla', 'Jancheo']) {
      const chapters = ids(real.es, q);
      expect(chapters).toContain('work-by-age-and-sex');
      expect(chapters).toContain('glossary');
    }
    expect(ids(real.en, 'jancheo')).toContain('work-by-age-and-sex');
  });

  it('finds children by any spelling, in both languages', () => {
    expect(ids(real.es, 'ninos').length).toBeGreaterThan(3);
    expect(ids(real.es, 'nino')).toEqual(ids(real.es, 'niños'));
    expect(ids(real.en, 'monitoring')).toEqual(ids(real.en, 'monitored'));
  });

  it('finds every case study first by its community’s name, in both languages', () => {
    expect(content.communities.length).toBeGreaterThanOrEqual(8);
    for (const c of content.communities) {
      for (const lang of ['en', 'es'] as const) {
        expect(ids(real[lang], c[lang].name)[0], `${lang}: ${c[lang].name}`).toBe(c.caseChapter);
      }
    }
  });

  it('opens the glossary entry of a regional term', () => {
    const r = real.es.search('palliri');
    const glossaryGroup = r.groups.find((g) => g.chapterId === 'glossary');
    expect(glossaryGroup?.hits.map((h) => h.anchor)).toContain('term-palliri');
  });

  it('finds the policy and gender chapters by their laws, organisations and women’s trades, in both languages', () => {
    const cases: Array<[string, string]> = [
      ['Ley 27651', 'public-policy-and-formalisation'], ['AMASUC', 'public-policy-and-formalisation'], ['CRAFT', 'public-policy-and-formalisation'],
      ['palliri', 'gender'], ['pallaquera', 'gender'], ['mujeres mineras', 'gender'],
    ];
    for (const [q, chapter] of cases) expect(ids(real.es, q), q).toContain(chapter);
    for (const [q, chapter] of [['Law 27651', 'public-policy-and-formalisation'], ['women miners', 'gender'], ['pallaqueras', 'gender']]) {
      expect(ids(real.en, q).slice(0, 5), q).toContain(chapter);
    }
  });

  it('finds every workshop module by its title in both languages, and by what its activities use', () => {
    expect(content.workshopModules.length).toBeGreaterThanOrEqual(14);
    for (const m of content.workshopModules) {
      for (const lang of ['en', 'es'] as const) expect(ids(real[lang], m[lang].title).slice(0, 3), `${lang}: ${m[lang].title}`).toContain(m.id);
    }
    expect(ids(real.es, 'titeres')[0]).toMatch(/^children-/);
    expect(ids(real.en, 'radio campaign')[0]).toMatch(/^media-/);
  });

  it('filters workshop modules by the audience facet like chapters: trainers see them, officials reading for policy do not', () => {
    const isModule = (id: string) => content.workshopModules.some((m) => m.id === id);
    expect(ids(real.en, 'miners', { filter: { audiences: ['trainer'] } }).some(isModule)).toBe(true);
    expect(ids(real.en, 'miners', { filter: { audiences: ['official'] } }).some(isModule)).toBe(false);
  });
});
