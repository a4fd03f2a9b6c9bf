import type { Lang } from '../facets.ts';
import type { Reading, Unit } from './query-plan.ts';
import { indexTerms } from './terms.ts';
import type { SearchDoc } from './search-types.ts';

/** A reading of the query as a title sees it: only its terms that some title has (by number), each with its idf. */
interface TitleReading {
  ids: number[];
  idfs: number[];
  /** The reading's weight × width ÷ its number of terms. */
  factor: number;
}

/** A query unit as the titles see it: its words (each with its weight in the unit) and its other names. */
export interface TitleUnit {
  words: Array<{ weight: number; readings: TitleReading[] }>;
  synonyms: TitleReading[];
}

/**
 * The title of each chapter key (a chapter, or one glossary entry: its term) as index terms,
 * numbered, and which keys' titles have each term. A search looks its terms up here once, and
 * then scores only the titles that have some of them, by comparing numbers.
 */
export class ChapterTitles {
  /** Whether each key is a glossary entry. */
  readonly isTerm: Uint8Array;
  /** Numbers of each key's title terms, each once. */
  private readonly titleIds: Int32Array[] = [];
  private readonly ids = new Map<string, number>();
  private readonly keysOf: number[][] = [];
  private readonly stamp: Int32Array;
  private gen = 0;

  constructor(docs: readonly SearchDoc[], keyOf: Int32Array, keyCount: number, lang: Lang) {
    this.isTerm = new Uint8Array(keyCount);
    this.stamp = new Int32Array(keyCount);
    docs.forEach((doc, id) => {
      const key = keyOf[id];
      if (this.titleIds[key]) return;
      this.isTerm[key] = doc.kind === 'term' ? 1 : 0;
      const terms = [...new Set(indexTerms(doc.kind === 'term' ? doc.heading : doc.chapterTitle, lang))];
      this.titleIds[key] = Int32Array.from(terms, (t) => {
        let n = this.ids.get(t);
        if (n === undefined) {
          this.ids.set(t, (n = this.keysOf.length));
          this.keysOf.push([]);
        }
        this.keysOf[n].push(key);
        return n;
      });
    });
  }

  /**
   * The query's units as the titles see them, `optionalWeight` for question words; marks the
   * keys whose title has some term of the query (forgetting the previous marks).
   */
  query(units: readonly Unit[], idf: (term: string) => number, optionalWeight: number): TitleUnit[] {
    const gen = ++this.gen;
    const readings = (list: readonly Reading[]): TitleReading[] => {
      const out: TitleReading[] = [];
      for (const r of list) {
        const ids: number[] = [];
        const idfs: number[] = [];
        for (const t of r.terms) {
          const n = this.ids.get(t);
          if (n === undefined) continue;
          ids.push(n);
          idfs.push(idf(t));
          for (const key of this.keysOf[n]) this.stamp[key] = gen;
        }
        if (ids.length) out.push({ ids, idfs, factor: (r.weight * r.width) / r.terms.length });
      }
      return out;
    };
    return units.map((unit) => ({
      words: unit.words.map((w) => ({ weight: w.optional ? optionalWeight : 1, readings: readings(w.readings) })),
      synonyms: readings(unit.synonyms),
    }));
  }

  /** Whether the key's title has some term of the last query. */
  marked(key: number): boolean {
    return this.stamp[key] === this.gen;
  }

  /**
   * Per unit, how much of it the key's title has: its readings' terms found there, idf-weighted,
   * partly if some are missing; a unit's words add up, or its best other name counts.
   */
  score(key: number, units: readonly TitleUnit[], out: Float64Array): void {
    const title = this.titleIds[key];
    for (let u = 0; u < units.length; u++) {
      const unit = units[u];
      let words = 0;
      for (const w of unit.words) words += best(w.readings, title) * w.weight;
      out[u] = Math.max(words, best(unit.synonyms, title));
    }
  }
}

function best(readings: readonly TitleReading[], title: Int32Array): number {
  let top = 0;
  for (const r of readings) {
    let s = 0;
    for (let i = 0; i < r.ids.length; i++) {
      const id = r.ids[i];
      for (let j = 0; j < title.length; j++) {
        if (title[j] === id) {
          s += r.idfs[i];
          break;
        }
      }
    }
    if (s > 0) top = Math.max(top, s * r.factor);
  }
  return top;
}
