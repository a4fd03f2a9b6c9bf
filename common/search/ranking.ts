import type { SearchDoc } from './search-types.ts';
import { COUNTED, indexTerms } from './terms.ts';
import type { Lang } from '../facets.ts';
import type { PostingList } from './postings.ts';
import { MAX_WORDS, type QueryConcept, type QueryPlan, type Reading } from './query-plan.ts';

/**
 * Stages 2 and 3 of a search: matches and ranking (see README, "How search treats text").
 *
 * Match: each reading of a concept finds the sections that have all its terms, scored by the
 * mean over its terms of idf × the term's BM25 weight there (flexsearch stores the weight,
 * headings count more), times the reading's weight; a concept scores, in a section, its best
 * reading there.
 *
 * Rank: a section's score is the sum of its concepts' scores times the share of the query it
 * covers, squared (idf-weighted: a rare concept matters more than a common one), so the
 * concepts together beat the concepts apart. A chapter's score is its best section plus a
 * little for its next two (breadth), never the sum of many weak matches. A glossary entry
 * counts as a chapter of its own, and less than the chapters that explain its term — unless
 * the query asks what the term is.
 */

/** Share of the next two sections' scores a chapter adds to its best section's. */
const BREADTH = 0.35;
/** A glossary entry is short and names the term in its heading, which BM25 favours; the chapters that explain the term come first. */
const TERM_WEIGHT = 0.4;
/** A definitional question ("qué es…") puts the definition first. */
const DEFINITION_TERM_WEIGHT = 4;
/** In a definitional question, the concepts other than the one defined count this much. */
const DEFINITION_CONTEXT = 0.5;
/** A concept named only by filler words ("cuántos") adds this share of its score. */
const OPTIONAL_WEIGHT = 0.5;
/** A chapter must cover at least this share of the best chapter's coverage of the query. */
const MIN_RELATIVE_COVERAGE = 0.6;
/** A tool's page (a form, a workshop plan) restates what chapters explain, to use it: the chapter comes first, unless the query names the tool. */
const TOOL_WEIGHT = 0.5;
/** A community named in the query: its own chapter's score is multiplied by this… */
const NAMED_BOOST = 3;
/** …when it covers the query at least this well, relative to the best chapter (else the rest of the query points elsewhere). */
const NAMED_MIN_COVERAGE = 0.8;
/** Sections kept per chapter. */
const TOP = 3;
/** Only the words typed count in a title (measured: other names there make it worse): a title says what a chapter is about in its own words. */
const TITLE_MIN_SHARE = 1;
/** Weight of the query's concepts found in a chapter's title: the title says what the whole chapter is about. */
const TITLE_WEIGHT = 3;

/** A concept of the query that some section has: the terms found for it, and its importance. */
export interface FoundConcept {
  terms: string[];
  weight: number;
}

/** When a named community's chapter comes first (see namedRules). */
interface NamedRule {
  /** The concepts that name the community, and the rest of the query's required concepts. */
  nameMask: number;
  restMask: number;
  /** The best coverage of the rest by any chapter. */
  bestRest: number;
  /** The rest of the query matters less than the name. */
  aboutName: boolean;
}

/** A chapter in the result: its key(s) (several for the glossary: one per entry), its score and its best section. */
export interface RankedChapter {
  chapterId: string;
  score: number;
  keys: number[];
  first: number;
}

/** Inserts (score, id) into the descending top list at `at` (ties: lower id first; id -1 marks an empty place). */
function insertTop(scores: Float64Array, ids: Int32Array, at: number, score: number, id: number): void {
  for (let j = at; j < at + TOP; j++) {
    if (ids[j] !== -1 && !(score > scores[j]) && !(score === scores[j] && id < ids[j])) continue;
    for (let k = at + TOP - 1; k > j; k--) {
      scores[k] = scores[k - 1];
      ids[k] = ids[k - 1];
    }
    scores[j] = score;
    ids[j] = id;
    return;
  }
}

/**
 * The working memory of a search, one slot per section and per chapter key, reused from one
 * search to the next: a slot belongs to the current search when its stamp is the search's
 * generation, so nothing is cleared.
 */
