import type { Lang } from '../../../common/facets.ts';
import { findMatches } from '../../../common/search/highlight.ts';

const HIGHLIGHT_NAME = 'search-terms';

/**
 * Marks the search terms in a chapter with the CSS Custom Highlight API (no DOM changes,
 * so React keeps control of the tree). Returns a function that removes the marks.
 */
export function highlightTerms(root: Element | null, terms: string[], lang: Lang): () => void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!root || !registry || !HighlightCtor || terms.length === 0) return () => undefined;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const [start, end] of findMatches(node.textContent ?? '', terms, lang)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  registry.set(HIGHLIGHT_NAME, new HighlightCtor(...ranges));
  return () => registry.delete(HIGHLIGHT_NAME);
}
