import type { Lang } from '../facets';
import { foldText, stem } from '../text';
import type { SnippetPart } from './search-types';

const WORD = /[\p{L}\p{N}]+/gu;

/** Character ranges of the words in `text` that match any of the search terms (prefix match on stems). */
export function findMatches(text: string, terms: readonly string[], lang: Lang): Array<[number, number]> {
  if (terms.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const term = stem(foldText(m[0]), lang);
    if (terms.some((t) => term.startsWith(t) || (t.startsWith(term) && term.length >= 4))) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}

/** A short extract of `text` around its first match, split into plain and highlighted parts. */
export function makeSnippet(text: string, terms: readonly string[], lang: Lang, maxLength = 180): SnippetPart[] {
  const ranges = findMatches(text, terms, lang);
  let start = 0;
  if (ranges.length > 0 && ranges[0][0] > maxLength / 3) {
    start = text.lastIndexOf(' ', ranges[0][0] - Math.floor(maxLength / 3)) + 1;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', hit: false });
  let cursor = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    if (a > cursor) parts.push({ text: text.slice(cursor, a), hit: false });
    parts.push({ text: text.slice(Math.max(a, cursor), b), hit: true });
    cursor = b;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: ' …', hit: false });
  return parts;
}
