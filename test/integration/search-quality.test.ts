/**
 * Search quality on the real manual, per language, on two query sets (read by
 * scripts/bench/search-question-sets.ts, which `npm run bench` uses too):
 * - the 120 reviewed queries written alongside the engine (test/search-queries.json): the
 *   expected page among the first three results;
 * - the 150 questions written from the source documents alone, as users type them
 *   (test/search-questions-seeds.reviewed.json): one of the pages whose text answers the
 *   question first (top-1), or among the first three (top-3).
 * The thresholds are the levels measured when the engine last changed, not targets: a change
 * that loses a question fails here and prints the misses. The targets are printed by the bench.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../common/facets.ts';
import { createSearchEngine, type SearchEngine } from '../../common/search/search-engine.ts';
import { buildSearchIndexes } from '../../scripts/content/build-artifacts.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { REAL } from '../fixtures/content-fixture.ts';
import { describeScores, newQuestions, oldQueries, percent, scoreSet, type QueryCase, type SetScore } from '../../scripts/bench/search-question-sets.ts';

/** Measured on 2026-12-06 (see README, "How search treats text"). */
const OLD_MIN_TOP3: Record<Lang, number> = { en: 56 / 60, es: 56 / 60 };
const NEW_MIN: Record<Lang, { top1: number; top3: number }> = { en: { top1: 43 / 50, top3: 48 / 50 }, es: { top1: 88 / 100, top3: 95 / 100 } };

const OLD_KINDS = ['plain', 'unaccented', 'misspelled', 'regional-synonym', 'question'];
const NEW_KINDS = ['community', 'definition', 'everyday-words', 'figure', 'folk-term', 'how-to', 'law-agency', 'other'];

let content: ReturnType<typeof loadContent>;
let engines: Record<Lang, SearchEngine>;
const chapters = (lang: Lang, q: string) => engines[lang].search(q, { hitsPerChapter: 0 }).groups.map((g) => g.chapterId);

beforeAll(async () => {
  content = loadContent(REAL);
  const data = await buildSearchIndexes(content);
  engines = { en: createSearchEngine(data.en), es: createSearchEngine(data.es) };
});

function misses(scores: SetScore[], top: number): string {
  return scores.flatMap((s) => s.misses.filter((m) => m.rank === 0 || m.rank > top).map((m) => `  [${s.lang}] ${JSON.stringify(m.query)} rank ${m.rank || '-'}; answers ${m.answers.join(', ')}; first ${m.found.join(', ') || '(nothing)'}`)).join('\n');
}

function checkWellFormed(cases: QueryCase[], kinds: string[]): void {
  const pages = new Set([...content.chapters.map((c) => c.frontmatter.id), ...content.instruments.map((f) => f.id), ...content.workshopModules.map((m) => m.id)]);
  const seen = new Set<string>();
  for (const c of cases) {
    const label = `${c.lang}: ${JSON.stringify(c.query)}`;
    expect(LANGS, label).toContain(c.lang);
    expect(kinds, label).toContain(c.kind);
    expect(c.query.trim(), label).not.toBe('');
    expect(c.answers.length, `${label} has no answer page`).toBeGreaterThan(0);
    for (const page of c.answers) expect(pages.has(page), `${label}: no chapter, instrument or module "${page}"`).toBe(true);
    expect(seen.has(`${c.lang}|${c.query}`), `${label} is listed twice`).toBe(false);
    seen.add(`${c.lang}|${c.query}`);
  }
}

describe('the query sets', () => {
  it('the 120 reviewed queries: both languages, every kind, each expected page exists', () => {
    const cases = oldQueries();
    expect(cases.length).toBeGreaterThanOrEqual(120);
    for (const lang of LANGS) expect(cases.filter((c) => c.lang === lang).length, lang).toBeGreaterThanOrEqual(60);
    for (const kind of OLD_KINDS) expect(cases.some((c) => c.kind === kind), kind).toBe(true);
    checkWellFormed(cases, OLD_KINDS);
  });

  it('the 150 questions from the sources: two thirds Spanish, every kind, each answer page exists', () => {
    const cases = newQuestions();
    expect(cases.length).toBe(150);
    expect(cases.filter((c) => c.lang === 'es').length).toBeGreaterThanOrEqual(100);
    for (const kind of NEW_KINDS) expect(cases.some((c) => c.kind === kind), kind).toBe(true);
    checkWellFormed(cases, NEW_KINDS);
  });
});

describe('search quality on the real manual', () => {
  it('finds the expected page among the first three for the 120 reviewed queries, no fewer than measured', () => {
    const scores = scoreSet(oldQueries(), chapters);
    const report = `${describeScores(scores)}\nmisses (top 3):\n${misses(scores, 3)}`;
    for (const s of scores) expect(s.top3 / s.total, `${s.lang}: ${report}`).toBeGreaterThanOrEqual(OLD_MIN_TOP3[s.lang] - 1e-9);
  });

  it('answers the 150 questions from the sources first (top-1) and among the first three (top-3), per language, no fewer than measured', () => {
    const scores = scoreSet(newQuestions(), chapters);
    const report = `${describeScores(scores)}\nmisses (top 1):\n${misses(scores, 1)}`;
    for (const s of scores) {
      expect(s.top1 / s.total, `${s.lang} top-1 ${percent(s.top1, s.total)} %: ${report}`).toBeGreaterThanOrEqual(NEW_MIN[s.lang].top1 - 1e-9);
      expect(s.top3 / s.total, `${s.lang} top-3 ${percent(s.top3, s.total)} %: ${report}`).toBeGreaterThanOrEqual(NEW_MIN[s.lang].top3 - 1e-9);
    }
  });
});
