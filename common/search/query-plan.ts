import type { Lang } from '../facets.ts';
import type { ConceptNameIndex } from './concept-names.ts';
import type { Lexicon } from './lexicon.ts';
import { asksForCount, asksForDefinition, isFillerTerm, queryWords, type QueryWord } from './query-words.ts';
import { COUNTED, termOf } from './terms.ts';

/**
 * Stage 1 of a search: the query read as concepts (see README, "How search treats text").
 *
 * The query is split into words; question words and filler are dropped. A run of words that
 * is a name of a concept (thesaurus or glossary: "medios de vida", "azogue", "platita para las
 * mamás") becomes one concept with the concept's other names; every other word is a concept of
 * its own. Each concept has readings: ways it may be written in a section (the words typed,
 * completions of the last word, one-typo corrections and a split in two for words the manual
 * does not have, and other names), each with a weight; the words typed weigh most.
 */

/** Other names of a concept (thesaurus, glossary): below the words typed. */
export const OTHER_NAME_WEIGHT = 0.6;
/** One word of a several-word name found without the others: it adds to the score, but says little about whether the section is about the name. */
const PART_WEIGHT = 0.5;
const PART_SHARE = 0.3;
/** A section that has a concept by another name has most of it. */
const OTHER_NAME_SHARE = 0.8;
const TYPO_WEIGHT = 0.5;
/** A word split in two known words ("childcare" → child care). */
const SPLIT_WEIGHT = 0.8;
/** Completions of a word the manual does not contain: the reader is still typing it. */
const COMPLETION_WEIGHT = 0.8;
/** Completions of a word the manual contains (child → childhood): a weak guess. */
const EXTRA_COMPLETION_WEIGHT = 0.3;
const MAX_COMPLETIONS = 6;
const MAX_TYPO_CANDIDATES = 6;
/** Other names looked for per concept: bounds the work of a concept with many names. */
const MAX_OTHER_NAMES = 16;
/** Counted readings looked for in a question that asks how many. */
const MAX_COUNTED = 24;
/** Terms shorter than this are not corrected: too many near neighbours (nin → fin, sin, min). */
export const TYPO_MIN_LENGTH = 5;
/** Longer words are no real words: not completed, corrected or split. */
const MAX_WORD_LENGTH = 40;
/** Most query words read: the rest of a pasted paragraph adds nothing but time. */
export const MAX_WORDS = 16;

/** One way a concept may be written in a section: terms that must all be there, how much finding them counts, and how much of the concept a section with them has. */
export interface Reading {
  terms: string[];
  weight: number;
  /** The share of the concept a section with this reading covers (1 for the words typed). */
  share: number;
}

export interface QueryConcept {
  /** The words typed for it, folded. */
  typed: string[];
  /** The words typed, as the manual has them (first), then the other readings. */
  readings: Reading[];
  /** Named only by filler ("cuántos"): adds where found, never required. */
  optional: boolean;
  /** The figure a question that asks how many wants ("10 ONG"): counted like a word typed, so the sections that give it come first (see ranking.ts). */
  figure?: boolean;
}

export interface QueryPlan {
  concepts: QueryConcept[];
  /** The query asks what something is ("qué es…", "what is…"). */
  asksForDefinition: boolean;
  /** The case communities the query names ("bella rica cooperativa"): each one's chapter, and the concepts that name it. */
  named: NamedCommunity[];
}

export interface NamedCommunity {
  chapterId: string;
  /** Indexes in `concepts` of the concepts whose words are the community's name. */
  concepts: number[];
}

export class QueryPlanner {
  constructor(
    private readonly lang: Lang,
    private readonly lexicon: Lexicon,
    private readonly names: ConceptNameIndex,
    private readonly idf: (term: string) => number,
    /** Each case community's name, as terms, with its chapter. */
    private readonly communities: ReadonlyArray<{ terms: string[]; chapterId: string }> = [],
  ) {}

  plan(query: string): QueryPlan {
    const words = queryWords(query, this.lang, (t) => this.lexicon.has(t)).slice(0, MAX_WORDS);
    const typed = words.map((w) => w.term);
    // Names are recognised as typed, or through a typo (basline study → baseline study).
    const likely = words.map((w) => this.likelyTerm(w));
    const concepts: QueryConcept[] = [];
    /** The concept each query word went into (-1: dropped filler). */
    const conceptOf: number[] = words.map(() => -1);
    for (let i = 0; i < words.length; ) {
      const asTyped = this.names.nameAt(typed, i);
      const named = asTyped ?? this.names.nameAt(likely, i);
      const run = words.slice(i, i + (named?.length ?? 1));
      const isLast = i + run.length === words.length;
      const optional = run.every((w) => w.filler);
      const readings: Reading[] = [];
      if (run.length > 1) {
        const whole = (asTyped ? typed : likely).slice(i, i + run.length);
        readings.push({ terms: whole, weight: 1, share: 1 });
        // A name the manual never writes ("small loans": no loans) is found by its other names; its words alone do not stand for it.
        if (whole.every((t) => this.lexicon.has(t))) {
          for (const [k, w] of run.entries()) {
            if (!w.filler) for (const r of this.spellings(w, isLast && k === run.length - 1, PART_WEIGHT)) readings.push({ ...r, share: Math.min(r.share, PART_SHARE) });
          }
        }
      } else if (!optional) {
        readings.push(...this.spellings(run[0], isLast, 1));
      }
      // A word typed wrong names a concept through its likely correction (mercuiro → mercurio → azogue), with less trust.
      const corrected = !asTyped && run.length === 1 && likely[i] !== run[0].term;
      if (named) readings.push(...this.otherNames(named.otherNames, corrected ? TYPO_WEIGHT * OTHER_NAME_WEIGHT : OTHER_NAME_WEIGHT));
      if (readings.length) {
        for (let k = i; k < i + run.length; k++) conceptOf[k] = concepts.length;
        concepts.push({ typed: run.map((w) => w.word), readings, optional });
      }
      i += run.length;
    }
    const count = asksForCount(query, this.lang) && concepts.length < MAX_WORDS ? this.countOf(concepts) : null;
    if (count) concepts.push(count);
    return { concepts, asksForDefinition: asksForDefinition(query, this.lang), named: this.namedCommunities(likely, conceptOf) };
  }

