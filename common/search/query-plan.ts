import type { Lang } from '../facets.ts';
import type { Lexicon } from './lexicon.ts';
import { queryWords, type QueryWord } from './query-words.ts';
import { termOf } from './terms.ts';

/**
 * How a query is read. The query is split into words; a run of words that is a glossary name
 * ("mining camp", "medios de vida") also brings the entry's other names. Each word is looked
 * for as itself, by its completions (the last word, as you type), by one-typo corrections
 * and by a split in two ("childcare"), each reading with a weight. Question words ("how",
 * "cómo") are optional: they add a little and are never required.
 */

export const SYNONYM_WEIGHT = 0.6;
const TYPO_WEIGHT = 0.5;
/** A word split in two known words ("childcare" → child care). */
const SPLIT_WEIGHT = 0.8;
/** Completions of a word the manual does not contain: the reader is still typing it. */
const COMPLETION_WEIGHT = 0.8;
/** Completions of a word the manual contains (child → childhood): a weak guess. */
const EXTRA_COMPLETION_WEIGHT = 0.3;
const MAX_COMPLETIONS = 6;
const MAX_TYPO_CANDIDATES = 6;
/** Terms shorter than this are not corrected: too many near neighbours (nin → fin, sin, min). */
export const TYPO_MIN_LENGTH = 5;
/** Longer words are no real words: not completed, corrected or split. */
const MAX_WORD_LENGTH = 40;
/** Most query words searched: the rest of a pasted paragraph adds nothing but time. */
export const MAX_WORDS = 16;

/** One reading of part of the query: a phrase of index terms and how much it is trusted. */
export interface Reading {
  terms: string[];
  weight: number;
  /** Query words it stands for (a glossary name standing for a run of words counts for all of them). */
  width: number;
  /** Another name from the glossary (not a spelling of the word typed). */
  synonym: boolean;
}

export interface PlannedWord {
  readings: Reading[];
  /** A question word: adds to the score, is not needed for coverage. */
  optional: boolean;
}

/** A query word, or a run of words that is a glossary name with the entry's other names. */
export interface Unit {
  words: PlannedWord[];
  synonyms: Reading[];
}

export class QueryPlanner {
  private readonly synonymGroups = new Map<string, string[][]>();
  private readonly longestPhrase: number;
  /** First term of each glossary name of two words or more → the most words such a name has. */
  private readonly phraseStarts = new Map<string, number>();

  constructor(
    private readonly lang: Lang,
    private readonly lexicon: Lexicon,
    synonyms: readonly string[][][],
    private readonly idf: (term: string) => number,
  ) {
    let longest = 1;
    for (const group of synonyms) {
      for (const phrase of group) {
        this.synonymGroups.set(phrase.join(' '), group);
        longest = Math.max(longest, phrase.length);
        if (phrase.length > 1) this.phraseStarts.set(phrase[0], Math.max(phrase.length, this.phraseStarts.get(phrase[0]) ?? 0));
      }
    }
    this.longestPhrase = longest;
  }

  /** The query as units: glossary names (longest first) and single words. */
  plan(query: string): Unit[] {
    const qw = queryWords(query, this.lang, (t) => this.lexicon.has(t)).slice(0, MAX_WORDS);
    // Glossary names are recognised through a typo too (basline study → baseline study).
    const likely = this.longestPhrase > 1 && qw.length > 1 ? qw.map((w) => this.likelyTerm(w)) : qw.map((w) => w.term);
    const units: Unit[] = [];
    for (let i = 0; i < qw.length; ) {
      // Only a word that begins some glossary name can begin a run of words that is one.
      let n = Math.min(this.phraseStarts.get(likely[i]) ?? 0, qw.length - i);
      for (; n >= 2; n--) {
        if (this.synonymGroups.has(likely.slice(i, i + n).join(' '))) break;
      }
      if (n >= 2) {
        const words: PlannedWord[] = [];
        for (let k = 0; k < n; k++) words.push(this.word(qw[i + k], i + k === qw.length - 1, true));
        units.push({ words, synonyms: this.synonymsOf(likely.slice(i, i + n), SYNONYM_WEIGHT, n) });
        i += n;
      } else {
        units.push({ words: [this.word(qw[i], i === qw.length - 1, false)], synonyms: [] });
        i += 1;
      }
    }
    return units;
  }

  private synonymsOf(phrase: string[], weight: number, width: number): Reading[] {
    const key = phrase.join(' ');
    const group = this.synonymGroups.get(key);
    if (!group) return [];
    const out: Reading[] = [];
    for (const p of group) if (p.join(' ') !== key) out.push({ terms: p, weight, width, synonym: true });
    return out;
  }

  /** The term a query word most likely stands for: itself if the manual has it, else its best correction. */
  private likelyTerm({ word, term }: QueryWord): string {
    if (this.lexicon.has(term) || word.length < TYPO_MIN_LENGTH || word.length > MAX_WORD_LENGTH) return term;
    return this.lexicon.corrections(word, term, 1)[0] ?? term;
  }

  /** A query word: itself, its completions, and for a word the manual does not contain, corrections and a split in two. */
  private word({ word, term, optional }: QueryWord, isLast: boolean, inPhrase: boolean): PlannedWord {
    const known = this.lexicon.has(term);
    if (optional) return { readings: known ? [{ terms: [term], weight: 1, width: 1, synonym: false }] : [], optional };
    const readings: Reading[] = [];
    if (known) readings.push({ terms: [term], weight: 1, width: 1, synonym: false });
    // The glossary knows regional names the text may never use (jancheo).
    if (!inPhrase) readings.push(...this.synonymsOf([term], SYNONYM_WEIGHT, 1));
    if (term.length <= MAX_WORD_LENGTH && (isLast || !known) && term.length >= (known ? 3 : 2)) {
      for (const t of this.lexicon.completions(term, MAX_COMPLETIONS)) {
        // A completion of a complete word never weighs more than the word itself, however rare it is.
        const weight = known ? EXTRA_COMPLETION_WEIGHT * Math.min(1, this.idf(term) / this.idf(t)) : COMPLETION_WEIGHT;
        readings.push({ terms: [t], weight, width: 1, synonym: false });
      }
    }
    // Only words the manual does not contain are corrected (miner stays miner, not diner).
    if (!known && word.length <= MAX_WORD_LENGTH) {
      if (word.length >= TYPO_MIN_LENGTH) {
        for (const near of this.lexicon.corrections(word, term, MAX_TYPO_CANDIDATES)) {
          readings.push({ terms: [near], weight: TYPO_WEIGHT, width: 1, synonym: false }, ...this.synonymsOf([near], TYPO_WEIGHT * SYNONYM_WEIGHT, 1));
        }
      }
      const split = this.splitWord(word);
      if (split) readings.push({ terms: split, weight: SPLIT_WEIGHT, width: 1, synonym: false });
    }
    return { readings, optional: false };
  }

  /** "childcare" → [child, care]: the split into two words the manual contains whose rarer half is most common. */
  private splitWord(word: string): string[] | null {
    let best: string[] | null = null;
    let bestDf = 0;
    for (let i = 3; i <= word.length - 3; i++) {
      const a = termOf(word.slice(0, i), this.lang);
      const b = termOf(word.slice(i), this.lang);
      const df = Math.min(this.lexicon.df(a), this.lexicon.df(b));
      if (df > bestDf) {
        best = [a, b];
        bestDf = df;
      }
    }
    return best;
  }
}
