import type { Lang } from '../facets.ts';
import { foldText } from '../text.ts';
import { termOf } from './terms.ts';

const FOLDED_WORD = /[a-z0-9]+/g;
/** A word as written, combining accents included (text that is not composed). */
const ANY_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Whether a word whose index term is `wordTerm` is marked for the search term `term`: its term
 * starts with the search term, or, for a term of four letters or more, the search term starts
 * with it (a longer written form of the same stem). A stop word (no term) is never marked.
 */
export function marksWord(wordTerm: string, term: string): boolean {
  return wordTerm !== '' && (wordTerm.startsWith(term) || (wordTerm.length >= 4 && term.startsWith(wordTerm)));
}

/** A matcher for one set of search terms (see marksWord). */
function termMatcher(terms: readonly string[], lang: Lang) {
  const firstChars = new Set(terms.map((t) => t[0]));
  return (foldedWord: string): boolean => {
    if (!firstChars.has(foldedWord[0])) return false;
    const s = termOf(foldedWord, lang);
    return terms.some((t) => marksWord(s, t));
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