export class Ranker {
  /** Chapter key of each section: its chapter, or its own glossary entry. */
  private readonly keyOf: Int32Array;
  private readonly keyChapter: string[] = [];
  /** Whether each key is a glossary entry, a tool's page or a chapter. */
  private readonly keyKind: Array<SearchDoc['kind']> = [];
  /** Each key's title as terms (a glossary entry's: its term), and the keys whose title has each term. */
  private readonly keyTitle: Array<Set<string>> = [];
  private readonly titleKeys = new Map<string, number[]>();
  /** Per key in this search: the importance of the query's concepts typed in its title (titleStamp says whether it has some). */
  private readonly titleScore: Float64Array;
  private readonly titleStamp: Int32Array;
  private gen = 0;
  // Reading stage: each section's sum of term weights and number of the reading's terms found.
  private readonly readingSum: Float64Array;
  private readonly readingCount: Int32Array;
  private readonly readingStamp: Int32Array;
  private readonly readingTouched: Int32Array;
  private readingTouchedCount = 0;
  private readingGen = 0;
  // Concept stage: each section's score for each concept, and which concepts it has (a bit each).
  private readonly conceptScore: Float64Array;
  /** The weight of the best reading of each concept in each section: the share of the concept a section has (other names count less than the words typed). */
  private readonly conceptShare: Float64Array;
  private readonly conceptMask: Int32Array;
  private readonly sectionStamp: Int32Array;
  private readonly textStamp: Int32Array;
  /** Sections found in this search: the first sectionCount entries. */
  private readonly sections: Int32Array;
  private sectionCount = 0;
  private readonly sectionScore: Float64Array;
  // Chapter stage: each key's best sections and the concepts it has anywhere.
  private readonly keyStamp: Int32Array;
  private readonly keyTop: Float64Array;
  private readonly keyTopId: Int32Array;
  private readonly keyMask: Int32Array;
  private readonly keyHits: Int32Array;
  private readonly keys: Int32Array;
  private keyCount = 0;

  constructor(
    docs: readonly SearchDoc[],
    lang: Lang,
    private readonly postings: (term: string) => PostingList,
    private readonly idf: (term: string) => number,
  ) {
    const N = docs.length;
    this.keyOf = new Int32Array(N);
    const keys = new Map<string, number>();
    docs.forEach((doc, id) => {
      // Glossary entries are separate articles: one entry's words do not add up with another's.
      const name = doc.kind === 'term' ? `${doc.chapterId}#${doc.anchor}` : doc.chapterId;
      let key = keys.get(name);
      if (key === undefined) {
        keys.set(name, (key = this.keyChapter.length));
        this.keyChapter.push(doc.chapterId);
        this.keyKind.push(doc.kind);
        const title = new Set(indexTerms(doc.kind === 'term' ? doc.heading : doc.chapterTitle, lang));
        for (const t of title) {
          const list = this.titleKeys.get(t);
          if (list) list.push(key);
          else this.titleKeys.set(t, [key]);
        }
        this.keyTitle.push(title);
      }
      this.keyOf[id] = key;
    });
    const K = this.keyChapter.length;
    this.readingSum = new Float64Array(N);
    this.readingCount = new Int32Array(N);
    this.readingStamp = new Int32Array(N);
    this.readingTouched = new Int32Array(N);
    this.conceptScore = new Float64Array(N * MAX_WORDS);
    this.conceptShare = new Float64Array(N * MAX_WORDS);
    this.conceptMask = new Int32Array(N);
    this.sectionStamp = new Int32Array(N);
    this.textStamp = new Int32Array(N);
    this.sections = new Int32Array(N);
    this.sectionScore = new Float64Array(N);
    this.keyStamp = new Int32Array(K);
    this.keyTop = new Float64Array(K * TOP);
    this.keyTopId = new Int32Array(K * TOP);
    this.keyMask = new Int32Array(K);
    this.keyHits = new Int32Array(K);
    this.keys = new Int32Array(K);
    this.titleScore = new Float64Array(K);
    this.titleStamp = new Int32Array(K);
  }

