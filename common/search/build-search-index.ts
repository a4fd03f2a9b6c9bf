import { Index } from 'flexsearch';
import type { Lang } from '../facets.ts';
import type { GlossaryTerm } from '../content-schema.ts';
import { searchTerms } from '../text.ts';
import { flexOptions } from './flex-options.ts';
import type { SearchDoc, SearchIndexData } from './search-types.ts';

/** The names of one glossary entry, split where authors write alternatives ("a / b (c)"). */
function glossaryNames(term: GlossaryTerm): string[] {
  const raw = [term.en.term, term.es.term, ...term.synonyms.map((s) => s.term)];
  return raw.flatMap((name) => name.split(/[/()]/)).map((s) => s.trim()).filter(Boolean);
}

/** Synonym groups: all names of a glossary entry, as term lists, in this language's stemming. */
export function synonymGroups(glossary: readonly GlossaryTerm[], lang: Lang): string[][][] {
  const groups: string[][][] = [];
  for (const term of glossary) {
    const seen = new Set<string>();
    const group: string[][] = [];
    for (const name of glossaryNames(term)) {
      const phrase = searchTerms(name, lang);
      const key = phrase.join(' ');
      if (phrase.length === 0 || seen.has(key)) continue;
      seen.add(key);
      group.push(phrase);
    }
    if (group.length > 1) groups.push(group);
  }
  return groups;
}

async function exportIndex(index: Index): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await index.export((key: string, data: string) => {
    out[key] = data;
  });
  return out;
}

/** Builds one language's search index from its documents and the glossary (build time only). */
export async function buildSearchIndex(lang: Lang, docs: SearchDoc[], glossary: readonly GlossaryTerm[]): Promise<SearchIndexData> {
  const heading = new Index(flexOptions(lang));
  const body = new Index(flexOptions(lang));
  const vocabulary = new Set<string>();
  docs.forEach((doc, id) => {
    const headingText = [doc.heading, doc.kind === 'term' ? '' : doc.chapterTitle, doc.keywords ?? ''].filter(Boolean).join(' ');
    heading.add(id, headingText);
    body.add(id, doc.text);
    for (const t of searchTerms(`${headingText} ${doc.text}`, lang)) vocabulary.add(t);
  });
  return {
    format: 1,
    lang,
    docs,
    vocabulary: [...vocabulary].sort(),
    synonyms: synonymGroups(glossary, lang),
    flex: { heading: await exportIndex(heading), body: await exportIndex(body) },
  };
}
