import { Index, type Resolver } from 'flexsearch';
import { matchesFacets, type FacetFilter } from '../facets.ts';
import { loadOptions, slotWeight } from './flex-options.ts';
import { Lexicon } from './lexicon.ts';
import { QueryPlanner, type Reading, type Unit } from './query-plan.ts';
import { ChapterTitles } from './chapter-titles.ts';
import { Scratch, TOP, type Within } from './scratch.ts';
import { SnippetMaker } from './snippets.ts';
import type { FlexExport, SearchDoc, SearchGroup, SearchHit, SearchIndexData, SearchResponse } from './search-types.ts';

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
}

/*
 * How a query is scored (how it is read: query-plan.ts).
 *
 * A section's score for a reading is the mean over its terms of idf × BM25 weight (the weight
 * is stored in the index, see flex-options.ts), headings counting more than text; a query
 * unit scores its best reading in the section, plus a share of the others. A section's score
 * is the sum over the query's units times the share of the query it covers, squared and
 * weighted by idf: words together beat words apart, and a rare word matters more than a
 * common one. A chapter's score adds its best sections, each unit's best sections (a chapter
 * *about* the subject has it in many sections) and the query words in its title.
 */

const HEADING_WEIGHT = 2.5;
const BODY_WEIGHT = 1;
/** Question words count this much. */
const OPTIONAL_WEIGHT = 0.5;
/** Postings read per term and field, best first (the index is impact-ordered): bounds the work on a huge corpus. */
const MAX_POSTINGS = 2000;
/** Share of a chapter's score from its sections' own scores; the rest comes from each unit's best sections. */
const COHESION = 0.5;
/** Weight of the query words found in a chapter's title (a glossary entry's term): the title says what the chapter is about. */
const TITLE_WEIGHT = 3;
/** A glossary entry is short and names the term in its heading, which BM25 favours; the chapters that explain the term come first. */
const TERM_WEIGHT = 0.4;
/** A chapter must cover at least this share of the best chapter's coverage of the query. */
const MIN_RELATIVE_COVERAGE = 0.6;

type Slots = ReadonlyArray<readonly number[] | null | undefined>;

/**
 * A term's postings in both fields, read once from flexsearch's slots (best first, at most
 * MAX_POSTINGS per field): section ids and each one's weight without the term's idf (the
 * heading's weight and a case community's boost included); headings first, then the text.
 */
interface PostingList {
  ids: Int32Array;
  weights: Float64Array;
  /** Where the text's postings begin. */
  bodyFrom: number;
}

const NO_POSTINGS: PostingList = { ids: new Int32Array(0), weights: new Float64Array(0), bodyFrom: 0 };
/** Postings kept in memory across searches (entries, both fields), far more than the manual's common terms need. */
const MAX_CACHED_POSTINGS = 4_000_000;

function importIndex(data: FlexExport): Index {
  const index = new Index(loadOptions());
  // flexsearch takes each chunk as JSON text or already parsed; the build stores it parsed.
  for (const [key, value] of Object.entries(data)) index.import(key, value as string);
  return index;
}

/** A term's documents, by weight slot (best first): flexsearch's unresolved result. */
function slotsOf(index: Index, term: string): Slots {
  const resolver = index.search(term, { resolve: false }) as unknown as Resolver;
  return (resolver.result as Slots | undefined) ?? [];
}

function postingList(heading: Slots, body: Slots, boost: Float64Array): PostingList {
  const count = (slots: Slots) => {
    let n = 0;
    for (const ids of slots) if (ids) n += ids.length;
    return Math.min(n, MAX_POSTINGS);
  };
  const bodyFrom = count(heading);
  const size = bodyFrom + count(body);
  const ids = new Int32Array(size);
  const weights = new Float64Array(size);
  let at = 0;
  const fill = (slots: Slots, fieldWeight: number, boosted: boolean, end: number) => {
    for (let slot = 0; slot < slots.length && at < end; slot++) {
      const list = slots[slot];
      if (!list) continue;
      const w = fieldWeight * slotWeight(slot);
      for (let j = 0; j < list.length && at < end; j++, at++) {
        ids[at] = list[j];
        // A case community's own entry outranks mentions of it elsewhere, when its name (heading) matches.
        weights[at] = boosted ? w * boost[list[j]] : w;
      }
    }
  };
  fill(heading, HEADING_WEIGHT, true, bodyFrom);
  fill(body, BODY_WEIGHT, false, size);
  return { ids, weights, bodyFrom };
}

