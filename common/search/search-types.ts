import type { Facets, Lang } from '../facets.ts';
import type { ConceptNames } from './thesaurus.ts';

/** One searchable unit: a heading section of a chapter, a glossary term, or a part of a tool's page (an instrument or a workshop module). */
export interface SearchDoc extends Facets {
  kind: 'section' | 'term' | 'tool';
  chapterId: string;
  chapterTitle: string;
  section: string;
  /** Heading anchor inside the chapter ('' for the chapter's opening text). */
  anchor: string;
  heading: string;
  text: string;
  /** Names the reader may search this by, weighted like the heading but not shown (e.g. a case's agency). */
  keywords?: string;
  /** Score multiplier: a case community's own entry outranks mentions of it elsewhere. */
  boost?: number;
}

/** A flexsearch export: key → the parsed data of that chunk. */
export type FlexExport = Record<string, unknown>;

/** The prebuilt index of one language, written at build time and loaded lazily by the app. */
export interface SearchIndexData {
  format: 4;
  lang: Lang;
  /** The documents (see index-docs.ts: unpackDocs): what their chapters share, then a row each. */
  shared: SharedFields[];
  docs: DocRow[];
  /** Every distinct search term (stem) of the corpus, sorted: for prefixes and typo tolerance. */
  vocabulary: string[];
  /** How many documents contain each term of `vocabulary` (same order). */
  documentFrequency: number[];
  /** Folded words as written whose stem differs from them (monitoring → monitor), sorted: typos are looked for among these too. */
  forms: string[];
  /** Every concept of the thesaurus and the glossary, each name as terms (see thesaurus.ts). */
  concepts: ConceptNames[];
  /** The flexsearch Document export, fields `heading` and `body` (see flex-options.ts). */
  flex: FlexExport;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: SearchDoc['kind'];
  anchor: string;
  heading: string;
  snippet: SnippetPart[];
  score: number;
}

export interface SearchGroup {
  chapterId: string;
  chapterTitle: string;
  section: string;
  score: number;
  hits: SearchHit[];
}

export interface SearchResponse {
  query: string;
  /** The terms that matched, to highlight in the opened chapter. */
  matchedTerms: string[];
  groups: SearchGroup[];
  totalHits: number;
}

/** The fields a chapter's documents share, stored once per chapter in the index file (index-docs.ts packs them). */
export type SharedFields = Omit<SearchDoc, 'kind' | 'anchor' | 'heading' | 'text' | 'keywords' | 'boost'>;
/** One document in the index file: [shared fields' place, kind, anchor, heading, text, keywords, boost] (the last two only when set). */
export type DocRow = [number, number, string, string, string, string?, number?];
