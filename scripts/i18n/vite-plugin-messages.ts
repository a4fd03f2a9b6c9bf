/**
 * The interface texts of a language as a module of the renderer, `virtual:puente-messages/<lang>`:
 * the catalogue parsed here, at build time, so the app carries the syntax trees and no ICU parser
 * (vite.config.ts points the parser at its no-parser build). It is loaded in the language's pack.
 * The records worker's translators (common/i18n/parsed-catalogues.ts) get every catalogue parsed the same way.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { LANGS } from '../../common/facets.ts';
import { compileCatalogue } from '../../common/i18n/compile.ts';
import { catalogueFile, readCatalogue, ROOT } from './catalogue-files.ts';

export const MESSAGES_PREFIX = 'virtual:puente-messages/';
const PARSED_CATALOGUES = path.join(ROOT, 'common/i18n/parsed-catalogues.ts');

export function puenteMessages(): Plugin {
  const module = (lang: string) => `import { createTranslator } from ${JSON.stringify(`${ROOT}/common/i18n/translator.ts`)};
import { messageView } from ${JSON.stringify(`${ROOT}/common/i18n/message-view.ts`)};
export const strings = messageView(createTranslator(${JSON.stringify(lang)}, ${JSON.stringify(compileCatalogue(readCatalogue(catalogueFile(lang))))}));
`;
  return {
    name: 'puente-messages',
    resolveId(id) {
      return id.startsWith(MESSAGES_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (path.normalize(id.split('?')[0]) === PARSED_CATALOGUES) {
        for (const lang of LANGS) this.addWatchFile(catalogueFile(lang));
        const parsed = Object.fromEntries(LANGS.map((lang) => [lang, compileCatalogue(readCatalogue(catalogueFile(lang)))]));
        return `const PARSED = ${JSON.stringify(parsed)};\nexport function parsedCatalogue(lang) { return PARSED[lang]; }\n`;
      }
      if (!id.startsWith(`\0${MESSAGES_PREFIX}`)) return undefined;
      const lang = id.slice(MESSAGES_PREFIX.length + 1);
      if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`${MESSAGES_PREFIX}${lang}: no such language (common/facets.ts LANGS)`);
      this.addWatchFile(catalogueFile(lang));
      return module(lang);
    },
  };
}