  /**
   * What a question that asks how many wants: a number written before the things it asks about
   * ("cuántas ONG" → "10 ONG", "how many communities" → "six communities"): each reading of
   * its concepts as counted terms (see terms.ts), with that reading's weight.
   */
  private countOf(concepts: readonly QueryConcept[]): QueryConcept | null {
    const readings: Reading[] = [];
    const seen = new Set<string>();
    for (const c of concepts) {
      if (c.optional) continue;
      for (const r of c.readings) {
        const terms = r.terms.map((t) => COUNTED + t);
        const key = terms.join(' ');
        if (readings.length >= MAX_COUNTED || seen.has(key) || !terms.every((t) => this.lexicon.has(t))) continue;
        seen.add(key);
        readings.push({ terms, weight: r.weight, share: r.share });
      }
    }
    return readings.length ? { typed: [], readings, optional: false, figure: true } : null;
  }

  /** The communities whose whole name is among the query's terms, with the concepts of those words. */
  private namedCommunities(terms: readonly string[], conceptOf: readonly number[]): NamedCommunity[] {
    const out: NamedCommunity[] = [];
    for (const c of this.communities) {
      const at = terms.indexOf(c.terms[0]);
      if (at < 0 || !c.terms.every((t, k) => terms[at + k] === t) || out.some((n) => n.chapterId === c.chapterId)) continue;
      const named = [...new Set(conceptOf.slice(at, at + c.terms.length).filter((u) => u >= 0))];
      out.push({ chapterId: c.chapterId, concepts: named });
    }
    return out;
  }

  /** Other names the manual has (every term known; a question's filler words left out), at most MAX_OTHER_NAMES, each once. */
  private otherNames(names: readonly string[][], weight: number): Reading[] {
    const out: Reading[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      if (out.length >= MAX_OTHER_NAMES) break;
      const content = name.filter((t) => !isFillerTerm(t, this.lang));
      const terms = content.length ? content : name;
      const key = terms.join(' ');
      if (seen.has(key) || !terms.every((t) => this.lexicon.has(t))) continue;
      seen.add(key);
      out.push({ terms, weight, share: OTHER_NAME_SHARE });
    }
    return out;
  }

  /** The term a query word most likely stands for: itself if the manual has it, else its best correction. */
  private likelyTerm({ word, term }: QueryWord): string {
    if (this.lexicon.has(term) || word.length < TYPO_MIN_LENGTH || word.length > MAX_WORD_LENGTH) return term;
    return this.lexicon.corrections(word, term, 1)[0] ?? term;
  }

  /** A word as the manual may write it: itself, its completions, and for a word the manual does not contain, corrections and a split in two. */
  private spellings({ word, term }: QueryWord, isLast: boolean, weight: number): Reading[] {
    const known = this.lexicon.has(term);
    const out: Reading[] = [];
    if (known) out.push({ terms: [term], weight, share: weight });
    if (term.length <= MAX_WORD_LENGTH && (isLast || !known) && term.length >= (known ? 3 : 2)) {
      for (const t of this.lexicon.completions(term, MAX_COMPLETIONS)) {
        // A completion of a complete word never weighs more than the word itself, however rare it is.
        const w = known ? EXTRA_COMPLETION_WEIGHT * Math.min(1, this.idf(term) / this.idf(t)) : COMPLETION_WEIGHT;
        out.push({ terms: [t], weight: weight * w, share: weight * w });
      }
    }
    // Only words the manual does not contain are corrected (miner stays miner, not diner).
    if (!known && word.length <= MAX_WORD_LENGTH) {
      if (word.length >= TYPO_MIN_LENGTH) {
        for (const near of this.lexicon.corrections(word, term, MAX_TYPO_CANDIDATES)) out.push({ terms: [near], weight: weight * TYPO_WEIGHT, share: weight * TYPO_WEIGHT });
      }
      const split = this.splitWord(word);
      if (split) out.push({ terms: split, weight: weight * SPLIT_WEIGHT, share: weight * SPLIT_WEIGHT });
    }
    return out;
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
