import type { DocRow, SearchDoc, SharedFields } from './search-types.ts';

/**
 * How the documents travel in the index file: the fields a chapter's documents share (its id,
 * title, section and facets) once per chapter, then one short row per document (the two shapes are
 * in search-types.ts). The same documents, about a seventh smaller than one object each.
 */

const KINDS: ReadonlyArray<SearchDoc['kind']> = ['section', 'term', 'tool'];

export function packDocs(docs: readonly SearchDoc[]): { shared: SharedFields[]; rows: DocRow[] } {
  const shared: SharedFields[] = [];
  const at = new Map<string, number>();
  const rows = docs.map((d): DocRow => {
    const { kind, anchor, heading, text, keywords, boost, ...common } = d;
    const key = JSON.stringify(common);
    let i = at.get(key);
    if (i === undefined) {
      at.set(key, (i = shared.length));
      shared.push(common);
    }
    const row: DocRow = [i, KINDS.indexOf(kind), anchor, heading, text];
    if (keywords !== undefined || boost !== undefined) row.push(keywords ?? '');
    if (boost !== undefined) row.push(boost);
    return row;
  });
  return { shared, rows };
}

export function unpackDocs(shared: readonly SharedFields[], rows: readonly DocRow[]): SearchDoc[] {
  return rows.map(([i, kind, anchor, heading, text, keywords, boost]) => ({
    ...shared[i], kind: KINDS[kind], anchor, heading, text,
    ...(keywords ? { keywords } : {}), ...(boost !== undefined ? { boost } : {}),
  }));
}
