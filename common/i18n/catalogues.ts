/**
 * Every language's translator for the main process, the records thread and the command line (the
 * renderer gets its language's parsed catalogue with the language pack instead: no parser, one language).
 */
import type { Lang } from '../facets.ts';
import type { Catalogue } from './catalogue.ts';
import { compileCatalogue } from './compile.ts';
import { createTranslator, type Translator } from './translator.ts';
import en from '../../content/locales/en.json';
import es from '../../content/locales/es.json';

const CATALOGUES: Record<Lang, Catalogue> = { en, es };
const made = new Map<Lang, Translator>();

export function translatorFor(lang: Lang): Translator {
  let t = made.get(lang);
  if (!t) {
    t = createTranslator(lang, compileCatalogue(CATALOGUES[lang]));
    made.set(lang, t);
  }
  return t;
}
