import type { Lang } from '../facets.ts';
import { foldText, stem } from '../text.ts';
import type { SnippetPart } from './search-types.ts';

const FOLDED_WORD = /[a-z0-9]+/g;
const ANY_WORD = /[\p{L}\p{N}]+/gu;
const stemCache: Record<Lang, Map<string, string>> = { en: new Map(), es: new Map() };

function cachedStem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    if (cache.size > 50_000) cache.clear();
    s = stem(word, lang);
    cache.set(word, s);
  }
  return s;
}

/** A matcher for one set of search terms: a word matches when its stem starts with a term (or, for long stems, the other way round). */
function termMatcher(terms: readonly string[], lang: Lang) {
  const firstChars = new Set(terms.map((t) => t[0]));
  return (foldedWord: string): boolean => {
    if (!firstChars.has(foldedWord[0])) return false;
    const s = cachedStem(foldedWord, lang);
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

/** A short extract of `text` around its first match, split into plain and highlighted parts. `folded` is foldText(text), if already known. */
export function makeSnippet(text: string, terms: readonly string[], lang: Lang, maxLength = 180, folded?: string): SnippetPart[] {
  const first = findMatches(text, terms, lang, { first: true, folded })[0];
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
  for (const [a, b] of first ? findMatches(text, terms, lang, { from: start, to: end, folded }) : []) {
    if (a > cursor) parts.push({ text: text.slice(cursor, a), hit: false });
    parts.push({ text: text.slice(a, b), hit: true });
    cursor = b;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: ' …', hit: false });
  return parts;
}
