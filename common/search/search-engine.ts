import { Index } from 'flexsearch';
import { matchesFacets, type FacetFilter } from '../facets.ts';
import { foldText, searchTerms, withinOneEdit } from '../text.ts';
import { flexOptions } from './flex-options.ts';
import { makeSnippet } from './highlight.ts';
import type { SearchDoc, SearchGroup, SearchHit, SearchIndexData, SearchResponse } from './search-types.ts';

export interface SearchOptions {
  filter?: FacetFilter;
  /** Most chapters to return. */
  limit?: number;
  /** Most hits shown under one chapter. */
  hitsPerChapter?: number;
}

interface Alternative {
  terms: string[];
  weight: number;
}

const HEADING_WEIGHT = 3;
const BODY_WEIGHT = 1;
const SYNONYM_WEIGHT = 0.6;
const TYPO_WEIGHT = 0.5;
/** Terms shorter than this are not corrected: too many near neighbours (nin → fin, sin, min). */
const TYPO_MIN_LENGTH = 5;
const MAX_TYPO_CANDIDATES = 6;
const PER_TERM_LIMIT = 400;

export interface SearchEngine {
  readonly lang: SearchIndexData['lang'];
  readonly docCount: number;
  search(query: string, options?: SearchOptions): SearchResponse;
}

function importIndex(data: Record<string, string>, options: ReturnType<typeof flexOptions>): Index {
  const index = new Index(options);
  for (const [key, value] of Object.entries(data)) index.import(key, value);
  return index;
}

