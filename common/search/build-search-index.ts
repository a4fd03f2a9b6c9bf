import { Index } from 'flexsearch';
import type { Lang } from '../facets.ts';
import type { GlossaryTerm } from '../content-schema.ts';
import { words } from '../text.ts';
import { indexTerms, termOf, tokens } from './terms.ts';
import { buildOptions, type Field } from './flex-options.ts';
import type { FlexExport, SearchDoc, SearchIndexData } from './search-types.ts';

/** The names of one glossary entry, split where authors write alternatives ("a / b (c)"). */
function glossaryNames(term: GlossaryTerm): string[] {
  const raw = [term.en.term, term.es.term, ...term.synonyms.map((s) => s.term)];
  return raw.flatMap((name) => name.split(/[/()]/)).map((s) => s.trim()).filter(Boolean);
}

/** A name as the query reads it: a hyphenated compound as one term, and also as its parts (phase-out plan → phaseout plan, phase out plan). */
function namePhrases(name: string, lang: Lang): string[][] {
  const joined: string[] = [];
  const split: string[] = [];
  for (const token of tokens(name)) {
    const t = termOf(token.word, lang);
    if (t) joined.push(t);
    for (const part of token.parts ?? [token.word]) {
      const p = termOf(part, lang);
      if (p) split.push(p);
    }
  }
  return joined.join(' ') === split.join(' ') ? [joined] : [joined, split];
}

/** Synonym groups: all names of a glossary entry, as term lists, in this language's stemming. */
export function synonymGroups(glossary: readonly GlossaryTerm[], lang: Lang): string[][][] {
  const groups: string[][][] = [];
  for (const term of glossary) {
    const seen = new Set<string>();
    const group: string[][] = [];
    for (const name of glossaryNames(term)) {
      for (const phrase of namePhrases(name, lang)) {
        const key = phrase.join(' ');
        if (phrase.length === 0 || seen.has(key)) continue;
        seen.add(key);
        group.push(phrase);
      }
    }
    if (group.length > 1) groups.push(group);
  }
  return groups;
}

/** The text indexed as a document's heading: its heading, its chapter's title and its keywords. */
export function headingText(doc: SearchDoc): string {
  return [doc.heading, doc.kind === 'term' ? '' : doc.chapterTitle, doc.keywords ?? ''].filter(Boolean).join(' ');
}

async function exportIndex(index: Index): Promise<FlexExport> {
  const out: FlexExport = {};
  // Stored parsed, not as JSON strings inside JSON: smaller, and parsed once at load.
  await index.export((key: string, data: string) => {
    out[key] = JSON.parse(data) as unknown;
  });
  return out;
}

function fieldIndex(lang: Lang, field: Field, texts: string[], terms: string[][]): Index {
  const total = terms.reduce((n, t) => n + t.length, 0);
  const index = new Index(buildOptions(lang, field, Math.max(1, total / Math.max(1, terms.length))));
  texts.forEach((text, id) => {
    if (terms[id].length) index.add(id, text);
  });
  return index;
}

/** Builds one language's search index from its documents and the glossary (build time only). */
export async function buildSearchIndex(lang: Lang, docs: SearchDoc[], glossary: readonly GlossaryTerm[]): Promise<SearchIndexData> {
  const headings = docs.map(headingText);
  const bodies = docs.map((d) => d.text);
  const headingTerms = headings.map((t) => indexTerms(t, lang));
  const bodyTerms = bodies.map((t) => indexTerms(t, lang));

  const documentFrequency = new Map<string, number>();
  const forms = new Set<string>();
  docs.forEach((_, id) => {
    for (const t of new Set([...headingTerms[id], ...bodyTerms[id]])) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  });
  for (const text of [...headings, ...bodies]) {
    for (const w of words(text)) if (termOf(w, lang) !== w) forms.add(w);
  }
  const vocabulary = [...documentFrequency.keys()].sort();
  // Forms whose stem is not indexed (stop words) are no use for typos.
  const usefulForms = [...forms].filter((w) => documentFrequency.has(termOf(w, lang))).sort();

  return {
    format: 2,
    lang,
    docs,
    vocabulary,
    documentFrequency: vocabulary.map((t) => documentFrequency.get(t)!),
    forms: usefulForms,
    synonyms: synonymGroups(glossary, lang),
    flex: {
      heading: await exportIndex(fieldIndex(lang, 'heading', headings, headingTerms)),
      body: await exportIndex(fieldIndex(lang, 'body', bodies, bodyTerms)),
    },
  };
}