interface Ranked {
  chapterId: string;
  score: number;
  /** Chapter keys (several for the glossary: one per entry). */
  keys: number[];
  first: number;
}

const byScore = (a: Ranked, b: Ranked) => b.score - a.score || a.first - b.first;

/** Loads a prebuilt index (no re-indexing) and returns the search used by the app, the CLI and the benchmark. */
export function createSearchEngine(data: SearchIndexData): SearchEngine {
  if ((data.format as number) !== 2) throw new Error(`search index for "${data.lang}" has format ${String(data.format)}, expected 2: rebuild it`);
  return new Engine(data);
}

class Engine implements SearchEngine {
  readonly lang: SearchIndexData['lang'];
  readonly docCount: number;
  private readonly docs: SearchDoc[];
  private readonly heading: Index;
  private readonly body: Index;
  private readonly lexicon: Lexicon;
  private readonly planner: QueryPlanner;
  private readonly idfs = new Map<string, number>();
  private readonly postings = new Map<string, PostingList>();
  private cachedPostings = 0;
  private readonly snippets: SnippetMaker;
  /** Weight of each section's score in its chapter's (glossary entries count less). */
  private readonly sectionWeights: Float64Array;
  /** Each section's score multiplier when its heading matches (a case community's own entry). */
  private readonly boosts: Float64Array;
  /** Chapter titles' terms, made at the first search. */
  private titles: ChapterTitles | undefined;
  /** Working memory, made at the first search. */
  private scratch: Scratch | undefined;
  // State of the current search.
  private matched = new Set<string>();

  constructor(data: SearchIndexData) {
    this.lang = data.lang;
    this.docs = data.docs;
    this.docCount = data.docs.length;
    this.heading = importIndex(data.flex.heading);
    this.body = importIndex(data.flex.body);
    this.lexicon = new Lexicon(data.lang, data.vocabulary, data.documentFrequency, data.forms);
    this.planner = new QueryPlanner(data.lang, this.lexicon, data.synonyms, (t) => this.idf(t));
    this.snippets = new SnippetMaker(this.docs, data.lang, this.lexicon, 180);
    this.sectionWeights = Float64Array.from(this.docs, (d) => (d.kind === 'term' ? TERM_WEIGHT : 1));
    this.boosts = Float64Array.from(this.docs, (d) => d.boost ?? 1);
  }