/** Loads a prebuilt index (no re-indexing) and returns the search used by the app, the CLI and the benchmark. */
export function createSearchEngine(data: SearchIndexData): SearchEngine {
  if (data.format !== 1) throw new Error(`search index for "${data.lang}" has format ${String(data.format)}, expected 1: rebuild it`);
  const options = flexOptions(data.lang);
  const headingIndex = importIndex(data.flex.heading, options);
  const bodyIndex = importIndex(data.flex.body, options);
  const docs: SearchDoc[] = data.docs;
  // Typo candidates differ in length by at most one: look only there.
  // Folded once per document, the first time it gives a snippet.
  const foldedTexts: Array<string | undefined> = [];
  const foldedText = (id: number) => (foldedTexts[id] ??= foldText(docs[id].text));
  const known = new Set(data.vocabulary);
  const vocabularyByLength = new Map<number, string[]>();
  for (const word of data.vocabulary) {
    const list = vocabularyByLength.get(word.length);
    if (list) list.push(word);
    else vocabularyByLength.set(word.length, [word]);
  }
  const synonymsByTerm = new Map<string, string[][]>();
  for (const group of data.synonyms) {
    for (const phrase of group) {
      if (phrase.length === 1) synonymsByTerm.set(phrase[0], group);
    }
  }

  function typoCandidates(term: string): string[] {
    const found: string[] = [];
    for (const length of [term.length, term.length - 1, term.length + 1]) {
      for (const word of vocabularyByLength.get(length) ?? []) {
        if (word !== term && withinOneEdit(word, term)) {
          found.push(word);
          if (found.length >= MAX_TYPO_CANDIDATES) return found;
        }
      }
    }
    return found;
  }

  function alternativesFor(term: string): Alternative[] {
    const alts: Alternative[] = [{ terms: [term], weight: 1 }];
    const addSynonyms = (word: string, weight: number) => {
      for (const phrase of synonymsByTerm.get(word) ?? []) {
        if (phrase.length !== 1 || phrase[0] !== word) alts.push({ terms: phrase, weight });
      }
    };
    addSynonyms(term, SYNONYM_WEIGHT);
    // Only words the manual does not contain are corrected (miner stays miner, not diner).
    if (term.length >= TYPO_MIN_LENGTH && !known.has(term)) {
      for (const near of typoCandidates(term)) {
        alts.push({ terms: [near], weight: TYPO_WEIGHT });
        addSynonyms(near, TYPO_WEIGHT * SYNONYM_WEIGHT);
      }
    }
    return alts;
  }

  function search(query: string, opts: SearchOptions = {}): SearchResponse {
    const limit = opts.limit ?? 20;
    const hitsPerChapter = opts.hitsPerChapter ?? 3;
    const terms = searchTerms(query, data.lang);
    if (terms.length === 0) return { query, matchedTerms: [], groups: [], totalHits: 0 };

    const cache = new Map<string, Map<number, number>>();
    /** Score of each document that contains `term` (heading hits weigh more; earlier ranks more). */
    const lookup = (term: string): Map<number, number> => {
      let scores = cache.get(term);
      if (scores) return scores;
      scores = new Map();
      const add = (ids: unknown[], weight: number) => {
        ids.forEach((id, rank) => {
          const n = id as number;
          scores!.set(n, (scores!.get(n) ?? 0) + weight / (1 + rank / 50));
        });
      };
      add(headingIndex.search(term, { limit: PER_TERM_LIMIT }) as unknown[], HEADING_WEIGHT);
      add(bodyIndex.search(term, { limit: PER_TERM_LIMIT }) as unknown[], BODY_WEIGHT);
      cache.set(term, scores);
      return scores;
    };

    const matched = new Set<string>();
    const perTerm: Array<Map<number, number>> = terms.map((term) => {
      const best = new Map<number, number>();
      for (const alt of alternativesFor(term)) {
        const lists = alt.terms.map(lookup);
        const [first, ...rest] = lists;
        let any = false;
        // Scores add up across a term's alternatives: a glossary entry naming the term and
        // its synonyms, or a section using several regional names, ranks above one mention.
        for (const [id, score] of first) {
          if (!rest.every((m) => m.has(id))) continue;
          const total = alt.weight * rest.reduce((s, m) => s + m.get(id)!, score);
          best.set(id, (best.get(id) ?? 0) + total);
          any = true;
        }
        if (any) alt.terms.forEach((t) => matched.add(t));
      }
      return best;
    });

    // Every query term must match; a document missing some still ranks, after all full matches.
    const combined = new Map<number, { score: number; count: number }>();
    for (const scores of perTerm) {
      for (const [id, score] of scores) {
        const entry = combined.get(id) ?? { score: 0, count: 0 };
        entry.score += score;
        entry.count += 1;
        combined.set(id, entry);
      }
    }
    const needed = terms.length;
    const anyFull = [...combined.values()].some((e) => e.count === needed);
    const hits: Array<{ id: number; score: number }> = [];
    for (const [id, entry] of combined) {
      if (anyFull && entry.count < needed) continue;
      if (opts.filter && !matchesFacets(docs[id], opts.filter)) continue;
      hits.push({ id, score: entry.score * (entry.count / needed) * (docs[id].boost ?? 1) });
    }
    hits.sort((a, b) => b.score - a.score || a.id - b.id);

    const matchedTerms = [...matched];
    const groups = new Map<string, SearchGroup>();
    for (const { id, score } of hits) {
      const doc = docs[id];
      let group = groups.get(doc.chapterId);
      if (!group) {
        if (groups.size >= limit) continue;
        group = { chapterId: doc.chapterId, chapterTitle: doc.chapterTitle, section: doc.section, score, hits: [] };
        groups.set(doc.chapterId, group);
      }
      if (group.hits.length >= hitsPerChapter) continue;
      const hit: SearchHit = {
        kind: doc.kind,
        anchor: doc.anchor,
        heading: doc.heading,
        snippet: makeSnippet(doc.text, matchedTerms, data.lang, 180, foldedText(id)),
        score: Math.round(score * 1000) / 1000,
      };
      group.hits.push(hit);
    }
    return { query, matchedTerms, groups: [...groups.values()], totalHits: hits.length };
  }

  return { lang: data.lang, docCount: docs.length, search };
}
