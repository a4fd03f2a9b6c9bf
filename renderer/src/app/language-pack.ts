import type { Lang } from '../../../common/facets.ts';
import type { NavChapter, NavEntry } from '../../../common/navigation.ts';
import { formatRoute } from '../../../common/routes.ts';
import type { Strings } from './i18n.ts';
import languageLoaders from 'virtual:puente-languages';

/** Everything the app shows in one language besides the pages: the interface texts and the chapters' titles and places. */
export interface LanguagePack {
  lang: Lang;
  t: Strings;
  chapters: NavChapter[];
}

// One chunk per language of LANGS (scripts/vite-plugin-content.ts), preloaded by index.html's route-preload.js for the language in the address.
const LOADERS: Record<Lang, () => Promise<{ strings: Strings; chapters: NavEntry[] }>> = languageLoaders;

const loaded = new Map<Lang, LanguagePack>();
const loading = new Map<Lang, Promise<LanguagePack>>();

export function loadLanguagePack(lang: Lang): Promise<LanguagePack> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then(({ strings, chapters }) => {
      const pack: LanguagePack = { lang, t: strings, chapters: chapters.map((c) => ({ ...c, route: formatRoute({ kind: 'chapter', lang, chapterId: c.id }) })) };
      loaded.set(lang, pack);
      return pack;
    });
    // A failed load may be tried again (the reader switches language again).
    pending.catch(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

/** The pack of a language if it is loaded already. */
export function peekLanguagePack(lang: Lang): LanguagePack | undefined {
  return loaded.get(lang);
}

/** A pack already loaded: the app renders a language only once its pack is here. */
export function loadedLanguagePack(lang: Lang): LanguagePack {
  const pack = loaded.get(lang);
  if (!pack) throw new Error(`the ${lang} language pack is not loaded`);
  return pack;
}
