import type { Lang } from '../facets.ts';
import { foldText } from '../text.ts';
import { termOf } from './terms.ts';
import type { SnippetPart } from './search-types.ts';

const FOLDED_WORD = /[a-z0-9]+/g;
const ANY_WORD = /[\p{L}\p{N}]+/gu;

/** A matcher for one set of search terms: a word matches when its search term starts with a term (or, for long stems, the other way round). */
function termMatcher(terms: readonly string[], lang: Lang) {
  const firstChars = new Set(terms.map((t) => t[0]));
  return (foldedWord: string): boolean => {
    if (!firstChars.has(foldedWord[0])) return false;
    const s = termOf(foldedWord, lang);
    return terms.some((t) => s.startsWith(t) || (s.length >= 4 && t.startsWith(s)));
  };
}

/**
 * Character ranges of the words in `text[from, to)` that match the search terms.
 * Folding keeps positions when the text is composed (NFC), which the content build ensures;
 * otherwise each word is folded on its own.
 */
export function findMatches(text: string, terms: readonly string[], lang: Lang, options: { from?: number; to?: number; first?: boolean; folded?: string } = {}): Array<[number, number]> {
  if (terms.length === 0) return [];
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const matches = termMatcher(terms, lang);
  const ranges: Array<[number, number]> = [];
  const slice = text.slice(from, to);
  const folded = options.folded !== undefined && options.folded.length === text.length ? options.folded.slice(from, to) : foldText(slice);
  const samePositions = folded.length === slice.length;
  const pattern = samePositions ? FOLDED_WORD : ANY_WORD;
  pattern.lastIndex = 0;
  for (const m of (samePositions ? folded : slice).matchAll(pattern)) {
    const word = samePositions ? m[0] : foldText(m[0]);
    if (matches(word)) {
      ranges.push([from + m.index, from + m.index + m[0].length]);
      if (options.first) break;
    }
  }
  return ranges;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Makes snippets for one set of search terms. In folded text it looks only where a word
 * begins with a term's first letters (a term is its word's beginning, give or take the ending
 * the stemmer rewrote) with one regular expression, instead of reading every word of a long
 * section; other text goes word by word (findMatches).
 */
export function snippetMaker(terms: readonly string[], lang: Lang, maxLength = 180): (text: string, folded?: string, firstAt?: number) => SnippetPart[] {
  const matches = termMatcher(terms, lang);
  const probes = [...new Set(terms.map((t) => t.slice(0, Math.max(1, Math.min(3, t.length - 1)))))].filter((p) => /^[a-z0-9]+$/.test(p));
  const probe = probes.length ? new RegExp(`\\b(?:${probes.join("|")})`, "g") : null;

  /** Word ranges of folded[from, to) that match, at most `max`. */
  const scan = (folded: string, from: number, to: number, max: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    if (!probe) return out;
    // Only the range is searched (the regular expression would otherwise read on to the end).
    const part = to < folded.length ? folded.slice(0, to) : folded;
    probe.lastIndex = from;
    for (let m = probe.exec(part); m; m = probe.exec(part)) {
      let end = m.index;
      while (end < part.length && isWordChar(part.charCodeAt(end))) end++;
      if (end > m.index && (end < folded.length ? !isWordChar(folded.charCodeAt(end)) : true) && matches(part.slice(m.index, end))) {
        out.push([m.index, end]);
        if (out.length >= max) break;
      }
      probe.lastIndex = Math.max(end, m.index + 1);
    }
    return out;
  };

  /**
   * `firstAt`: where the first match is, if the caller knows (-1: the text has no query term,
   * the snippet is its opening; words in it that match are still marked).
   */
  return (text: string, folded?: string, firstAt?: number) => {
    const aligned = folded !== undefined && folded.length === text.length;
    const first: [number, number] | undefined =
      terms.length === 0 ? undefined
      : firstAt !== undefined && aligned ? [Math.max(0, firstAt), Math.max(0, firstAt)]
      : aligned ? scan(folded, 0, text.length, 1)[0]
      : findMatches(text, terms, lang, { first: true, folded })[0];
    let start = 0;
    if (first && first[0] > maxLength / 3) {
      start = text.lastIndexOf(' ', first[0] - Math.floor(maxLength / 3)) + 1;
    }
    let end = Math.min(text.length, start + maxLength);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    const parts: SnippetPart[] = [];
    if (start > 0) parts.push({ text: '… ', hit: false });
    let cursor = start;
    const ranges = !first ? [] : aligned ? scan(folded, start, end, Infinity) : findMatches(text, terms, lang, { from: start, to: end, folded });
    for (const [a, b] of ranges) {
      if (a > cursor) parts.push({ text: text.slice(cursor, a), hit: false });
      parts.push({ text: text.slice(a, b), hit: true });
      cursor = b;
    }
    if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
    if (end < text.length) parts.push({ text: ' …', hit: false });
    return parts;
  };
}

/**
 * Where each index term first occurs in folded text (its word's start), compounds included:
 * made once per section, it finds a snippet's place without reading the text again.
 */
export function firstPositions(folded: string, lang: Lang): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of folded.matchAll(/[a-z0-9]+(?:[-\u2010\u2011][a-z0-9]+)*/g)) {
    const parts = m[0].split(/[-\u2010\u2011]/);
    let at = m.index;
    for (const part of parts) {
      const t = termOf(part, lang);
      if (t && !out.has(t)) out.set(t, at);
      at += part.length + 1;
    }
    if (parts.length > 1) {
      const t = termOf(parts.join(''), lang);
      if (t && !out.has(t)) out.set(t, m.index);
    }
  }
  return out;
}

/** A short extract of `text` around its first match, split into plain and highlighted parts. `folded` is foldText(text), if already known. */
export function makeSnippet(text: string, terms: readonly string[], lang: Lang, maxLength = 180, folded?: string): SnippetPart[] {
  return snippetMaker(terms, lang, maxLength)(text, folded);
}
