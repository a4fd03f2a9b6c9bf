import type { ReactNode } from 'react';

/**
 * <Fact id show/>: a key figure from content/facts.yaml. The build fills it with the wording in the
 * chapter's language and its numbered citations (scripts/content/remark-facts.ts), so it only marks
 * the figure for the reader's stylesheet and for tests.
 */
export function Fact({ id, children }: { id: string; show?: string; children?: ReactNode }) {
  return <span className="fact" data-fact={id}>{children}</span>;
}
