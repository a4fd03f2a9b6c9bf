/** Every internal link reaches a page of its language (a chapter, an instrument or a workshop module) and, if it names one, a heading on it. */
import type { Instrument } from '../../common/forms/instrument-schema.ts';
import { instrumentSectionAnchor } from '../../common/forms/instrument-schema.ts';
import { MODULE_PAGE_PARTS, modulePartAnchor } from '../../common/workshops/module-page.ts';
import type { WorkshopModule } from '../../common/workshops/module-schema.ts';
import type { ContentProblem } from './content-error.ts';
import type { LoadedChapter, PendingLink } from './load-chapter.ts';

export function checkLinks(links: readonly PendingLink[], chapters: readonly LoadedChapter[], instruments: readonly Instrument[], modules: readonly WorkshopModule[], problems: ContentProblem[]): void {
  const byKey = new Map(chapters.map((c) => [`${c.lang}/${c.frontmatter.id}`, c]));
  // Instrument pages' headings are their sections; module pages' are the parts of the page.
  const pageAnchors = new Map(instruments.map((f) => [f.id, f.sections.map((sec) => instrumentSectionAnchor(sec.id))]));
  for (const m of modules) pageAnchors.set(m.id, MODULE_PAGE_PARTS.map(modulePartAnchor));
  for (const link of links) {
    const target = byKey.get(`${link.lang}/${link.target}`);
    const anchors = target ? target.headings.map((h) => h.id) : pageAnchors.get(link.target);
    if (!anchors) {
      problems.push({ file: link.file, line: link.line, column: link.column, message: `broken link: no chapter or instrument "${link.target}" in ${link.lang}` });
    } else if (link.anchor && !anchors.includes(link.anchor)) {
      problems.push({ file: link.file, line: link.line, column: link.column, message: `broken anchor: "${link.target}" (${link.lang}) has no heading "#${link.anchor}"` });
    }
  }
}
