import type { Lang } from '../facets.ts';
import { COUNTED, termOf } from './terms.ts';

/** Most vocabulary entries scanned for one prefix: bounds the work for one- or two-letter prefixes of a huge corpus. */
const MAX_PREFIX_SCAN = 5000;

/** True when a and b differ by at most one edit (insert, delete, substitute, swap neighbours); allocation-free. */
export function oneEditApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la < lb) return oneEditApart(b, a);
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === lb) return true; // equal, or a has one more letter at the end
  if (la > lb) {
    // a has one extra letter at i
    for (let j = i; j < lb; j++) if (a.charCodeAt(j + 1) !== b.charCodeAt(j)) return false;
    return true;
  }
  // same length: substitution at i, or a swap of i and i+1
  let j = i + 1;
  if (j < la && a.charCodeAt(i) === b.charCodeAt(j) && a.charCodeAt(j) === b.charCodeAt(i)) j = i + 2;
  for (; j < la; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
  return true;
}

interface Entry {
  /** The word as it may be written (a stem, or a folded form). */
  text: string;
  /** The search term it stands for. */
  stem: string;
}

/**
 * The vocabulary of one index: which terms exist, how common each is, prefix completions
 * and one-typo corrections. Typo buckets are built on first use, so loading stays fast.
 */
export class Lexicon {
  private readonly position = new Map<string, number>();
  private buckets: Map<string, Entry[]> | undefined;
  /** Per vocabulary term, the end of the run of terms that start with it (0: not worked out yet). */
  private readonly runEnd: Int32Array;
  /** The answers for the words of the last searches: a reader typing a query asks again for each word at every key. */
  private readonly completed = new Map<string, string[]>();
  private readonly corrected = new Map<string, string[]>();

  constructor(
    private readonly lang: Lang,
    private readonly vocabulary: readonly string[],
    private readonly frequency: readonly number[],
    private readonly forms: readonly string[],
  ) {
    vocabulary.forEach((t, i) => this.position.set(t, i));
    this.runEnd = new Int32Array(vocabulary.length);
  }

  /** Number of terms in the vocabulary. */
  get size(): number {
    return this.vocabulary.length;
  }

  has(term: string): boolean {
    return this.position.has(term);
  }

  /** The term's place in the sorted vocabulary, or -1. */
  indexOf(term: string): number {
    return this.position.get(term) ?? -1;
  }

  /** Number of documents that contain the term (0 if none). */
  df(term: string): number {
    const i = this.position.get(term);
    return i === undefined ? 0 : this.frequency[i];
  }

  /**
   * The places [start, end) of the terms that start with `prefix` (itself included): the
   * vocabulary is sorted, so they are neighbours. Worked out once for a term of the vocabulary.
   */
  prefixRun(prefix: string): [number, number] {
    const at = this.indexOf(prefix);
    if (at < 0) return [lowerBound(this.vocabulary, prefix), lowerBound(this.vocabulary, `${prefix}\uffff`)];
    if (this.runEnd[at] === 0) this.runEnd[at] = lowerBound(this.vocabulary, `${prefix}\uffff`);
    return [at, this.runEnd[at]];
  }

  /** Terms that start with `prefix` (not the prefix itself), most common first. */
  completions(prefix: string, max: number): string[] {
    return remembered(this.completed, `${prefix} ${max}`, () => this.findCompletions(prefix, max));
  }

  private findCompletions(prefix: string, max: number): string[] {
    const v = this.vocabulary;
    const [lo, hi] = this.prefixRun(prefix);
    const found: Array<{ term: string; df: number }> = [];
    for (let i = lo, end = Math.min(hi, lo + MAX_PREFIX_SCAN); i < end; i++) {
      if (v[i] !== prefix) found.push({ term: v[i], df: this.frequency[i] });
    }
    found.sort((a, b) => b.df - a.df || a.term.length - b.term.length);
    return found.slice(0, max).map((f) => f.term);
  }

  /** Terms whose written word or stem is one edit away from `word` (folded, as typed) or from its stem `term`, most common first. */
  corrections(word: string, term: string, max: number): string[] {
    return remembered(this.corrected, `${word} ${term} ${max}`, () => this.findCorrections(word, term, max));
  }

  private findCorrections(word: string, term: string, max: number): string[] {
    const found = new Map<string, number>();
    for (const target of word === term ? [word] : [word, term]) {
      for (const bucket of this.candidates(target)) {
        for (const e of bucket) {
          if (e.stem !== term && !found.has(e.stem) && oneEditApart(e.text, target)) found.set(e.stem, this.df(e.stem));
        }
      }
    }
    return [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([t]) => t);
  }

  /** Buckets of the entries that can be one edit from `q`: same length ±1, and sharing the first letter, or the second one where the first differs. */
  private candidates(q: string): Entry[][] {
    const buckets = (this.buckets ??= this.buildBuckets());
    const L = q.length;
    const keys = [`f${L - 1}${q[0]}`, `f${L}${q[0]}`, `f${L + 1}${q[0]}`, `s${L}${q[1]}`, `f${L}${q[1]}`, `f${L - 1}${q[1]}`, `s${L + 1}${q[0]}`];
    const out: Entry[][] = [];
    keys.forEach((key, i) => {
      const bucket = keys.indexOf(key) === i ? buckets.get(key) : undefined;
      if (bucket) out.push(bucket);
    });
    return out;
  }

  private buildBuckets(): Map<string, Entry[]> {
    const buckets = new Map<string, Entry[]>();
    const put = (key: string, e: Entry) => {
      const list = buckets.get(key);
      if (list) list.push(e);
      else buckets.set(key, [e]);
    };
    const add = (e: Entry) => {
      put(`f${e.text.length}${e.text[0]}`, e);
      // Second-letter buckets only matter when the first letters differ: skip entries already reachable by their first letter.
      if (e.text.length > 1 && e.text[1] !== e.text[0]) put(`s${e.text.length}${e.text[1]}`, e);
    };
    // Counted terms are never typed, so never a correction.
    for (const t of this.vocabulary) if (!t.startsWith(COUNTED)) add({ text: t, stem: t });
    for (const w of this.forms) add({ text: w, stem: termOf(w, this.lang) });
    return buckets;
  }
}

/** Answers kept per kind: far more than the words of the last few queries. */
const REMEMBERED = 2000;

/** The answer for `key` from `memory`, worked out once (the memory is emptied when full). */
function remembered(memory: Map<string, string[]>, key: string, work: () => string[]): string[] {
  let answer = memory.get(key);
  if (answer === undefined) {
    if (memory.size >= REMEMBERED) memory.clear();
    memory.set(key, (answer = work()));
  }
  return answer;
}

/** First place whose value is at least `x` (values sorted). */
function lowerBound(values: readonly string[], x: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
