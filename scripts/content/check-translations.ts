/** Every chapter exists in both languages, with the same facets, order, sources and heading outline (notes and the language switch follow headings by their place). */
import { LANGS, type Lang } from '../../common/facets.ts';
import type { ContentProblem } from './content-error.ts';
import type { LoadedChapter } from './load-chapter.ts';

const PAIRED_FIELDS = ['section', 'order', 'ageGroups', 'communityTypes', 'audiences', 'countries', 'organisation', 'workRelations', 'sources'] as const;

export function checkTranslations(filesByLang: ReadonlyMap<Lang, readonly string[]>, chapters: readonly LoadedChapter[], problems: ContentProblem[]): void {
  for (const lang of LANGS) {
    for (const other of LANGS) {
      if (other === lang) continue;
      for (const name of filesByLang.get(lang)!) {
        if (!filesByLang.get(other)!.includes(name)) {
          problems.push({ file: `content/${lang}/${name}`, line: 1, message: `chapter has no translation: write content/${other}/${name}` });
        }
      }
    }
  }
  const spanish = new Map(chapters.filter((c) => c.lang === 'es').map((c) => [c.frontmatter.id, c]));
  for (const en of chapters.filter((c) => c.lang === 'en')) {
    const es = spanish.get(en.frontmatter.id);
    if (!es) continue;
    for (const field of PAIRED_FIELDS) {
      if (JSON.stringify(en.frontmatter[field]) !== JSON.stringify(es.frontmatter[field])) {
        problems.push({ file: es.file, line: 1, message: `frontmatter field "${field}" differs from ${en.file}: translations share their facets, order and sources` });
      }
    }
    const shape = (c: LoadedChapter) => c.headings.map((h) => h.depth).join('');
    if (shape(en) !== shape(es)) {
      problems.push({ file: es.file, line: 1, message: `heading structure differs from ${en.file} (${en.headings.length} vs ${es.headings.length} headings): give both the same headings at the same levels, so the language switch keeps the reader's place and a reader's note follows its heading` });
    }
  }
}