  /**
   * Ranks the chapters for a plan: each concept's matches, then sections, then chapters.
   * `keep` leaves out sections the facet filter excludes. Adds every term found to `matched`.
   */
  rank(plan: QueryPlan, keep: ((id: number) => boolean) | undefined, found: FoundConcept[]): RankedChapter[] {
    this.gen++;
    this.sectionCount = 0;
    this.keyCount = 0;
    const importance = new Float64Array(plan.concepts.length);
    plan.concepts.forEach((concept, u) => {
      const terms = new Set<string>();
      importance[u] = this.matchConcept(concept, u, terms);
      if (terms.size) found.push({ terms: [...terms], weight: concept.optional ? 0 : importance[u] });
    });
    // A definitional question is about its rarest concept; the others only place it ("jancheo ecuador qué significa").
    if (plan.asksForDefinition) {
      let rarest = -1;
      plan.concepts.forEach((c, u) => {
        if (!c.optional && !c.figure && (rarest < 0 || importance[u] > importance[rarest])) rarest = u;
      });
      for (let u = 0; u < importance.length; u++) if (u !== rarest) importance[u] *= DEFINITION_CONTEXT;
    }
    let total = 0;
    plan.concepts.forEach((c, u) => {
      if (!c.optional) total += importance[u];
    });
    if (total === 0) return [];
    const required = plan.concepts.map((c) => !c.optional);
    this.scoreSections(plan, importance, required, total, keep);
    return this.rankChapters(plan, importance, required, total);
  }

  /** Whether the section's text (not only its heading) has some term of the query. */
  textMatched(id: number): boolean {
    return this.textStamp[id] === this.gen;
  }

  /** How many sections the last search found in these chapter keys. */
  hits(keys: readonly number[]): number {
    let n = 0;
    for (const k of keys) n += this.keyHits[k];
    return n;
  }

  /** The best `limit` sections of some chapter keys, best first (a glossary entry's weight left out, so entries and sections compare). */
  bestSections(keys: readonly number[], limit: number): Array<{ id: number; score: number }> {
    const out: Array<{ id: number; score: number }> = [];
    for (const key of keys) {
      for (let k = 0; k < TOP; k++) {
        const id = this.keyTopId[key * TOP + k];
        if (id < 0) break;
        out.push({ id, score: this.keyTop[key * TOP + k] / (this.keyKind[key] === 'term' ? TERM_WEIGHT : 1) });
      }
    }
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out.slice(0, limit);
  }

  /** The concept's score in every section that has it (its best reading there); returns its importance (0 if no reading is found). */
  private matchConcept(concept: QueryConcept, u: number, matched: Set<string>): number {
    let typed = 0;
    let others = 0;
    concept.readings.forEach((r, i) => {
      if (!this.matchReading(r, u)) return;
      let idfSum = 0;
      for (const t of r.terms) {
        // A counted term is no word of the text: the word it counts is found by its own concept.
        if (!t.startsWith(COUNTED)) matched.add(t);
        idfSum += this.idf(t);
      }
      // How much finding this concept matters: the idf of what was found (less for weak guesses).
      const imp = (Math.min(1, 2 * r.weight) * idfSum) / r.terms.length;
      if (i === 0 && r.weight === 1) typed = imp;
      else others = Math.max(others, imp);
    });
    // Other names never make a concept the reader typed rarer than the words typed; the square
    // root keeps one rare word from deciding alone how much of the question a section covers.
    return Math.sqrt(typed > 0 ? typed : others);
  }

  /** Adds the reading's score to each section that has all its terms; returns whether one has. */
  private matchReading(r: Reading, u: number): boolean {
    const gen = ++this.readingGen;
    this.readingTouchedCount = 0;
    const lists = r.terms.map((term) => ({ term, p: this.postings(term) }));
    // The rarest term first: the others only add to the sections it found.
    if (lists.length > 1) lists.sort((a, b) => a.p.ids.length - b.p.ids.length);
    // Every posting of every reading counts (measured: reading only a guess's strongest postings loses questions).
    for (let n = 0; n < lists.length; n++) this.addPostings(lists[n].p, 0, lists[n].p.ids.length, n, this.idf(lists[n].term), gen);
    const k = r.terms.length;
    const factor = r.weight / k;
    const bit = 1 << u;
    const { readingTouched, readingCount, readingSum, conceptScore, conceptShare, conceptMask, sectionStamp, sections } = this;
    const share = r.share;
    let found = false;
    for (let i = 0; i < this.readingTouchedCount; i++) {
      const id = readingTouched[i];
      if (readingCount[id] !== k) continue;
      found = true;
      const s = readingSum[id] * factor;
      if (sectionStamp[id] !== this.gen) {
        sectionStamp[id] = this.gen;
        conceptMask[id] = 0;
        sections[this.sectionCount++] = id;
      }
      const at = id * MAX_WORDS + u;
      if ((conceptMask[id] & bit) === 0) {
        conceptMask[id] |= bit;
        conceptScore[at] = s;
        conceptShare[at] = share;
      } else {
        if (s > conceptScore[at]) conceptScore[at] = s;
        if (share > conceptShare[at]) conceptShare[at] = share;
      }
    }
    return found;
  }

