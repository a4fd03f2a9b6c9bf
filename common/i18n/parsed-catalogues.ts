/**
 * Every language's catalogue, parsed, for the records host and the command line. The renderer's build
 * (the app and its records worker) replaces this module by the catalogues parsed at build time
 * (scripts/i18n/vite-plugin-messages.ts), so no ICU parser ships to the browser.
 */
import type { Lang } from '../facets.ts';
import type { Catalogue, CompiledCatalogue } from './catalogue.ts';
import { compileCatalogue } from './compile.ts';
import en from '../../content/locales/en.json';
import es from '../../content/locales/es.json';

const CATALOGUES: Record<Lang, Catalogue> = { en, es };

export function parsedCatalogue(lang: Lang): CompiledCatalogue {
  return compileCatalogue(CATALOGUES[lang]);
}
