import type { Lang } from '../facets.ts';
import { foldText } from '../text.ts';
import { findMatches, marksWord } from './highlight.ts';
import { FOLDED_WORD, isNumber, termOf } from './terms.ts';
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
  /** The first word of each sentence (ascending; the first is 0). */
  sentences: Int32Array;
  /** 1 at each word that is a number (see isNumber); null when the section has none. */
  numbers: Uint8Array | null;
}

/** What separates two sentences (or two items of a tool's list, joined by " · "): end punctuation followed by a space. */
const SENTENCE_END = /[.!?;·]\s/;
const OPENING = /[¿¡«"“(\[]/;
/** Words from a number to the word of the question it counts ("70 toneladas de mercurio"). */
const NUMBER_REACH = 3;
/** A sentence shorter than this is shown with the next one. */
const SHORT_SENTENCE = 60;

const HYPHEN = /[-\u2010\u2011]/;

/** Longest run of vocabulary terms sharing a search term's beginning that is marked term by term (longer runs are checked as ranges). */
const MAX_MARKED_RUN = 4096;

/** Most sections whose words are kept (far more than the manual has). */
const MAX_SECTIONS_KEPT = 20_000;

/**
 * Stage 4 of a search: the snippets of its hits. A snippet is the sentence of the section that
 * carries the most of the query's concepts (each concept weighted by its importance; the
 * earliest such sentence on a tie), with every word that matches a search term marked; a long
 * sentence is cut around its first match, a short one is followed by the next.
 *
 * A word is marked by the rule of marksWord (highlight.ts), worked out here from the sorted
 * vocabulary: the terms that start with a search term are one run of it. A sentence counts a
 * concept when one of its words has exactly one of the concept's terms.
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
  /** Per exact search term id (valid where exactStamp is current): the concepts it belongs to, a bit each. */
  private conceptBits: Int32Array;
  /** Each concept's weight in choosing a sentence. */
  private conceptWeights: number[] = [];
  /** What a sentence with a number adds, when the query asks how many (0 otherwise). */
  private figureWeight = 0;
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
    this.conceptBits = new Int32Array(vocabulary.size + 256);
    this.prefixStamp = new Int32Array(vocabulary.size);
    this.texts = docs.map((d) => d.text);
  }

  /**
   * Starts a search: its matched terms, and the query's concepts (each the terms found for it
   * and its weight), which choose the sentence; without concepts, each term is one. A question
   * that asks how many gives `figureWeight`, which a sentence with a number adds.
   */
  begin(terms: readonly string[], concepts: ReadonlyArray<{ terms: readonly string[]; weight: number }> = terms.map((t) => ({ terms: [t], weight: 1 })), figureWeight = 0): void {
    const gen = ++this.gen;
    this.figureWeight = figureWeight;
    this.terms = terms;
    if (this.ranges.length < 2 * terms.length) this.ranges = new Int32Array(2 * terms.length);
    this.rangeCount = 0;
    for (const t of terms) if (t) this.conceptBits[this.idOf(t)] = 0;
    // At most 30 concepts choose the sentence (a query has at most MAX_WORDS); bit 30 marks any search term.
    this.conceptWeights = concepts.slice(0, 30).map((c) => c.weight);
    concepts.slice(0, 30).forEach((c, u) => {
      for (const t of c.terms) if (t) this.conceptBits[this.idOf(t)] |= 1 << u;
    });
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
    const [start, end] = textMatched ? this.sentenceWindow(w, text) : [0, this.windowEnd(text, 0)];
    // The window's first word.
    let i = 0;
    while (i < starts.length && starts[i] < start) i++;
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
    const numberAt: number[] = [];
    let compounds: Int32Array | null = null;
    const compoundAt: Array<[number, number]> = [];
    FOLDED_WORD.lastIndex = 0;
    for (let m = FOLDED_WORD.exec(folded); m; m = FOLDED_WORD.exec(folded)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      terms.push(this.idOf(termOf(m[0], this.lang)));
      if (isNumber(m[0], this.lang)) numberAt.push(terms.length - 1);
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
    const sentences = [0];
    for (let i = 1; i < starts.length; i++) if (SENTENCE_END.test(folded.slice(ends[i - 1], starts[i] + 1))) sentences.push(i);
    let numbers: Uint8Array | null = null;
    if (numberAt.length) {
      numbers = new Uint8Array(starts.length);
      for (const i of numberAt) numbers[i] = 1;
    }
    w = { starts: Int32Array.from(starts), ends: Int32Array.from(ends), terms: Int32Array.from(terms), compounds, sentences: Int32Array.from(sentences), numbers };
    this.words[id] = w;
    return w;
  }

  /** The concepts a word carries: of its term, or of the compound that starts at it (0 if none). */
  private conceptsAt(w: SectionWords, i: number): number {
    const { terms, compounds } = w;
    let bits = this.exactStamp[terms[i]] === this.gen ? this.conceptBits[terms[i]] | 0x40000000 : 0;
    if (compounds !== null && compounds[i] >= 0 && this.exactStamp[compounds[i]] === this.gen) bits |= this.conceptBits[compounds[i]] | 0x40000000;
    return bits;
  }

  /**
   * The extract [start, end) of the sentence that carries the most of the query's concepts: the
   * whole sentence if it fits (with the next one when it is short), else a window around its
   * first match. The text's opening when no word has a search term.
   */
  private sentenceWindow(w: SectionWords, text: string): [number, number] {
    const { starts, ends, sentences } = w;
    let best = -1;
    let bestScore = 0;
    let bestFirst = -1;
    for (let s = 0; s < sentences.length; s++) {
      const from = sentences[s];
      const to = s + 1 < sentences.length ? sentences[s + 1] : starts.length;
      let bits = 0;
      let first = -1;
      let counts = false;
      let number = -1;
      for (let i = from; i < to; i++) {
        if (w.numbers !== null && w.numbers[i] === 1) number = i;
        const b = this.conceptsAt(w, i);
        if (b === 0) continue;
        if (number >= 0 && i - number <= NUMBER_REACH) counts = true;
        bits |= b;
        if (first < 0) first = i;
      }
      if (first < 0) continue;
      let score = 0;
      for (let u = 0; u < this.conceptWeights.length; u++) if (bits & (1 << u)) score += this.conceptWeights[u];
      // A question that asks how many wants the sentence that gives the figure: a number just before a word of the question.
      if (counts) score += this.figureWeight;
      // Any search term at all beats none (a term of no listed concept).
      score += 1e-6;
      if (score > bestScore) {
        best = s;
        bestScore = score;
        bestFirst = first;
      }
    }
    if (best < 0) return [0, this.windowEnd(text, 0)];
    let start = starts[sentences[best]];
    // Keep the sentence's opening punctuation (¿…?, «…»).
    while (start > 0 && OPENING.test(text[start - 1])) start--;
    const next = best + 1 < sentences.length ? sentences[best + 1] : -1;
    let end = next >= 0 ? ends[next - 1] : text.length;
    // Keep the sentence's closing punctuation.
    while (end < text.length && /[.!?;)»"”]/.test(text[end])) end++;
    if (end - start > this.maxLength) {
      const from = Math.max(start, this.windowStart(text, starts[bestFirst]));
      return [from, this.windowEnd(text, from)];
    }
    if (end - start < SHORT_SENTENCE && next >= 0) return [start, this.windowEnd(text, start)];
    return [start, end];
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
