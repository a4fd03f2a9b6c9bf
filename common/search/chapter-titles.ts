import type { Lang } from '../facets.ts';
import { indexTerms } from './terms.ts';
import type { SearchDoc } from './search-types.ts';

/**
 * The title of each chapter key (a chapter, or one glossary entry: its term) as index terms,
 * and which keys' titles have a given term, so that a search finds the titles with its words
 * by looking its terms up, instead of reading every candidate chapter's title.
 */
export class ChapterTitles {
  /** Index terms of each key's title, each once. */
  readonly terms: string[][] = [];
  /** Whether each key is a glossary entry. */
  readonly isTerm: Uint8Array;
  private readonly keysOf = new Map<string, number[]>();
  private readonly stamp: Int32Array;
  private gen = 0;

  constructor(docs: readonly SearchDoc[], keyOf: Int32Array, keyCount: number, lang: Lang) {
    this.isTerm = new Uint8Array(keyCount);
    this.stamp = new Int32Array(keyCount);
    docs.forEach((doc, id) => {
      const key = keyOf[id];
      if (this.terms[key]) return;
      this.isTerm[key] = doc.kind === 'term' ? 1 : 0;
      const terms = [...new Set(indexTerms(doc.kind === 'term' ? doc.heading : doc.chapterTitle, lang))];
      this.terms[key] = terms;
      for (const t of terms) {
        const keys = this.keysOf.get(t);
        if (keys) keys.push(key);
        else this.keysOf.set(t, [key]);
      }
    });
  }

  /** Marks the keys whose title has one of `terms` (forgetting the previous marks). */
  mark(terms: Iterable<string>): void {
    const gen = ++this.gen;
    for (const t of terms) {
      const keys = this.keysOf.get(t);
      if (keys) for (const key of keys) this.stamp[key] = gen;
    }
  }

  marked(key: number): boolean {
    return this.stamp[key] === this.gen;
  }
}
