/**
 * Checks what the workshop module schema alone cannot: ids that do not clash with pages,
 * translations with the same number of items, and play-based activities for children.
 * Each problem names the file and the line of the field.
 */
import { PLAYFUL_METHODS, type WorkshopModule } from '../../common/workshops/module-schema.ts';
import type { ContentProblem } from './content-error.ts';

interface Located<T> {
  record: T;
  file: string;
  lineOf(path: readonly PropertyKey[]): number;
}

const PAIRED_LISTS = ['objectives', 'materials', 'discussionQuestions'] as const;

export function checkWorkshopModules(modules: Array<Located<WorkshopModule>>, isPageId: (id: string) => boolean, problems: ContentProblem[]): void {
  const orders = new Map<string, string>();
  for (const { record: m, file, lineOf } of modules) {
    const at = (path: PropertyKey[], message: string) => problems.push({ file, line: lineOf(path), message });
    if (isPageId(m.id)) at(['id'], `workshop module id "${m.id}" is also a chapter or instrument id: choose another`);
    for (const list of PAIRED_LISTS) {
      if (m.en[list].length !== m.es[list].length) at(['es', list], `workshop module field "es.${list}" has ${m.es[list].length} items but "en.${list}" has ${m.en[list].length}: translate every item`);
    }
    if (m.en.handout.points.length !== m.es.handout.points.length) {
      at(['es', 'handout', 'points'], `workshop module field "es.handout.points" has ${m.es.handout.points.length} items but "en.handout.points" has ${m.en.handout.points.length}: translate every item`);
    }
    m.steps.forEach((s, i) => {
      if (Boolean(s.en.facilitatorNote) !== Boolean(s.es.facilitatorNote)) at(['steps', i, s.en.facilitatorNote ? 'es' : 'en'], `workshop module step ${i + 1}: the facilitator note is in one language only`);
    });
    if ((m.audience === 'children' || m.audience === 'adolescents') && !m.steps.some((s) => (PLAYFUL_METHODS as readonly string[]).includes(s.method))) {
      at(['steps'], `workshop module for ${m.audience}: include at least one activity based on ${PLAYFUL_METHODS.join(', ')}`);
    }
    const key = `${m.audience}/${m.order}`;
    const clash = orders.get(key);
    if (clash) at(['order'], `workshop module field "order": ${m.order} is already used by "${clash}" for the ${m.audience} audience`);
    orders.set(key, m.id);
  }
}
