import type { Lang } from '../facets.ts';
import { COUNTED, documentTerms } from './terms.ts';

/**
 * How Puente stores its postings in flexsearch.
 *
 * One flexsearch `Document` per language, with two fields (headings, body text); each field is
 * indexed with the `strict` tokenizer and Puente's encoder (terms.ts): one entry per search term
 * (a folded, stemmed word). flexsearch keeps each term's documents in
 * "resolution slots", best first; Puente's `score` function puts a document in the slot of its
 * BM25 term weight (how often the term occurs, relative to the length of the section), so the
 * slots are an impact-ordered posting list: slot 0 holds the sections where the term weighs
 * most. Prefixes and typos are matched against the vocabulary (see lexicon.ts), not by
 * indexing every prefix, which keeps the index small.
 *
 * No worker: flexsearch's worker compiles code with Function(), which the app's
 * Content-Security-Policy forbids.
 */

/** Number of weight levels (flexsearch resolution slots). */
export const SLOTS = 12;
/** BM25 term-frequency saturation. */
export const K1 = 1.2;
/** BM25 length normalisation per field: headings are short, so their length matters less. */
export const LENGTH_NORMALISATION = { heading: 0.5, body: 0.75 } as const;
export type Field = keyof typeof LENGTH_NORMALISATION;
export const FIELDS: readonly Field[] = ['heading', 'body'];

/** The slot of a term that occurs `tf` times in a section of `length` terms (average `averageLength`). */
export function weightSlot(tf: number, length: number, averageLength: number, field: Field): number {
  const b = LENGTH_NORMALISATION[field];
  const weight = (tf * (K1 + 1)) / (tf + K1 * (1 - b + (b * length) / averageLength));
  const slot = SLOTS - 1 - Math.floor((SLOTS * weight) / (K1 + 1));
  return Math.min(SLOTS - 1, Math.max(0, slot));
}

/** The BM25 term weight a slot stands for (the middle of its band). */
export function slotWeight(slot: number): number {
  return ((SLOTS - slot - 0.5) / SLOTS) * (K1 + 1);
}

/** Options to build one field's index: text is turned into search terms, each term weighted by its frequency. */
export function buildOptions(lang: Lang, field: Field, averageLength: number) {
  let counted: string[] | undefined;
  let counts = new Map<string, number>();
  let length = 0;
  return {
    tokenize: 'strict' as const,
    resolution: SLOTS,
    cache: false,
    encode: (text: string) => documentTerms(text, lang),
    // flexsearch calls this once per distinct term of a document, with the document's terms.
    score: (content: string[], term: string) => {
      if (content !== counted) {
        counted = content;
        counts = new Map();
        length = 0;
        for (const t of content) {
          counts.set(t, (counts.get(t) ?? 0) + 1);
          // Counted terms repeat words of the text: the text is as long without them.
          if (!t.startsWith(COUNTED)) length++;
        }
      }
      return weightSlot(counts.get(term) ?? 1, length, averageLength, field);
    },
  };
}

/** Options to load a built index: queries reach it as search terms already, so they are not encoded again. */
export function loadOptions() {
  return {
    tokenize: 'strict' as const,
    resolution: SLOTS,
    cache: false,
    encode: (term: string) => [term],
  };
}
