import type { SearchDoc } from './search-types.ts';
import { MAX_WORDS } from './query-plan.ts';

/** Which sections a reading may add to: all; those other units found; those in chapters other units found. */
export type Within = 'all' | 'sections' | 'chapters';

/** Weights of a chapter's best, second and third sections in its score. */
export const SECTION_DECAY: readonly [number, number, number] = [1, 0.35, 0.15];
/** Sections kept per chapter (and per query unit) for its score. */
export const TOP = SECTION_DECAY.length;
/** Other readings of a unit found in the same section add this share of their score. */
export const SECOND_READING = 0.25;

/** Inserts a value into the descending list of TOP values at `at` (after equal ones), if it belongs there. */
function insertValue(values: Float64Array, at: number, v: number): void {
  let j = at + TOP - 1;
  if (!(v > values[j])) return;
  while (j > at && v > values[j - 1]) {
    values[j] = values[j - 1];
    j--;
  }
  values[j] = v;
}

/** Inserts (score, id) into the descending top list at `at` (ties: lower id first; id -1 marks an empty place). */
function insertScored(scores: Float64Array, ids: Int32Array, at: number, score: number, id: number): void {
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
 * Working memory of a search, one slot per section and per chapter, reused from one search
 * to the next (generation stamps instead of clearing). Accumulates, in turn: one reading's
 * terms (alt*), one query word's readings (part*), each query unit per section (unit*), and
 * each chapter's best sections (chapter*).
 */
export class Scratch {
  /** Chapter key of each section: its chapter, or its own glossary entry. */
  readonly keyOf: Int32Array;
  /** Chapter number of each key. */
  readonly chapterOfKey: Int32Array;
  /** Per chapter number, in this search: the place of its result group (groupStamp says whether it has one yet). */
  private readonly groupStamp: Int32Array;
  private readonly groupAt: Int32Array;
  private readonly keyNames: string[] = [];
  private gen = 0;
  private n = 0;
  private readonly altSum: Float64Array;
  private readonly altCount: Int32Array;
  private readonly altStamp: Int32Array;
  private readonly termStamp: Int32Array;
  private altGen = 0;
  private termGen = 0;
  /** Sections the current reading touched: the first altTouchedCount entries. */
  private readonly altTouched: Int32Array;
  private altTouchedCount = 0;
  private readonly partBest: Float64Array;
  private readonly partOther: Float64Array;
  private readonly partStamp: Int32Array;
  private partGen = 0;
  /** Sections the current part touched: the first partTouchedCount entries. */
  private readonly partTouched: Int32Array;
  private partTouchedCount = 0;
  private readonly unitScore: Float64Array;
  private readonly unitCover: Float64Array;
  /** Per section, a bit for each query unit it has a score for (the other units' slots are stale). */
  private readonly unitMask: Int32Array;
  private readonly coverNorm = new Float64Array(MAX_WORDS);
  private readonly sectionStamp: Int32Array;
  private readonly bodyStamp: Int32Array;
  private readonly addedStamp: Int32Array;
  private readonly sectionScore: Float64Array;
  /** Sections found by the search: the first sectionCount entries. */
  readonly sections: Int32Array;
  sectionCount = 0;
  private readonly chapterStamp: Int32Array;
  private readonly chapterSeen: Int32Array;
  readonly chapterTop: Float64Array;
  readonly chapterTopId: Int32Array;
  private readonly chapterUnitTop: Float64Array;
  private readonly chapterUnitCover: Float64Array;
  readonly chapterCount: Int32Array;
  /** Chapter keys with a section added: the first chapterKeysFound entries. */
  readonly chapters: Int32Array;
  chapterKeysFound = 0;
  /** Per entry of `chapters`: parts of its score and its coverage of the query (scoreChapters), and its score (the engine's). */
  readonly chapterCohesive: Float64Array;
  readonly chapterSpread: Float64Array;
  readonly chapterCoverage: Float64Array;
  readonly chapterScore: Float64Array;

  constructor(docs: readonly SearchDoc[]) {
    const N = docs.length;
    this.keyOf = new Int32Array(N);
    const keys = new Map<string, number>();
    docs.forEach((doc, id) => {
      // Glossary entries are separate articles: one entry's words do not add up with another's.
      const name = doc.kind === 'term' ? `${doc.chapterId}#${doc.anchor}` : doc.chapterId;
      let key = keys.get(name);
      if (key === undefined) {
        keys.set(name, (key = this.keyNames.length));
        this.keyNames.push(name);
      }
      this.keyOf[id] = key;
    });
    const K = this.keyNames.length;
    // Chapter of each key, numbered (a glossary's entries share their chapter).
    this.chapterOfKey = new Int32Array(K);
    const chapterNumbers = new Map<string, number>();
    docs.forEach((doc, id) => {
      let c = chapterNumbers.get(doc.chapterId);
      if (c === undefined) chapterNumbers.set(doc.chapterId, (c = chapterNumbers.size));
      this.chapterOfKey[this.keyOf[id]] = c;
    });
    this.groupStamp = new Int32Array(chapterNumbers.size);
    this.groupAt = new Int32Array(chapterNumbers.size);
    this.altSum = new Float64Array(N);
    this.altCount = new Int32Array(N);
    this.altStamp = new Int32Array(N);
    this.termStamp = new Int32Array(N);
    this.partBest = new Float64Array(N);
    this.partOther = new Float64Array(N);
    this.partStamp = new Int32Array(N);
    this.altTouched = new Int32Array(N);
    this.partTouched = new Int32Array(N);
    this.unitScore = new Float64Array(N * MAX_WORDS);
    this.unitCover = new Float64Array(N * MAX_WORDS);
    this.unitMask = new Int32Array(N);
    this.sectionStamp = new Int32Array(N);
    this.bodyStamp = new Int32Array(N);
    this.addedStamp = new Int32Array(N);
    this.sectionScore = new Float64Array(N);
    this.chapterStamp = new Int32Array(K);
    this.chapterSeen = new Int32Array(K);
    this.chapterTop = new Float64Array(K * TOP);
    this.chapterTopId = new Int32Array(K * TOP);
    this.chapterUnitTop = new Float64Array(K * MAX_WORDS * TOP);
    this.chapterUnitCover = new Float64Array(K * MAX_WORDS);
    this.chapterCount = new Int32Array(K);
    this.chapterScore = new Float64Array(K);
    this.sections = new Int32Array(N);
    this.chapters = new Int32Array(K);
    this.chapterCoverage = new Float64Array(K);
    this.chapterCohesive = new Float64Array(K);
    this.chapterSpread = new Float64Array(K);
  }

  get keyCount(): number {
    return this.keyNames.length;
  }


  begin(units: number): void {
    this.gen++;
    this.n = units;
    this.sectionCount = 0;
    this.chapterKeysFound = 0;
    this.coverNorm.fill(1);
  }

  /**
   * Starts a reading. `within`: 'all' sections; 'sections' other units found already; or
   * 'chapters' other units found already (sections of any other chapter are left out).
   */
  altBegin(within: Within = 'all'): void {
    this.altGen++;
    this.altTouchedCount = 0;
    this.within = within;
  }

  private within: Within = 'all';

  /**
   * Adds one term of the reading: its postings (headings before `bodyFrom`, then the text),
   * each weight times `scale`. A section counts the term once, whichever fields have it.
   * `onlyFound`: only sections that the reading's earlier terms found are added to (a section
   * needs all the reading's terms); the others are still noted as having the term in their text.
   */
  addTerm(ids: Int32Array, weights: Float64Array, bodyFrom: number, scale: number, onlyFound = false): void {
    const termGen = ++this.termGen;
    const altGen = this.altGen;
    const gen = this.gen;
    const mode = this.within;
    const { altStamp, altSum, altCount, termStamp, sectionStamp, chapterSeen, keyOf, bodyStamp, altTouched } = this;
    let touched = this.altTouchedCount;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (altStamp[id] !== altGen) {
        if (mode === 'sections' ? sectionStamp[id] !== gen : mode === 'chapters' && chapterSeen[keyOf[id]] !== gen) continue;
        if (onlyFound) {
          if (j >= bodyFrom) bodyStamp[id] = gen;
          continue;
        }
        altStamp[id] = altGen;
        altSum[id] = 0;
        altCount[id] = 0;
        altTouched[touched++] = id;
      }
      altSum[id] += weights[j] * scale;
      if (termStamp[id] !== termGen) {
        termStamp[id] = termGen;
        altCount[id]++;
      }
      if (j >= bodyFrom) bodyStamp[id] = gen;
    }
    this.altTouchedCount = touched;
  }

  /** Whether the section's text (not only its heading) has some term of the query. */
  textMatched(id: number): boolean {
    return this.bodyStamp[id] === this.gen;
  }

  /** Sections that have all `terms` of the reading go to the part, scored × factor. */
  altToPart(terms: number, factor: number): boolean {
    const { altTouched, altCount, altSum, partStamp, partBest, partOther, partTouched } = this;
    const partGen = this.partGen;
    let partCount = this.partTouchedCount;
    let any = false;
    for (let i = 0, end = this.altTouchedCount; i < end; i++) {
      const id = altTouched[i];
      if (altCount[id] !== terms) continue;
      any = true;
      const s = altSum[id] * factor;
      if (partStamp[id] !== partGen) {
        partStamp[id] = partGen;
        partBest[id] = 0;
        partOther[id] = 0;
        partTouched[partCount++] = id;
      }
      const b = partBest[id];
      if (s > b) partBest[id] = s;
      partOther[id] += Math.min(s, b);
    }
    this.partTouchedCount = partCount;
    return any;
  }

  partBegin(): void {
    this.partGen++;
    this.partTouchedCount = 0;
  }

  /**
   * The part's sections into unit `u`: 'add' adds the score and `cover` (a share of the unit,
   * out of `norm`); 'combine' keeps the better of the unit's score and this one (plus a share
   * of the other) and covers the whole unit.
   */
  partToUnit(u: number, weight: number, cover: number, mode: 'add' | 'combine'): void {
    const { partTouched, partBest, partOther, unitMask, unitScore, unitCover, sectionStamp, chapterSeen, keyOf, sections } = this;
    const gen = this.gen;
    const bit = 1 << u;
    const add = mode === 'add';
    let found = this.sectionCount;
    for (let p = 0, end = this.partTouchedCount; p < end; p++) {
      const id = partTouched[p];
      const v = (partBest[id] + SECOND_READING * partOther[id]) * weight;
      if (sectionStamp[id] !== gen) {
        // The section's first unit in this search.
        sectionStamp[id] = gen;
        chapterSeen[keyOf[id]] = gen;
        unitMask[id] = 0;
        sections[found++] = id;
      }
      const i = id * MAX_WORDS + u;
      if ((unitMask[id] & bit) === 0) {
        unitMask[id] |= bit;
        unitScore[i] = 0;
        unitCover[i] = 0;
      }
      if (add) {
        unitScore[i] += v;
        unitCover[i] += cover;
      } else {
        const own = unitScore[i];
        unitScore[i] = Math.max(own, v) + SECOND_READING * Math.min(own, v);
        unitCover[i] = Infinity;
      }
    }
    this.sectionCount = found;
  }

  /** What a unit's covers add up to when the whole unit is covered. */
  setCoverNorm(u: number, norm: number): void {
    this.coverNorm[u] = norm;
  }

  /**
   * Every section found into its chapter (those `keep` accepts, if given): a section's score is
   * Σ unit scores × coverage², `importance` summing to 1, times its `weights` entry.
   */
  addToChapters(importance: Float64Array, weights: Float64Array, keep?: (id: number) => boolean): void {
    const { keyOf, chapterStamp, chapterTop, chapterTopId, chapterUnitTop, chapterUnitCover, chapterCount, chapters, unitMask, unitScore, unitCover, coverNorm, sectionScore, addedStamp, sections } = this;
    const gen = this.gen;
    const n = this.n;
    let keysFound = this.chapterKeysFound;
    for (let s = 0, end = this.sectionCount; s < end; s++) {
      const id = sections[s];
      if (keep && !keep(id)) continue;
      const weight = weights[id];
      const key = keyOf[id];
      const ut = key * MAX_WORDS * TOP;
      const uc = key * MAX_WORDS;
      if (chapterStamp[key] !== gen) {
        chapterStamp[key] = gen;
        for (let k = 0; k < TOP; k++) {
          chapterTop[key * TOP + k] = -1;
          chapterTopId[key * TOP + k] = -1;
        }
        for (let i = ut, stop = ut + n * TOP; i < stop; i++) chapterUnitTop[i] = 0;
        for (let i = uc, stop = uc + n; i < stop; i++) chapterUnitCover[i] = 0;
        chapterCount[key] = 0;
        chapters[keysFound++] = key;
      }
      const row = id * MAX_WORDS;
      let raw = 0;
      let cov = 0;
      for (let mask = unitMask[id]; mask !== 0; mask &= mask - 1) {
        const u = 31 - Math.clz32(mask & -mask);
        const v = unitScore[row + u] * weight;
        const given = unitCover[row + u];
        if (v === 0 && given === 0) continue;
        raw += v;
        // The unit's cover, out of what covers the whole of it.
        const norm = coverNorm[u];
        const c = norm > 0 ? Math.min(1, given / norm) : given > 0 ? 1 : 0;
        cov += importance[u] * c;
        insertValue(chapterUnitTop, ut + u * TOP, v);
        if (c > chapterUnitCover[uc + u]) chapterUnitCover[uc + u] = c;
      }
      const score = raw * cov * cov;
      sectionScore[id] = score;
      addedStamp[id] = gen;
      insertScored(chapterTop, chapterTopId, key * TOP, score, id);
      chapterCount[key]++;
    }
    this.chapterKeysFound = keysFound;
  }

  /** The place of the chapter's result group in this search, or -1. */
  groupOf(chapter: number): number {
    return this.groupStamp[chapter] === this.gen ? this.groupAt[chapter] : -1;
  }

  setGroupOf(chapter: number, at: number): void {
    this.groupStamp[chapter] = this.gen;
    this.groupAt[chapter] = at;
  }

  private readonly pickScore = new Float64Array(TOP);
  private readonly pickId = new Int32Array(TOP);

  /**
   * For every chapter key found, in the order of `chapters`: its decayed best sections
   * (chapterCohesive), its decayed best sections per unit (chapterSpread) and its coverage of
   * the query (chapterCoverage).
   */
  scoreChapters(importance: Float64Array): void {
    const { chapters, chapterTop, chapterUnitTop, chapterUnitCover, chapterCohesive, chapterSpread, chapterCoverage } = this;
    const n = this.n;
    const [d0, d1, d2] = SECTION_DECAY;
    for (let c = 0, end = this.chapterKeysFound; c < end; c++) {
      const key = chapters[c];
      const t = key * TOP;
      chapterCohesive[c] = d0 * Math.max(0, chapterTop[t]) + d1 * Math.max(0, chapterTop[t + 1]) + d2 * Math.max(0, chapterTop[t + 2]);
      let spread = 0;
      let coverage = 0;
      for (let u = 0; u < n; u++) {
        const at = (key * MAX_WORDS + u) * TOP;
        spread += d0 * chapterUnitTop[at];
        spread += d1 * chapterUnitTop[at + 1];
        spread += d2 * chapterUnitTop[at + 2];
        coverage += importance[u] * chapterUnitCover[key * MAX_WORDS + u];
      }
      chapterSpread[c] = spread;
      chapterCoverage[c] = coverage;
    }
  }

  /** The best `limit` sections of some chapter keys, best first, scored without the weight (`weights`) addToChapters gave them. */
  bestSections(keys: number[], limit: number, weights: Float64Array): Array<{ id: number; score: number }> {
    const out: Array<{ id: number; score: number }> = [];
    if (limit <= TOP && keys.length === 1) {
      // One key's top list is in order already, and its sections share one weight.
      const at = keys[0] * TOP;
      for (let k = 0; k < limit; k++) {
        const id = this.chapterTopId[at + k];
        if (id < 0) break;
        out.push({ id, score: this.chapterTop[at + k] / weights[id] });
      }
      return out;
    }
    if (limit <= TOP) {
      // Each key's best few, picked into one top list.
      const scores = this.pickScore;
      const ids = this.pickId.fill(-1);
      for (const key of keys) {
        for (let k = 0; k < TOP; k++) {
          const id = this.chapterTopId[key * TOP + k];
          if (id < 0) break;
          insertScored(scores, ids, 0, this.chapterTop[key * TOP + k] / weights[id], id);
        }
      }
      for (let k = 0; k < limit && ids[k] >= 0; k++) out.push({ id: ids[k], score: scores[k] });
      return out;
    } else {
      const wanted = new Set(keys);
      for (let i = 0; i < this.sectionCount; i++) {
        const id = this.sections[i];
        if (this.addedStamp[id] === this.gen && wanted.has(this.keyOf[id])) out.push({ id, score: this.sectionScore[id] / weights[id] });
      }
    }
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out.slice(0, limit);
  }
}

