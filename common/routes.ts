import { isLang, type Lang } from './facets.ts';

/** A place in the manual, as held in the URL hash (#/es/<chapter>/<anchor>). */
export type Route =
  | { kind: 'home'; lang: Lang | null }
  | { kind: 'chapter'; lang: Lang; chapterId: string; anchor?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [lang, chapterId, anchor] = parts;
  if (!isLang(lang)) return { kind: 'home', lang: null };
  if (!chapterId) return { kind: 'home', lang };
  return anchor ? { kind: 'chapter', lang, chapterId, anchor } : { kind: 'chapter', lang, chapterId };
}

export function formatRoute(route: Route): string {
  if (route.kind === 'home') return route.lang ? `#/${route.lang}` : '#/';
  const anchor = route.anchor ? `/${encodeURIComponent(route.anchor)}` : '';
  return `#/${route.lang}/${encodeURIComponent(route.chapterId)}${anchor}`;
}

/** Where an author's link ("chapter-id" or "chapter-id#anchor") points, in the reader's language. */
export function resolveContentLink(href: string, lang: Lang, currentChapter: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#/')) return null;
  const [target, anchor] = href.split('#');
  return formatRoute({ kind: 'chapter', lang, chapterId: target || currentChapter, ...(anchor ? { anchor } : {}) });
}

/** First-start language: Spanish for any Spanish locale, English otherwise. */
export function languageFromLocale(locale: string | undefined): Lang {
  return locale && /^es\b/i.test(locale) ? 'es' : 'en';
}
