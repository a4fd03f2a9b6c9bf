import type { GlossaryTerm } from './content-schema.ts';
import type { Lang } from './facets.ts';

/** One glossary entry as the glossary chapter of one language shows it (written into that chapter by the build). */
export interface GlossaryListEntry {
  id: string;
  category: GlossaryTerm['category'];
  term: string;
  /** The term in the other language, shown beside it. */
  otherTerm: string;
  definition: string;
  note?: string;
  synonyms: GlossaryTerm['synonyms'];
  related: Array<{ id: string; term: string }>;
  sources: GlossaryTerm['sources'];
}

const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'es' : 'en');

/** The glossary in one language, sorted by term in that language. */
export function glossaryListEntries(glossary: readonly GlossaryTerm[], lang: Lang): GlossaryListEntry[] {
  const byId = new Map(glossary.map((g) => [g.id, g]));
  return glossary
    .map((g): GlossaryListEntry => ({
      id: g.id,
      category: g.category,
      term: g[lang].term,
      otherTerm: g[otherLang(lang)].term,
      definition: g[lang].definition,
      ...(g[lang].note ? { note: g[lang].note } : {}),
      synonyms: g.synonyms,
      related: g.related.map((id) => ({ id, term: byId.get(id)?.[lang].term ?? id })),
      sources: g.sources,
    }))
    .sort((a, b) => a.term.localeCompare(b.term, lang));
}
