import type { Lang } from '../facets.ts';
import { foldText } from '../text.ts';
import { findMatches, marksWord } from './highlight.ts';
import { termOf } from './terms.ts';
import type { SearchDoc, SnippetPart } from './search-types.ts';

/** What the snippets need of the index's vocabulary (the Lexicon). */
export interface Vocabulary {
  readonly size: number;
  /** A term's place in the sorted vocabulary, or -1. */
  indexOf(term: string): number;
  /** The places [start, end) of the terms that start with a prefix. */
  prefixRun(prefix: string): [number, number];
}

/**
 * A section's words in its folded text, read once, the first time the section gives a
 * snippet: where each word starts and ends and its index term (as a number), and the term of a
 * hyphenated compound where one starts (phase-out → phaseout), so that later snippets of the
 * section neither read its text again nor stem its words again.
 */
interface SectionWords {
  starts: Int32Array;
  ends: Int32Array;
  terms: Int32Array;
  /** Term of the compound that starts at each word, or -1; null when the section has none. */
  compounds: Int32Array | null;
}

const FOLDED_WORD = /[a-z0-9]+/g;
const HYPHEN = /[-\u2010\u2011]/;

/** Longest run of vocabulary terms sharing a search term's beginning that is marked term by term (longer runs are checked as ranges). */
const MAX_MARKED_RUN = 4096;

/** Most sections whose words are kept (far more than the manual has). */
const MAX_SECTIONS_KEPT = 20_000;

/**
 * Makes the snippets of one search's hits: an extract of a section's text around the first
 * word of the query found there, with every word that matches a search term marked.
 *
 * A word is marked by the rule of marksWord (highlight.ts), worked out here from the sorted
 * vocabulary: the terms that start with a search term are one run of it. The extract starts at
 * the first word whose term is exactly one of the search terms.
 */
export class SnippetMaker {
  /** Terms the vocabulary does not have, numbered after it: a stop word's empty term (and, for text the index was not built from, others). */
  private readonly others = new Map<string, number>();
  private readonly otherNames: string[] = [];
  /** Per section, once it has given a snippet: its folded text and its words (see MAX_SECTIONS_KEPT). */
  private folded: Array<string | undefined> = [];
  private words: Array<SectionWords | undefined> = [];
  private kept = 0;
  /**
   * Per term id, for the current search: a search term (exactStamp); a term whose words are
   * marked (prefixStamp): one that starts with a search term (except in long runs, kept as
   * ranges), or of four letters or more that some search term starts with.
   */
  private exactStamp: Int32Array;
  private readonly prefixStamp: Int32Array;
  /** Per search term, the range of vocabulary ids of the terms that start with it. */
  private ranges = new Int32Array(64);
  private rangeCount = 0;
  private gen = 0;
  private terms: readonly string[] = [];
  /** Each section's text. */
  private readonly texts: string[];

  constructor(
    docs: readonly SearchDoc[],
    private readonly lang: Lang,
    private readonly vocabulary: Vocabulary,
    private readonly maxLength = 180,
  ) {
    this.exactStamp = new Int32Array(vocabulary.size + 256);
    this.prefixStamp = new Int32Array(vocabulary.size);
    this.texts = docs.map((d) => d.text);
  }

  /** Starts a search: its matched terms. */
  begin(terms: readonly string[]): void {
    const gen = ++this.gen;
    this.terms = terms;
    if (this.ranges.length < 2 * terms.length) this.ranges = new Int32Array(2 * terms.length);
    this.rangeCount = 0;
    for (const t of terms) {
      if (!t) continue;
      this.exactStamp[this.idOf(t)] = gen;
      const [lo, hi] = this.vocabulary.prefixRun(t);
      if (hi - lo <= MAX_MARKED_RUN) {
        // A short run of terms that start with t: marked one by one, so a word's mark is one look.
        for (let id = lo; id < hi; id++) this.prefixStamp[id] = gen;
      } else {
        this.ranges[2 * this.rangeCount] = lo;
        this.ranges[2 * this.rangeCount + 1] = hi;
        this.rangeCount++;
      }
      for (let k = 4; k < t.length; k++) {
        const id = this.vocabulary.indexOf(t.slice(0, k));
        if (id >= 0) this.prefixStamp[id] = gen;
      }
    }
  }

  /**
   * The snippet of section `id`. `textMatched`: whether the section's text (not only its
   * heading) has a search term; if not, the snippet is the text's opening, its matching
   * words still marked.
   */
  make(id: number, textMatched: boolean): SnippetPart[] {
    const text = this.texts[id];
    const folded = this.foldedOf(id);
    if (folded.length !== text.length) return this.unaligned(text, folded);
    if (this.terms.length === 0) return this.cut(text, 0, []);
    const w = this.wordsOf(id, folded);
    const { starts, ends, terms } = w;
    const firstWord = textMatched ? this.firstExact(w) : -1;
    const start = this.windowStart(text, firstWord >= 0 ? starts[firstWord] : 0);
    const end = this.windowEnd(text, start);
    // The window's first word: the extract starts at a word, at most a third of it before the match.
    let i = Math.max(0, firstWord);
    while (i > 0 && starts[i - 1] >= start) i--;
    const parts: SnippetPart[] = start > 0 ? [{ text: '… ', hit: false }] : [];
    let cursor = start;
    for (; i < starts.length && ends[i] <= end; i++) {
      if (!this.marks(terms[i])) continue;
      const a = starts[i];
      if (a > cursor) parts.push({ text: text.slice(cursor, a), hit: false });
      parts.push({ text: text.slice(a, (cursor = ends[i])), hit: true });
    }
    return closing(parts, text, cursor, end);
  }

