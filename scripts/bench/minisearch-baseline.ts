/**
 * The baseline Puente's search is compared with in `npm run bench`: MiniSearch (VitePress's
 * engine) configured fairly, that is with everything Puente gives its own engine: the same
 * documents (`searchDocs`), the same tokenizer and stemmer (terms.ts), the same field boosts
 * (a heading, the chapter title and a case's names count 2.5 times the text) and the same
 * reading of the query (query-plan.ts: filler dropped, thesaurus and glossary names weighted
 * below the words typed, completions, typo corrections). What differs is the engine: MiniSearch
 * scores each document with its own BM25+ and sums its query terms; results are grouped by
 * chapter like Puente's, so the hit rates compare.
 */
import MiniSearch, { type Options, type Query } from 'minisearch';
import type { Lang } from '../../common/facets.ts';
import type { QueryPlan } from '../../common/search/query-plan.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';
import { termOf, tokens } from '../../common/search/terms.ts';

interface MiniDoc {
  id: number;
  heading: string;
  chapterTitle: string;
  keywords: string;
  text: string;
}

/** The fields of a document; heading, title and names weigh like Puente's heading field. */
const FIELDS = ['heading', 'chapterTitle', 'keywords', 'text'];
const BOOST = { heading: 2.5, chapterTitle: 2.5, keywords: 2.5, text: 1 };

/** Puente's tokenizer and encoder: folded words (compounds also joined), stemmed, stop words dropped. */
export function miniSearchOptions(lang: Lang): Options<MiniDoc> {
  return {
    fields: FIELDS,
    tokenize: (text) => tokens(text).flatMap((t) => (t.parts ? [t.word, ...t.parts] : [t.word])),
    processTerm: (word) => termOf(word, lang) || null,
  };
}

export function buildMiniSearch(docs: readonly SearchDoc[], lang: Lang): MiniSearch<MiniDoc> {
  const index = new MiniSearch<MiniDoc>(miniSearchOptions(lang));
  index.addAll(docs.map((d, id) => ({ id, heading: d.heading, chapterTitle: d.kind === 'term' ? '' : d.chapterTitle, keywords: d.keywords ?? '', text: d.text })));
  return index;
}

/** The serialized index (what an app would ship). */
export function serializeMiniSearch(index: MiniSearch<MiniDoc>): string {
  return JSON.stringify(index);
}

/** Parses and loads a serialized index. */
export function loadMiniSearch(json: string, lang: Lang): MiniSearch<MiniDoc> {
  return MiniSearch.loadJSON<MiniDoc>(json, miniSearchOptions(lang));
}

/**
 * Puente's reading of a query as a MiniSearch query: each concept one OR of its readings, a
 * reading of several terms an AND of them, each weighted like Puente weighs it (the terms are
 * already processed, so the query side leaves them as they are).
 */
export function miniSearchQuery(plan: QueryPlan): Query {
  const identity = { tokenize: (t: string) => [t], processTerm: (t: string) => t };
  return {
    combineWith: 'OR',
    queries: plan.concepts.map((c) => ({
      combineWith: 'OR',
      queries: c.readings.map((r) => ({
        ...identity,
        combineWith: 'AND',
        queries: r.terms,
        boostTerm: () => r.weight * (c.optional ? 0.5 : 1),
      })),
    })),
  };
}

/** Chapter ids of the results, in order, each once (`docs` gives each result's chapter). */
export function miniSearchChapters(index: MiniSearch<MiniDoc>, docs: readonly SearchDoc[], plan: QueryPlan, limit: number): string[] {
  const out: string[] = [];
  if (plan.concepts.length === 0) return out;
  for (const r of index.search(miniSearchQuery(plan), { boost: BOOST })) {
    const chapter = docs[r.id as number].chapterId;
    if (!out.includes(chapter)) out.push(chapter);
    if (out.length >= limit) break;
  }
  return out;
}
