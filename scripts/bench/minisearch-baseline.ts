/**
 * The baseline Puente's search is compared with in `npm run bench`: MiniSearch with its
 * default options, plus accent folding as VitePress sets it up (a `processTerm` that
 * lowercases and removes diacritics), over the same documents (`searchDocs`). Results are
 * grouped by chapter like Puente's, so the hit rates compare.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { SearchDoc } from '../../common/search/search-types.ts';

/** Lowercase and strip combining marks (é → e, ñ → n), as VitePress's local search does. */
export function foldTerm(term: string): string {
  return term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

interface MiniDoc {
  id: number;
  heading: string;
  chapterTitle: string;
  keywords: string;
  text: string;
}

/** Every searchable field of a document; MiniSearch's defaults give them equal weight. */
export const MINISEARCH_OPTIONS: Options<MiniDoc> = {
  fields: ['heading', 'chapterTitle', 'keywords', 'text'],
  processTerm: foldTerm,
};

export function buildMiniSearch(docs: readonly SearchDoc[]): MiniSearch<MiniDoc> {
  const index = new MiniSearch<MiniDoc>(MINISEARCH_OPTIONS);
  index.addAll(docs.map((d, id) => ({ id, heading: d.heading, chapterTitle: d.chapterTitle, keywords: d.keywords ?? '', text: d.text })));
  return index;
}

/** The serialized index (what an app would ship). */
export function serializeMiniSearch(index: MiniSearch<MiniDoc>): string {
  return JSON.stringify(index);
}

/** Parses and loads a serialized index. */
export function loadMiniSearch(json: string): MiniSearch<MiniDoc> {
  return MiniSearch.loadJSON<MiniDoc>(json, MINISEARCH_OPTIONS);
}

/** Chapter ids of the results, in order, each once (`docs` gives each result's chapter). */
export function miniSearchChapters(index: MiniSearch<MiniDoc>, docs: readonly SearchDoc[], query: string, limit: number): string[] {
  const out: string[] = [];
  for (const r of index.search(query)) {
    const chapter = docs[r.id as number].chapterId;
    if (!out.includes(chapter)) out.push(chapter);
    if (out.length >= limit) break;
  }
  return out;
}
