/** The headings of a workshop module's page: the same in the manifest, the page, links and presentation mode. */
import type { Lang } from '../facets.ts';
import type { HeadingEntry } from '../content-schema.ts';
import type { WorkshopModule } from './module-schema.ts';

export const MODULE_PAGE_PARTS = ['objectives', 'materials', 'steps', 'discussion', 'take-home', 'handout', 'adapt'] as const;
export type ModulePagePart = (typeof MODULE_PAGE_PARTS)[number];

export const MODULE_PART_TITLES: Record<Lang, Record<ModulePagePart, string>> = {
  en: { objectives: 'Objectives', materials: 'Materials', steps: 'Activities step by step', discussion: 'Questions for discussion', 'take-home': 'Take-home message', handout: 'Participant handout', adapt: 'How to adapt this template' },
  es: { objectives: 'Objetivos', materials: 'Materiales', steps: 'Actividades paso a paso', discussion: 'Preguntas para conversar', 'take-home': 'Mensaje para llevar a casa', handout: 'Hoja para participantes', adapt: 'Cómo adaptar esta plantilla' },
};

export function modulePartAnchor(part: ModulePagePart): string {
  return `module-${part}`;
}

export function modulePageHeadings(_module: WorkshopModule, lang: Lang): HeadingEntry[] {
  return MODULE_PAGE_PARTS.map((part) => ({ depth: 2 as const, id: modulePartAnchor(part), text: MODULE_PART_TITLES[lang][part] }));
}
