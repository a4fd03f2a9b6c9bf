import type { Program } from 'estree';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { chapterLang } from './chapter-file.ts';

/**
 * The heavy components an author may use (the profiler, the field records, the workshop
 * builder, the instrument and indicator lists…) and the module each is exported from.
 * They are never part of the app's own script: a chapter that uses one imports it.
 */
export type PageParts = Readonly<Record<string, string>>;

function importDeclarations(used: ReadonlyMap<string, string>): Program {
  return {
    type: 'Program',
    sourceType: 'module',
    body: [...used].map(([name, file]) => ({
      type: 'ImportDeclaration',
      attributes: [],
      specifiers: [{ type: 'ImportSpecifier', imported: { type: 'Identifier', name }, local: { type: 'Identifier', name } }],
      source: { type: 'Literal', value: file, raw: JSON.stringify(file) },
    })),
  };
}

/**
 * Remark plugin for the renderer build: a chapter that uses a heavy component imports it,
 * so the component lands in a chunk of its own that loads with the chapters that use it
 * (and is preloaded with them), never with the app. MDX uses an imported component in
 * place of the one passed in `components`.
 */
export function remarkPageParts(contentRoot: string, parts: PageParts) {
  return () => (tree: Root, file: VFile) => {
    if (!chapterLang(contentRoot, file.path)) return;
    const used = new Map<string, string>();
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name && parts[node.name]) used.set(node.name, parts[node.name]);
    });
    if (used.size === 0) return;
    const esm = { type: 'mdxjsEsm', value: '', data: { estree: importDeclarations(used) } } as unknown as RootContent;
    tree.children.unshift(esm);
  };
}
