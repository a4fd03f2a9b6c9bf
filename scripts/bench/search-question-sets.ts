/**
 * The two query sets search is measured on, read the same way by the quality test and by
 * `npm run bench`: the 120 reviewed queries written alongside the engine
 * (test/search-queries.json, one expected page each) and the 150 questions written from the
 * source documents alone (test/search-questions-seeds.reviewed.json, each with the pages
 * whose text answers it). A query is answered at rank k when one of its answer pages is
 * among the first k chapters.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../../common/facets.ts';

export interface QueryCase {
  lang: Lang;
  query: string;
  /** Pages (chapter, instrument or module ids) whose text answers the query. */
  answers: string[];
  kind: string;
}

const TEST_DIR = path.resolve(import.meta.dirname, '../../test');
export const OLD_QUERIES_FILE = path.join(TEST_DIR, 'search-queries.json');
export const NEW_QUESTIONS_FILE = path.join(TEST_DIR, 'search-questions-seeds.reviewed.json');

/** The 120 reviewed queries: each expects one page. */
export function oldQueries(): QueryCase[] {
  const rows = JSON.parse(readFileSync(OLD_QUERIES_FILE, 'utf8')) as Array<{ lang: Lang; query: string; expect: string; kind: string }>;
  return rows.map((r) => ({ lang: r.lang, query: r.query, answers: [r.expect], kind: r.kind }));
}

/** The 150 questions from the source documents, with their reviewed answer pages. */
export function newQuestions(): QueryCase[] {
  const file = JSON.parse(readFileSync(NEW_QUESTIONS_FILE, 'utf8')) as { questions: Array<{ lang: Lang; q: string; answers: string[]; kind: string }> };
  return file.questions.map((r) => ({ lang: r.lang, query: r.q, answers: r.answers, kind: r.kind }));
}

export interface SetScore {
  lang: Lang;
  total: number;
  top1: number;
  top3: number;
  /** Queries whose first chapter is not an answer: the query, its answers and the first three chapters found. */
  misses: Array<{ query: string; answers: string[]; found: string[]; rank: number }>;
}

/** Top-1 and top-3 per language; `chapters` returns the ranked chapter ids of a query. */
export function scoreSet(cases: readonly QueryCase[], chapters: (lang: Lang, query: string) => string[]): SetScore[] {
  return LANGS.map((lang) => {
    const score: SetScore = { lang, total: 0, top1: 0, top3: 0, misses: [] };
    for (const c of cases.filter((x) => x.lang === lang)) {
      const found = chapters(lang, c.query);
      const rank = found.findIndex((id) => c.answers.includes(id)) + 1;
      score.total++;
      if (rank === 1) score.top1++;
      if (rank >= 1 && rank <= 3) score.top3++;
      if (rank !== 1) score.misses.push({ query: c.query, answers: c.answers, found: found.slice(0, 3), rank });
    }
    return score;
  });
}

export const percent = (n: number, total: number) => +((100 * n) / Math.max(1, total)).toFixed(1);

/** One line per language: "es top-1 71.0 % (71/100), top-3 83.0 %". */
export function describeScores(scores: readonly SetScore[]): string {
  return scores.map((s) => `${s.lang} top-1 ${percent(s.top1, s.total)} % (${s.top1}/${s.total}), top-3 ${percent(s.top3, s.total)} % (${s.top3}/${s.total})`).join('; ');
}
