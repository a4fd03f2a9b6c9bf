/**
 * Every language's translator for the main process, the records host (thread or worker) and the
 * command line. The screens get their language's parsed catalogue with the language pack instead.
 */
import type { Lang } from '../facets.ts';
import { parsedCatalogue } from './parsed-catalogues.ts';
import { createTranslator, type Translator } from './translator.ts';

const made = new Map<Lang, Translator>();

export function translatorFor(lang: Lang): Translator {
  let t = made.get(lang);
  if (!t) {
    t = createTranslator(lang, parsedCatalogue(lang));
    made.set(lang, t);
  }
  return t;
}