  private foldedOf(id: number): string {
    let f = this.folded[id];
    if (f === undefined) {
      if (++this.kept > MAX_SECTIONS_KEPT) {
        this.folded = [];
        this.words = [];
        this.kept = 1;
      }
      this.folded[id] = f = foldText(this.texts[id]);
    }
    return f;
  }

  /** A term's number: its place in the vocabulary, or a number after it (a stop word's empty term among them). */
  private idOf(term: string): number {
    const at = this.vocabulary.indexOf(term);
    if (at >= 0) return at;
    let id = this.others.get(term);
    if (id === undefined) {
      id = this.vocabulary.size + this.otherNames.length;
      this.others.set(term, id);
      this.otherNames.push(term);
      if (id >= this.exactStamp.length) {
        const grown = new Int32Array(this.exactStamp.length * 2);
        grown.set(this.exactStamp);
        this.exactStamp = grown;
      }
    }
    return id;
  }

  private wordsOf(id: number, folded: string): SectionWords {
    let w = this.words[id];
    if (w) return w;
    const starts: number[] = [];
    const ends: number[] = [];
    const terms: number[] = [];
    let compounds: Int32Array | null = null;
    const compoundAt: Array<[number, number]> = [];
    FOLDED_WORD.lastIndex = 0;
    for (let m = FOLDED_WORD.exec(folded); m; m = FOLDED_WORD.exec(folded)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      terms.push(this.idOf(termOf(m[0], this.lang)));
    }
    // Hyphenated compounds: the term of the words written together, at the first word.
    for (let i = 0; i + 1 < starts.length; i++) {
      if (starts[i + 1] !== ends[i] + 1 || !HYPHEN.test(folded[ends[i]])) continue;
      let j = i + 1;
      while (j + 1 < starts.length && starts[j + 1] === ends[j] + 1 && HYPHEN.test(folded[ends[j]])) j++;
      let joined = '';
      for (let k = i; k <= j; k++) joined += folded.slice(starts[k], ends[k]);
      compoundAt.push([i, this.idOf(termOf(joined, this.lang))]);
      i = j;
    }
    if (compoundAt.length) {
      compounds = new Int32Array(starts.length).fill(-1);
      for (const [i, t] of compoundAt) compounds[i] = t;
    }
    w = { starts: Int32Array.from(starts), ends: Int32Array.from(ends), terms: Int32Array.from(terms), compounds };
    this.words[id] = w;
    return w;
  }

  /** The first word whose term (or compound's term) is a search term; -1 if none. */
  private firstExact(w: SectionWords): number {
    const exact = this.exactStamp;
    const gen = this.gen;
    const { terms, compounds } = w;
    if (compounds === null) {
      for (let i = 0; i < terms.length; i++) if (exact[terms[i]] === gen) return i;
      return -1;
    }
    for (let i = 0; i < terms.length; i++) {
      if (exact[terms[i]] === gen || (compounds[i] >= 0 && exact[compounds[i]] === gen)) return i;
    }
    return -1;
  }

  /** Whether words with this term are marked in the current search (marksWord's rule). */
  private marks(termId: number): boolean {
    if (termId >= this.vocabulary.size) {
      const s = this.otherNames[termId - this.vocabulary.size];
      // A stop word (empty term), by far the commonest of these, is never marked: no need to ask each term.
      return s !== '' && this.terms.some((t) => marksWord(s, t));
    }
    if (this.prefixStamp[termId] === this.gen) return true;
    const ranges = this.ranges;
    for (let r = 0, end = 2 * this.rangeCount; r < end; r += 2) if (termId >= ranges[r] && termId < ranges[r + 1]) return true;
    return false;
  }

  /** Text that folding changed in length (not composed): its words are folded one by one. */
  private unaligned(text: string, folded: string): SnippetPart[] {
    if (this.terms.length === 0) return this.cut(text, 0, []);
    const first = findMatches(text, this.terms, this.lang, { first: true, folded })[0];
    const start = this.windowStart(text, first ? first[0] : 0);
    const end = this.windowEnd(text, start);
    return this.parts(text, start, end, first ? findMatches(text, this.terms, this.lang, { from: start, to: end, folded }) : []);
  }

  private cut(text: string, start: number, ranges: Array<[number, number]>): SnippetPart[] {
    return this.parts(text, start, this.windowEnd(text, start), ranges);
  }

  /** The extract starts at a word a third of its length before the first match (at the text's start if the match is near it). */
  private windowStart(text: string, firstAt: number): number {
    const lead = Math.floor(this.maxLength / 3);
    return firstAt > this.maxLength / 3 ? text.lastIndexOf(' ', firstAt - lead) + 1 : 0;
  }

  /** The extract ends at a space, at most maxLength characters after its start. */
  private windowEnd(text: string, start: number): number {
    let end = Math.min(text.length, start + this.maxLength);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    return end;
  }

  private parts(text: string, start: number, end: number, ranges: Array<[number, number]>): SnippetPart[] {
    const parts: SnippetPart[] = start > 0 ? [{ text: '… ', hit: false }] : [];
    let cursor = start;
    for (const [a, b] of ranges) {
      if (a > cursor) parts.push({ text: text.slice(cursor, a), hit: false });
      parts.push({ text: text.slice(a, b), hit: true });
      cursor = b;
    }
    return closing(parts, text, cursor, end);
  }
}

/** The extract's plain text after its last mark, and an ellipsis where the text goes on. */
function closing(parts: SnippetPart[], text: string, cursor: number, end: number): SnippetPart[] {
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: ' …', hit: false });
  return parts;
}
