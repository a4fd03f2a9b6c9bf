import { Document } from 'flexsearch';
import type { Lang } from '../facets.ts';
import type { GlossaryTerm } from '../content-schema.ts';
import { words } from '../text.ts';
import { COUNTED, documentTerms, termOf } from './terms.ts';
import { buildOptions, FIELDS, type Field } from './flex-options.ts';
import { conceptNames, type Concept } from './thesaurus.ts';
import { packDocs } from './index-docs.ts';
import type { FlexExport, SearchDoc, SearchIndexData } from './search-types.ts';

/** The text indexed as a document's heading: its heading, its chapter's title and its keywords. */
export function headingText(doc: SearchDoc): string {
  return [doc.heading, doc.kind === 'term' ? '' : doc.chapterTitle, doc.keywords ?? ''].filter(Boolean).join(' ');
}

/** Builds one language's search index from its documents, the glossary and the thesaurus (build time only). */
export async function buildSearchIndex(lang: Lang, docs: SearchDoc[], glossary: readonly GlossaryTerm[], thesaurus: readonly Concept[]): Promise<SearchIndexData> {
  const texts: Record<Field, string[]> = { heading: docs.map(headingText), body: docs.map((d) => d.text) };
  const terms: Record<Field, string[][]> = { heading: texts.heading.map((t) => documentTerms(t, lang)), body: texts.body.map((t) => documentTerms(t, lang)) };

  const documentFrequency = new Map<string, number>();
  docs.forEach((_, id) => {
    for (const t of new Set([...terms.heading[id], ...terms.body[id]])) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  });
  const forms = new Set<string>();
  for (const text of [...texts.heading, ...texts.body]) {
    for (const w of words(text)) if (termOf(w, lang) !== w) forms.add(w);
  }
  const vocabulary = [...documentFrequency.keys()].sort();
  // Forms whose stem is not indexed (stop words) are no use for typos.
  const usefulForms = [...forms].filter((w) => documentFrequency.has(termOf(w, lang))).sort();

  const averageLength = (f: Field) => Math.max(1, terms[f].reduce((n, t) => n + t.filter((x) => !x.startsWith(COUNTED)).length, 0) / Math.max(1, docs.length));
  const document = new Document({
    document: { id: 'id', index: FIELDS.map((field) => ({ field, ...buildOptions(lang, field, averageLength(field)) })) },
    cache: false,
  });
  docs.forEach((_, id) => document.add({ id, heading: texts.heading[id], body: texts.body[id] }));
  const flex: FlexExport = {};
  // Stored parsed, not as JSON strings inside JSON: smaller, and parsed once at load.
  await document.export((key: string, data: string) => {
    flex[key] = JSON.parse(data) as unknown;
  });

  const { shared, rows } = packDocs(docs);
  return {
    format: 4,
    lang,
    shared,
    docs: rows,
    vocabulary,
    documentFrequency: vocabulary.map((t) => documentFrequency.get(t)!),
    forms: usefulForms,
    concepts: conceptNames(thesaurus, glossary, lang),
    flex,
  };
}
