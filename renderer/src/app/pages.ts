import { useEffect, useState, type ComponentType } from 'react';
import pages from 'virtual:puente-pages';
import type { Lang } from '../../../common/facets.ts';
import { pageKey, type PageData } from '../../../common/navigation.ts';

/** One page of the manual as the build writes it: its component (a chapter's MDX, or an instrument's or module's page) and its data. */
export interface PageModule {
  default: ComponentType<{ components?: Record<string, unknown> }>;
  page: PageData;
}

const loaded = new Map<string, PageModule>();

/** Loads a page's module (scripts/vite-plugin-content.ts writes the list); undefined for a page the manual does not have. */
export function loadPageModule(lang: Lang, id: string): Promise<PageModule> | undefined {
  const key = pageKey(lang, id);
  if (!Object.hasOwn(pages, key)) return undefined;
  return pages[key]().then((mod) => {
    loaded.set(key, mod);
    return mod;
  });
}

/** A page's module if it has loaded already, so a page opened again (or preloaded) shows at once, with no loading state. */
export function loadedPageModule(lang: Lang, id: string): PageModule | undefined {
  return loaded.get(pageKey(lang, id));
}

/** A page's summary, contents, length and sources; undefined for a page the manual does not have. */
export async function loadPageData(lang: Lang, id: string): Promise<PageData | undefined> {
  return (await loadPageModule(lang, id))?.page;
}

const EMPTY: ReadonlyMap<string, PageData> = new Map();

/** The data of the pages named (a bookmark's heading, a page's summary), filled in as each loads. */
export function usePagesData(lang: Lang, ids: readonly string[]): ReadonlyMap<string, PageData> {
  const key = `${lang} ${[...new Set(ids)].sort().join(' ')}`;
  const [loaded, setLoaded] = useState<{ key: string; pages: Map<string, PageData> }>({ key: '', pages: new Map() });
  useEffect(() => {
    let live = true;
    const wanted = key.split(' ').slice(1).filter(Boolean);
    void Promise.all(wanted.map(async (id) => [id, await loadPageData(lang, id).catch(() => undefined)] as const)).then((list) => {
      if (live) setLoaded({ key, pages: new Map(list.filter((e): e is readonly [string, PageData] => e[1] !== undefined)) });
    });
    return () => {
      live = false;
    };
  }, [lang, key]);
  return loaded.key === key ? loaded.pages : EMPTY;
}
