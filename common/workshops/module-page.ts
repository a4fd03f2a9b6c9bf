/** The headings of a workshop module's page: the same in the manifest, the page, links and presentation mode. */
import type { HeadingEntry } from '../content-schema.ts';

export const MODULE_PAGE_PARTS = ['objectives', 'materials', 'steps', 'discussion', 'take-home', 'handout', 'adapt'] as const;
export type ModulePagePart = (typeof MODULE_PAGE_PARTS)[number];

export function modulePartAnchor(part: ModulePagePart): string {
  return `module-${part}`;
}

/** The page's headings, with each part's title in the reader's language (workshop.part.* in the catalogues). */
export function modulePageHeadings(titles: Readonly<Record<string, string>>): HeadingEntry[] {
  return MODULE_PAGE_PARTS.map((part) => ({ depth: 2 as const, id: modulePartAnchor(part), text: titles[part] }));
}
