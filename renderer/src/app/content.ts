import type { ComponentType } from 'react';
import bundled from 'virtual:puente-content';
import type { Lang } from '../../../common/facets.ts';
import type { ContentData, ManifestChapter } from '../../../common/content-schema.ts';

/** Written by the content build (scripts/vite-plugin-content.ts) from validated content. */
const content = bundled as Pick<ContentData, 'sections' | 'sources' | 'readingPaths'> & { chapters: ManifestChapter[] };

export const { sections, sources, readingPaths } = content;

/** Chapters of one language, in reading order (section order, then chapter order). */
export function chaptersIn(lang: Lang): ManifestChapter[] {
  return content.chapters.filter((c) => c.lang === lang);
}

export function findChapter(lang: Lang, id: string): ManifestChapter | undefined {
  return content.chapters.find((c) => c.lang === lang && c.id === id);
}

export function neighbours(lang: Lang, id: string): { prev?: ManifestChapter; next?: ManifestChapter } {
  const list = chaptersIn(lang);
  const i = list.findIndex((c) => c.id === id);
  return i < 0 ? {} : { prev: list[i - 1], next: list[i + 1] };
}

export function sectionTitle(id: string, lang: Lang): string {
  return sections.find((s) => s.id === id)?.[lang] ?? id;
}

type ChapterModule = { default: ComponentType<{ components?: Record<string, unknown> }> };
// Each chapter is its own chunk, fetched when opened.
const loaders = import.meta.glob<ChapterModule>('../../../content/*/*.mdx');

export function loadChapter(lang: Lang, id: string): Promise<ChapterModule> | undefined {
  return loaders[`../../../content/${lang}/${id}.mdx`]?.();
}

/** The heading in the other language at the same position, so switching language keeps the reader's place. */
export function matchingAnchor(from: Lang, to: Lang, chapterId: string, anchor: string | undefined): string | undefined {
  if (!anchor) return undefined;
  const source = findChapter(from, chapterId);
  const target = findChapter(to, chapterId);
  if (!source || !target) return undefined;
  const i = source.headings.findIndex((h) => h.id === anchor);
  if (i >= 0) return target.headings[i]?.id;
  if (anchor.startsWith('term-') || anchor.startsWith('source-')) return anchor;
  return undefined;
}
