import navigation from 'virtual:puente-navigation';
import type { Lang } from '../../../common/facets.ts';
import type { NavChapter } from '../../../common/navigation.ts';
import { loadedLanguagePack } from './language-pack.ts';
import { loadPageData } from './pages.ts';

/** Written by the content build (scripts/vite-plugin-content.ts) from validated content: sections, sources and reading paths, in both languages. */
export const { sections, sources, readingPaths } = navigation;

/** Chapters of one language (its pack is loaded before the app shows it), in reading order (section order, then chapter order). */
export function chaptersIn(lang: Lang): NavChapter[] {
  return loadedLanguagePack(lang).chapters;
}

export function findChapter(lang: Lang, id: string): NavChapter | undefined {
  return chaptersIn(lang).find((c) => c.id === id);
}

export function neighbours(lang: Lang, id: string): { prev?: NavChapter; next?: NavChapter } {
  const list = chaptersIn(lang);
  const i = list.findIndex((c) => c.id === id);
  return i < 0 ? {} : { prev: list[i - 1], next: list[i + 1] };
}

export function sectionTitle(id: string, lang: Lang): string {
  return sections.find((s) => s.id === id)?.[lang] ?? id;
}

/** The heading in the other language at the same position, so switching language keeps the reader's place. */
export async function matchingAnchor(from: Lang, to: Lang, chapterId: string, anchor: string | undefined): Promise<string | undefined> {
  if (!anchor) return undefined;
  const [source, target] = await Promise.all([loadPageData(from, chapterId), loadPageData(to, chapterId)]);
  if (!source || !target) return undefined;
  const i = source.headings.findIndex((h) => h.id === anchor);
  if (i >= 0) return target.headings[i]?.id;
  if (anchor.startsWith('term-') || anchor.startsWith('source-')) return anchor;
  return undefined;
}