  /** Postings [from, to) of the reading's n-th term (rarest first) into the reading's sums: only the first term adds sections. */
  private addPostings(p: PostingList, from: number, to: number, n: number, idf: number, gen: number): void {
    const { readingSum, readingCount, readingStamp, readingTouched, textStamp } = this;
    const { ids, weights, bodyFrom } = p;
    for (let j = from; j < to; j++) {
      const id = ids[j];
      if (readingStamp[id] !== gen) {
        if (n > 0) continue;
        readingStamp[id] = gen;
        readingSum[id] = 0;
        readingCount[id] = 0;
        readingTouched[this.readingTouchedCount++] = id;
      }
      // A section counts a term once, whichever fields have it.
      if (readingCount[id] === n) readingCount[id] = n + 1;
      readingSum[id] += weights[j] * idf;
      if (j >= bodyFrom) textStamp[id] = this.gen;
    }
  }

  /** Each section found: the sum of its concepts' scores × (share of the query it covers)², into its chapter key's best sections. */
  private scoreSections(plan: QueryPlan, importance: Float64Array, required: boolean[], total: number, keep: ((id: number) => boolean) | undefined): void {
    const define = plan.asksForDefinition;
    const termWeight = define ? DEFINITION_TERM_WEIGHT : TERM_WEIGHT;
    const { conceptScore, conceptMask, keyOf, keyStamp, keyTop, keyTopId, keyMask, keyHits, keys, sectionScore } = this;
    for (let s = 0; s < this.sectionCount; s++) {
      const id = this.sections[s];
      if (keep && !keep(id)) continue;
      const mask = conceptMask[id];
      let raw = 0;
      let covered = 0;
      for (let bits = mask; bits !== 0; bits &= bits - 1) {
        const u = 31 - Math.clz32(bits & -bits);
        const v = conceptScore[id * MAX_WORDS + u];
        if (required[u]) {
          raw += v;
          covered += importance[u] * this.conceptShare[id * MAX_WORDS + u];
        } else raw += OPTIONAL_WEIGHT * v;
      }
      const key = keyOf[id];
      // A definitional question is about its rarest concept: the entry that defines it covers the question.
      const coverage = define && this.keyKind[key] === 'term' ? this.definedShare(mask, importance, required) : covered / total;
      const score = raw * coverage * coverage * (this.keyKind[key] === 'term' ? termWeight : this.keyKind[key] === 'tool' ? TOOL_WEIGHT : 1);
      sectionScore[id] = score;
      if (keyStamp[key] !== this.gen) {
        keyStamp[key] = this.gen;
        keyTop.fill(-1, key * TOP, key * TOP + TOP);
        keyTopId.fill(-1, key * TOP, key * TOP + TOP);
        keyMask[key] = 0;
        keyHits[key] = 0;
        keys[this.keyCount++] = key;
      }
      insertTop(keyTop, keyTopId, key * TOP, score, id);
      keyMask[key] |= mask;
      keyHits[key]++;
    }
  }

  /** The importance of the rarest concept a glossary entry has, out of the rarest concept of the query. */
  private definedShare(mask: number, importance: Float64Array, required: boolean[]): number {
    let mine = 0;
    let rarest = 0;
    for (let u = 0; u < importance.length; u++) {
      if (!required[u]) continue;
      rarest = Math.max(rarest, importance[u]);
      if ((mask & (1 << u)) !== 0) mine = Math.max(mine, importance[u]);
    }
    return rarest > 0 ? mine / rarest : 0;
  }

