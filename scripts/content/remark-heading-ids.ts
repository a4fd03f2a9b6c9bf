import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { slugify } from '../../common/text.ts';

/** Anchor ids of a chapter's headings, in order; repeated headings get -2, -3 … */
export function headingIds(tree: Root): Array<{ node: Heading; id: string; text: string }> {
  const used = new Map<string, number>();
  const out: Array<{ node: Heading; id: string; text: string }> = [];
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node).trim();
    const base = slugify(text) || 'section';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    out.push({ node, id: n === 1 ? base : `${base}-${n}`, text });
  });
  return out;
}

/** Remark plugin: gives every heading its anchor id, the same one the search index and link checker use. */
export function remarkHeadingIds() {
  return (tree: Root) => {
    for (const { node, id } of headingIds(tree)) {
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    }
  };
}
