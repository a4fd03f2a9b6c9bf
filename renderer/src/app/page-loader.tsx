import type { ComponentType } from 'react';
import type { NavChapter, PageData } from '../../../common/navigation.ts';
import { mdxComponents } from '../mdx/components.tsx';
import { loadedPageModule, loadPageModule, type PageModule } from './pages.ts';

export type PageComponents = Record<string, unknown>;
export type PageComponent = ComponentType<{ components?: PageComponents }>;

export interface LoadedPage {
  Component: PageComponent;
  components: PageComponents;
  page: PageData;
}

/**
 * One page of the manual: its component (a chapter's MDX, which imports the heavy components
 * it uses, or the page of an instrument or a module), the MDX components it renders with, and
 * its data. index.html's route-preload.js has usually fetched the opening page's chunks already.
 */
export async function loadPage(chapter: NavChapter): Promise<LoadedPage> {
  const pending = loadPageModule(chapter.lang, chapter.id);
  if (!pending) throw new Error(`no page for ${chapter.lang}/${chapter.id}`);
  return asLoadedPage(await pending);
}

/** The page if its module has loaded already (opened before, or preloaded): shown at once. */
export function loadedPage(chapter: NavChapter): LoadedPage | undefined {
  const mod = loadedPageModule(chapter.lang, chapter.id);
  return mod && asLoadedPage(mod);
}

function asLoadedPage(mod: PageModule): LoadedPage {
  return { Component: mod.default, components: mdxComponents, page: mod.page };
}