  /** Chapter keys by their best section plus a little breadth; a chapter must cover enough of the query; glossary entries make one group. */
  private rankChapters(plan: QueryPlan, importance: Float64Array, required: boolean[], total: number): RankedChapter[] {
    const { keys, keyTop, keyTopId, keyMask } = this;
    let requiredMask = 0;
    for (let u = 0; u < required.length; u++) if (required[u]) requiredMask |= 1 << u;
    const covered = (mask: number) => {
      let v = 0;
      for (let bits = mask & requiredMask; bits !== 0; bits &= bits - 1) v += importance[31 - Math.clz32(bits & -bits)];
      return v;
    };
    // The figure a question asks for covers part of it; a chapter without it is judged by the words alone (it may write the figure in words the count does not see).
    let figureMask = 0;
    plan.concepts.forEach((c, u) => {
      if (c.figure) figureMask |= 1 << u;
    });
    const wordsTotal = total - covered(figureMask);
    const coverage = new Float64Array(this.keyCount);
    let best = 0;
    let bestEntry = 0;
    for (let c = 0; c < this.keyCount; c++) {
      const mask = keyMask[keys[c]];
      coverage[c] = Math.max(covered(mask) / total, wordsTotal > 0 ? covered(mask & ~figureMask) / wordsTotal : 0);
      // A glossary entry is short and may hold a rare word of the query alone: the chapters' best coverage sets the bar.
      if (this.keyKind[keys[c]] !== 'term') best = Math.max(best, coverage[c]);
      else bestEntry = Math.max(bestEntry, coverage[c]);
    }
    if (best === 0) best = bestEntry;
    const named = this.namedRules(plan, importance, requiredMask, covered);
    this.markTitles(plan, importance);
    const termWeight = plan.asksForDefinition ? DEFINITION_TERM_WEIGHT : TERM_WEIGHT;
    const groups = new Map<string, RankedChapter>();
    for (let c = 0; c < this.keyCount; c++) {
      const key = keys[c];
      const chapterId = this.keyChapter[key];
      const rule = named.get(chapterId);
      const isNamed = rule !== undefined && (keyMask[key] & rule.nameMask) !== 0 && (rule.aboutName || covered(keyMask[key] & rule.restMask) >= NAMED_MIN_COVERAGE * rule.bestRest - 1e-9);
      if (!isNamed && (coverage[c] <= 0 || coverage[c] < MIN_RELATIVE_COVERAGE * best - 1e-9)) continue;
      const t = key * TOP;
      const title = this.titleStamp[key] === this.gen ? this.titleScore[key] * coverage[c] * coverage[c] * (this.keyKind[key] === 'term' ? termWeight : 1) : 0;
      let score = Math.max(0, keyTop[t]) + BREADTH * (Math.max(0, keyTop[t + 1]) + Math.max(0, keyTop[t + 2])) + TITLE_WEIGHT * title;
      if (isNamed) score *= NAMED_BOOST;
      const first = keyTopId[t];
      const group = groups.get(chapterId);
      if (!group) groups.set(chapterId, { chapterId, score, keys: [key], first });
      else {
        group.keys.push(key);
        if (score > group.score || (score === group.score && first < group.first)) {
          group.score = score;
          group.first = first;
        }
      }
    }
    return [...groups.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  }

  /**
   * For each community the query names, when its chapter comes first: when the rest of the
   * query matters less than the name (the query is about the community), or when the chapter
   * covers the rest at least NAMED_MIN_COVERAGE as well as the chapter that covers the rest
   * best (else the rest points elsewhere).
   */
  private namedRules(plan: QueryPlan, importance: Float64Array, requiredMask: number, covered: (mask: number) => number): Map<string, NamedRule> {
    const rules = new Map<string, NamedRule>();
    for (const n of plan.named) {
      let nameMask = 0;
      let nameImp = 0;
      for (const u of n.concepts) {
        nameMask |= 1 << u;
        nameImp = Math.max(nameImp, importance[u]);
      }
      const restMask = requiredMask & ~nameMask;
      let bestRest = 0;
      for (let c = 0; c < this.keyCount; c++) bestRest = Math.max(bestRest, covered(this.keyMask[this.keys[c]] & restMask));
      rules.set(n.chapterId, { nameMask, restMask, bestRest, aboutName: covered(restMask) < nameImp });
    }
    return rules;
  }

  /** Each key whose title has the words typed for some concepts: those concepts' importance (other names do not count: a title says what a chapter is about in its own words). */
  private markTitles(plan: QueryPlan, importance: Float64Array): void {
    plan.concepts.forEach((c, u) => {
      // Per key, the weightiest reading whose words are all in its title.
      const bestWeight = new Map<number, number>();
      for (const r of c.readings) {
        if (r.share < TITLE_MIN_SHARE) continue;
        for (const key of this.titleKeys.get(r.terms[0]) ?? []) {
          if ((bestWeight.get(key) ?? 0) >= r.weight || !r.terms.every((t) => this.keyTitle[key].has(t))) continue;
          bestWeight.set(key, r.weight);
        }
      }
      const factor = importance[u] * (c.optional ? OPTIONAL_WEIGHT : 1);
      for (const [key, weight] of bestWeight) {
        if (this.titleStamp[key] !== this.gen) {
          this.titleStamp[key] = this.gen;
          this.titleScore[key] = 0;
        }
        this.titleScore[key] += weight * factor;
      }
    });
  }
}
