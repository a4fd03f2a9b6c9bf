import { matchesFacets, type FacetFilter } from '../facets.ts';
import { ConceptNameIndex } from './concept-names.ts';
import { unpackDocs } from './index-docs.ts';
import { Lexicon } from './lexicon.ts';
import { Postings } from './postings.ts';
import { QueryPlanner, type QueryPlan } from './query-plan.ts';
import { Ranker, type FoundConcept } from './ranking.ts';
import { SnippetMaker } from './snippets.ts';
import { indexTerms } from './terms.ts';
import type { SearchDoc, SearchGroup, SearchHit, SearchIndexData, SearchResponse } from './search-types.ts';

export interface SearchOptions {
  filter?: FacetFilter;
  /** Most chapters to return. */
  limit?: number;
  /** Most hits shown under one chapter. */
  hitsPerChapter?: number;
}

export interface SearchEngine {
  readonly lang: SearchIndexData['lang'];
  readonly docCount: number;
  search(query: string, options?: SearchOptions): SearchResponse;
  /** How the query is read (stage 1 alone): for `npm run search -- --explain` and the benchmark's baseline. */
  readQuery(query: string): QueryPlan;
}

const FORMAT = 4;

/** Loads a prebuilt index (no re-indexing) and returns the search used by the app, the CLI and the benchmark. */
export function createSearchEngine(data: SearchIndexData): SearchEngine {
  if ((data.format as number) !== FORMAT) throw new Error(`search index for "${data.lang}" has format ${String(data.format)}, expected ${FORMAT}: rebuild it`);
  return new Engine(data);
}

/** One search: plan the query (query-plan.ts), match and rank (ranking.ts), then cut snippets (snippets.ts). */
class Engine implements SearchEngine {
  readonly lang: SearchIndexData['lang'];
  readonly docCount: number;
  private readonly docs: SearchDoc[];
  private readonly lexicon: Lexicon;
  private readonly postings: Postings;
  private readonly planner: QueryPlanner;
  private readonly snippets: SnippetMaker;
  private readonly idfs = new Map<string, number>();
  /** Working memory, made at the first search. */
  private ranker: Ranker | undefined;

  constructor(data: SearchIndexData) {
    this.lang = data.lang;
    this.docs = unpackDocs(data.shared, data.docs);
    this.docCount = this.docs.length;
    this.lexicon = new Lexicon(data.lang, data.vocabulary, data.documentFrequency, data.forms);
    this.postings = new Postings(data.flex, this.docs, (t) => this.lexicon.has(t));
    // A case community's own entry is the document boosted under its name (see SearchDoc.boost).
    // "Tipuani (Chima y Chuquini)": each part is a name.
    const communities = this.docs.filter((d) => (d.boost ?? 1) > 1).flatMap((d) => d.heading.split(/[()]/).map((name) => ({ terms: indexTerms(name, data.lang), chapterId: d.chapterId })).filter((n) => n.terms.length));
    // A community's name is one concept of the query ("bella rica"), not two words.
    const names = new ConceptNameIndex([...data.concepts, ...communities.map((c) => ({ id: `community:${c.chapterId}`, names: [c.terms] }))]);
    this.planner = new QueryPlanner(data.lang, this.lexicon, names, (t) => this.idf(t), communities);
    this.snippets = new SnippetMaker(this.docs, data.lang, this.lexicon, 180);
  }

  /** How rare a term is (BM25's idf). */
  private idf(term: string): number {
    let v = this.idfs.get(term);
    if (v === undefined) {
      const n = Math.max(1, this.docCount);
      const df = this.lexicon.df(term);
      v = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (this.idfs.size > 50_000) this.idfs.clear();
      this.idfs.set(term, v);
    }
    return v;
  }

  readQuery(query: string): QueryPlan {
    return this.planner.plan(query);
  }

  search(query: string, opts: SearchOptions = {}): SearchResponse {
    const limit = opts.limit ?? 20;
    const hitsPerChapter = opts.hitsPerChapter ?? 3;
    const plan = this.planner.plan(typeof query === 'string' ? query : String(query ?? ''));
    const empty: SearchResponse = { query, matchedTerms: [], groups: [], totalHits: 0 };
    if (plan.concepts.length === 0) return empty;
    const ranker = (this.ranker ??= new Ranker(this.docs, this.lang, (t) => this.postings.of(t), (t) => this.idf(t)));
    const found: FoundConcept[] = [];
    const filter = opts.filter;
    const docs = this.docs;
    const ranked = ranker.rank(plan, filter ? (id) => matchesFacets(docs[id], filter) : undefined, found);
    if (ranked.length === 0) return empty;

    const matchedTerms = [...new Set(found.flatMap((c) => c.terms))];
    // A question that asks how many: the sentence that gives the figure comes before any other.
    const figureWeight = plan.concepts.some((c) => c.figure) ? found.reduce((sum, c) => sum + c.weight, 0) : 0;
    this.snippets.begin(matchedTerms, found, figureWeight);
    const groups: SearchGroup[] = [];
    let totalHits = 0;
    for (const r of ranked) totalHits += ranker.hits(r.keys);
    for (const r of ranked.slice(0, limit)) {
      const hits: SearchHit[] = ranker.bestSections(r.keys, hitsPerChapter).map(({ id, score }) => {
        const doc = docs[id];
        return { kind: doc.kind, anchor: doc.anchor, heading: doc.heading, snippet: this.snippets.make(id, ranker.textMatched(id)), score: Math.round(score * 1000) / 1000 };
      });
      const first = docs[r.first];
      groups.push({ chapterId: r.chapterId, chapterTitle: first.chapterTitle, section: first.section, score: Math.round(r.score * 1000) / 1000, hits });
    }
    return { query, matchedTerms, groups, totalHits };
  }
}
