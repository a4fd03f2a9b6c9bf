import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { GlossaryTerm } from '../../common/content-schema.ts';
import { glossaryListEntries } from '../../common/glossary-list.ts';
import { chapterLang } from './chapter-file.ts';

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

/**
 * Remark plugin for the renderer build: writes into each chapter the glossary it shows, in
 * its own language, so no chapter loads the glossary at run time. Each <Term id> gets its
 * definition (shown on hover), and <GlossaryList/> gets the whole glossary of that language.
 */
export function remarkGlossary(contentRoot: string, glossary: () => readonly GlossaryTerm[]) {
  return () => (tree: Root, file: VFile) => {
    const lang = chapterLang(contentRoot, file.path);
    if (!lang) return;
    const terms = new Map(glossary().map((g) => [g.id, g]));
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return;
      if (node.name === 'Term') {
        const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
        const term = typeof id === 'string' ? terms.get(id) : undefined;
        if (term) node.attributes.push(attribute('definition', term[lang].definition));
      } else if (node.name === 'GlossaryList') {
        node.attributes.push(attribute('entries', JSON.stringify(glossaryListEntries(glossary(), lang))));
      }
    });
  };
}
