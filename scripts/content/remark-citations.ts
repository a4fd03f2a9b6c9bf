import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export interface CitationEntry {
  n: number;
  src: string;
  at: string;
}

function attr(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string {
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : '';
}

/**
 * Remark plugin: numbers each <Cite> in reading order (the same source and place keep one
 * number) and appends <References list="…"/> so the chapter ends with its reference list.
 */
export function remarkCitations() {
  return (tree: Root) => {
    const entries: CitationEntry[] = [];
    const numbers = new Map<string, number>();
    visit(tree, (node) => {
      if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Cite') return;
      const src = attr(node, 'src');
      const at = attr(node, 'at');
      const key = `${src}\u0000${at}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = entries.length + 1;
        numbers.set(key, n);
        entries.push({ n, src, at });
      }
      node.attributes.push({ type: 'mdxJsxAttribute', name: 'n', value: String(n) });
    });
    if (entries.length > 0) {
      const references: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'References',
        attributes: [{ type: 'mdxJsxAttribute', name: 'list', value: JSON.stringify(entries) }],
        children: [],
      };
      tree.children.push(references);
    }
  };
}