  idf(term: string): number {
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

  private postingsFor(term: string): PostingList {
    let p = this.postings.get(term);
    if (!p) {
      p = this.lexicon.has(term) ? postingList(slotsOf(this.heading, term), slotsOf(this.body, term), this.boosts) : NO_POSTINGS;
      if (this.cachedPostings + p.ids.length > MAX_CACHED_POSTINGS) {
        this.postings.clear();
        this.cachedPostings = 0;
      }
      this.cachedPostings += p.ids.length;
      this.postings.set(term, p);
    }
    return p;
  }

  /**
   * Scores every section that has all the terms of a reading (mean of idf × field-weighted
   * BM25 weight over its terms, times its width and weight) into the scratch's current part.
   * Returns the reading's importance if some section has it, else 0.
   */
  private addReading(sc: Scratch, r: Reading, within: Within): number {
    sc.altBegin(within);
    const k = r.terms.length;
    if (k === 1) {
      const p = this.postingsFor(r.terms[0]);
      sc.addTerm(p.ids, p.weights, p.bodyFrom, this.idf(r.terms[0]));
    } else {
      // The rarest term first: the others only add to the sections it found.
      const lists = r.terms.map((term) => ({ term, p: this.postingsFor(term) })).sort((a, b) => a.p.ids.length - b.p.ids.length);
      lists.forEach(({ term, p }, t) => sc.addTerm(p.ids, p.weights, p.bodyFrom, this.idf(term), t > 0));
    }
    // Found anywhere, for the importance: a term the index has is, even where it was not looked for.
    if (!sc.altToPart(k, (r.weight * r.width) / k) && !(within === 'chapters' && k === 1 && this.lexicon.has(r.terms[0]))) return 0;
    let idfSum = 0;
    for (const t of r.terms) {
      this.matched.add(t);
      idfSum += this.idf(t);
    }
    // How much finding this part of the query matters: the idf of what was found (less for weak guesses only).
    return (Math.min(1, 2 * r.weight) * r.width * idfSum) / k;
  }

  /** All readings into the current part; their importance (a concept is as common as its most common name). */
  private addReadings(sc: Scratch, readings: Reading[], within: Within): number {
    let spelling = 0;
    let concept = Infinity;
    for (const r of readings) {
      const found = this.addReading(sc, r, within);
      if (found <= 0) continue;
      if (r.synonym) concept = Math.min(concept, found);
      else spelling = Math.max(spelling, found);
    }
    return concept === Infinity ? spelling : spelling > 0 ? Math.min(spelling, concept) : concept;
  }

  /** At most the importance a unit can have (see addReading), before it is looked for. */
  private estimate(unit: Unit): number {
    const readings = (list: Reading[]) => {
      let best = 0;
      for (const r of list) {
        let idfSum = 0;
        let known = true;
        for (const t of r.terms) {
          known &&= this.lexicon.has(t);
          idfSum += this.idf(t);
        }
        if (known) best = Math.max(best, (Math.min(1, 2 * r.weight) * r.width * idfSum) / r.terms.length);
      }
      return best;
    };
    let words = 0;
    for (const w of unit.words) if (!w.optional) words += readings(w.readings);
    return unit.synonyms.length ? Math.max(words, readings(unit.synonyms)) : words;
  }

  /** Each unit's score and cover per section; returns each unit's share of the query (summing to 1), or null if nothing matched. */
  private scoreUnits(sc: Scratch, units: Unit[]): Float64Array | null {
    const n = units.length;
    const importance = new Float64Array(n);
    // Rare words first, question words last. Question words only add to sections the other
    // words found (alone they find nothing). Once the words left could not give a chapter
    // they alone find the coverage to be kept (MIN_RELATIVE_COVERAGE of the best), they are
    // only looked for in chapters found already: the common words of a long query do not
    // make every section of the manual a candidate.
    const estimates = units.map((unit) => this.estimate(unit));
    const order = units.map((_, u) => u);
    const isOptional = (u: number) => units[u].synonyms.length === 0 && units[u].words.length === 1 && units[u].words[0].optional;
    order.sort((a, b) => Number(isOptional(a)) - Number(isOptional(b)) || estimates[b] - estimates[a] || a - b);
    let left = estimates.reduce((a, b) => a + b, 0);
    let best = 0;
    for (const u of order) {
      const unit = units[u];
      const within: Within = left < MIN_RELATIVE_COVERAGE * best * 0.999 ? 'chapters' : 'all';
      left -= estimates[u];
      if (unit.synonyms.length === 0 && unit.words.length === 1) {
        const w = unit.words[0];
        sc.partBegin();
        const imp = this.addReadings(sc, w.readings, w.optional ? 'sections' : within);
        importance[u] = w.optional ? 0 : imp;
        best = Math.max(best, importance[u]);
        sc.partToUnit(u, w.optional ? OPTIONAL_WEIGHT : 1, 1, 'add');
        sc.setCoverNorm(u, 1);
        continue;
      }
      // A glossary name: its words one by one (partly covered if some are missing), or another name of the entry.
      let partsTotal = 0;
      for (const w of unit.words) {
        sc.partBegin();
        const found = this.addReadings(sc, w.readings, within);
        const imp = w.optional ? 0 : found;
        partsTotal += imp;
        sc.partToUnit(u, w.optional ? OPTIONAL_WEIGHT : 1, imp, 'add');
      }
      sc.setCoverNorm(u, partsTotal);
      sc.partBegin();
      const synonyms = this.addReadings(sc, unit.synonyms, within);
      sc.partToUnit(u, 1, 1, 'combine');
      importance[u] = partsTotal > 0 && synonyms > 0 ? Math.min(partsTotal, synonyms) : partsTotal || synonyms;
      best = Math.max(best, importance[u]);
    }
    let total = 0;
    for (let u = 0; u < n; u++) total += importance[u];
    if (total === 0) return null;
    for (let u = 0; u < n; u++) importance[u] /= total;
    return importance;
  }

  search(query: string, opts: SearchOptions = {}): SearchResponse {
    const limit = opts.limit ?? 20;
    const hitsPerChapter = opts.hitsPerChapter ?? 3;
    const empty: SearchResponse = { query, matchedTerms: [], groups: [], totalHits: 0 };
    const units = this.planner.plan(typeof query === 'string' ? query : String(query ?? ''));
    if (units.length === 0) return empty;
    const n = units.length;
    const sc = (this.scratch ??= new Scratch(this.docs));
    const titles = (this.titles ??= new ChapterTitles(this.docs, sc.keyOf, sc.keyCount, this.lang));
    sc.begin(n);
    this.matched = new Set();
    const importance = this.scoreUnits(sc, units);
    if (!importance) return empty;

    // Sections into chapters (each glossary entry on its own).
    const docs = this.docs;
    const filter = opts.filter;
    sc.addToChapters(importance, this.sectionWeights, filter ? (id) => matchesFacets(docs[id], filter) : undefined);

    // Chapter scores; the title bonus grows with the share of the query the title has.
    const scores = sc.chapterScore;
    const coverages = sc.chapterCoverage;
    const inTitle = new Float64Array(n);
    const titleQuery = titles.query(units, (t) => this.idf(t), OPTIONAL_WEIGHT);
    sc.scoreChapters(importance);
    let bestCoverage = 0;
    for (let c = 0; c < sc.chapterKeysFound; c++) {
      const key = sc.chapters[c];
      const coverage = coverages[c];
      let title = 0;
      let titleCoverage = 0;
      if (titles.marked(key)) {
        titles.score(key, titleQuery, inTitle);
        for (let u = 0; u < n; u++) {
          title += inTitle[u];
          if (inTitle[u] > 0) titleCoverage += importance[u];
        }
      }
      const titleWeight = titles.isTerm[key] ? TITLE_WEIGHT * TERM_WEIGHT : TITLE_WEIGHT;
      scores[c] = COHESION * sc.chapterCohesive[c] + ((1 - COHESION) * sc.chapterSpread[c] + titleWeight * title * titleCoverage) * coverage * coverage;
      if (coverage > bestCoverage) bestCoverage = coverage;
    }

    // One group per chapter: several glossary entries make one group, ranked by the best.
    const ranked: Ranked[] = [];
    for (let c = 0; c < sc.chapterKeysFound; c++) {
      if (coverages[c] <= 0 || coverages[c] < MIN_RELATIVE_COVERAGE * bestCoverage - 1e-9) continue;
      const key = sc.chapters[c];
      const first = sc.chapterTopId[key * TOP];
      const chapter = sc.chapterOfKey[key];
      const at = sc.groupOf(chapter);
      if (at >= 0) {
        const same = ranked[at];
        same.keys.push(key);
        if (scores[c] > same.score || (scores[c] === same.score && first < same.first)) {
          same.score = scores[c];
          same.first = first;
        }
      } else {
        sc.setGroupOf(chapter, ranked.length);
        ranked.push({ chapterId: docs[first].chapterId, score: scores[c], keys: [key], first });
      }
    }
    ranked.sort(byScore);
    let totalHits = 0;
    for (const r of ranked) for (const key of r.keys) totalHits += sc.chapterCount[key];

    const matchedTerms = [...this.matched];
    this.snippets.begin(matchedTerms);
    const groups: SearchGroup[] = [];
    for (let g = 0; g < ranked.length && g < limit; g++) {
      const r = ranked[g];
      const hits: SearchHit[] = [];
      // Within the glossary's group, entries and the chapter's own sections compare as they are.
      for (const { id, score } of sc.bestSections(r.keys, hitsPerChapter, this.sectionWeights)) {
        const doc = docs[id];
        hits.push({ kind: doc.kind, anchor: doc.anchor, heading: doc.heading, snippet: this.snippets.make(id, sc.textMatched(id)), score: Math.round(score * 1000) / 1000 });
      }
      const first = docs[r.first];
      groups.push({ chapterId: r.chapterId, chapterTitle: first.chapterTitle, section: first.section, score: Math.round(r.score * 1000) / 1000, hits });
    }
    return { query, matchedTerms, groups, totalHits };
  }
}
