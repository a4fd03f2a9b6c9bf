import type { Lang } from '../facets.ts';
import { searchTerms } from '../text.ts';

/**
 * The flexsearch settings used to build and to load an index; they must match.
 * `forward` gives prefix matching as you type. No worker: flexsearch's worker compiles
 * code with Function(), which the app's Content-Security-Policy forbids.
 */
export function flexOptions(lang: Lang) {
  return {
    tokenize: 'forward' as const,
    resolution: 9,
    cache: false,
    encoder: (text: string) => searchTerms(text, lang),
  };
}
