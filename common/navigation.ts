/**
 * How the manifest reaches the reader, in two parts: what every screen needs to find its way
 * (titles, ids, sections, order, facets: shipped with the app) and what only the open page
 * shows (summary, contents, length, sources: shipped with that page, loaded when it opens).
 * The full manifest stays a build artifact (content-manifest.json) for tools and tests.
 */
import type { ContentData, ManifestChapter } from './content-schema.ts';

/** One page in one language as the app ships it: what the sidebar, the home page and the pager need. */
export type NavEntry = Pick<ManifestChapter, 'id' | 'lang' | 'title' | 'section' | 'order' | 'ageGroups' | 'communityTypes' | 'audiences' | 'countries'>;

/** A page as the reader's screens use it: its navigation entry and its route (computed, not shipped). */
export type NavChapter = NavEntry & Pick<ManifestChapter, 'route'>;

/** What a page shows besides its body, loaded with it. */
export type PageData = Pick<ManifestChapter, 'summary' | 'headings' | 'words' | 'sources'>;

/** What the app carries from the start, in both languages: the sections, the reading paths and the sources every citation names. */
export type Navigation = Pick<ContentData, 'sections' | 'sources' | 'readingPaths'>;

export function navEntry({ id, lang, title, section, order, ageGroups, communityTypes, audiences, countries }: ManifestChapter): NavEntry {
  return { id, lang, title, section, order, ageGroups, communityTypes, audiences, ...(countries ? { countries } : {}) };
}

export function pageData({ summary, headings, words, sources }: ManifestChapter): PageData {
  return { summary, headings, words, sources };
}

/** The key of a page in the page map: `en/<id>`. */
export const pageKey = (lang: string, id: string) => `${lang}/${id}`;
