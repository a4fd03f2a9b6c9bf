/**
 * Search quality on the real manual: the reviewed queries of test/search-queries.json (what
 * field staff type, each with the chapter that best answers it) must find their chapter among
 * the first three results for at least 90 % of them. `npm run bench` prints the same hit
 * rate beside a MiniSearch baseline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../common/facets.ts';
import { createSearchEngine, type SearchEngine } from '../../common/search/search-engine.ts';
import { buildSearchIndexes } from '../../scripts/content/build-artifacts.ts';
import { loadContent } from '../../scripts/content/load-content.ts';

const KINDS = ['plain', 'unaccented', 'misspelled', 'regional-synonym', 'question'] as const;
const MIN_HIT_RATE = 0.9;
const TOP = 3;

interface QueryCase {
  lang: Lang;
  query: string;
  expect: string;
  kind: (typeof KINDS)[number];
  note: string;
}

const cases = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../search-queries.json'), 'utf8')) as QueryCase[];

let content: ReturnType<typeof loadContent>;
let engines: Record<Lang, SearchEngine>;

beforeAll(async () => {
  content = loadContent(path.resolve(import.meta.dirname, '../../content'));
  const data = await buildSearchIndexes(content);
  engines = { en: createSearchEngine(data.en), es: createSearchEngine(data.es) };
}, 120_000);

describe('the reviewed query set', () => {
  it('has at least 60 queries, 25 per language, and every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const lang of LANGS) expect(cases.filter((c) => c.lang === lang).length, lang).toBeGreaterThanOrEqual(25);
    for (const kind of KINDS) expect(cases.some((c) => c.kind === kind), kind).toBe(true);
  });

  it('is well formed: known languages and kinds, a note, no duplicate, and each expected page exists', () => {
    const pages = new Set([...content.chapters.map((c) => c.frontmatter.id), ...content.instruments.map((f) => f.id), ...content.workshopModules.map((m) => m.id)]);
    const seen = new Set<string>();
    for (const c of cases) {
      const label = `${c.lang}: ${JSON.stringify(c.query)}`;
      expect(LANGS, label).toContain(c.lang);
      expect(KINDS, label).toContain(c.kind);
      expect(c.query.trim(), label).not.toBe('');
      expect(c.note.trim(), label).not.toBe('');
      expect(pages.has(c.expect), `${label}: no chapter, instrument or module "${c.expect}"`).toBe(true);
      expect(seen.has(`${c.lang}|${c.query}`), `${label} is listed twice`).toBe(false);
      seen.add(`${c.lang}|${c.query}`);
    }
  });
});

describe('search quality on the real manual', () => {
  it(`finds the expected chapter in the top ${TOP} results for at least ${MIN_HIT_RATE * 100} % of the queries`, () => {
    const misses: string[] = [];
    const byKind = new Map<string, { hits: number; total: number }>();
    for (const c of cases) {
      const top = engines[c.lang].search(c.query).groups.slice(0, TOP).map((g) => g.chapterId);
      const hit = top.includes(c.expect);
      const k = byKind.get(`${c.lang} ${c.kind}`) ?? { hits: 0, total: 0 };
      k.total++;
      if (hit) k.hits++;
      byKind.set(`${c.lang} ${c.kind}`, k);
      if (!hit) misses.push(`  [${c.lang}] ${JSON.stringify(c.query)} expected ${c.expect}, top ${TOP}: ${top.join(', ') || '(nothing)'}`);
    }
    const rate = (cases.length - misses.length) / cases.length;
    const kinds = [...byKind].map(([k, v]) => `${k} ${v.hits}/${v.total}`).join('; ');
    const report = `hit rate ${(rate * 100).toFixed(1)} % (${cases.length - misses.length}/${cases.length}); by kind: ${kinds}\nmisses:\n${misses.join('\n')}`;
    if (rate < MIN_HIT_RATE) console.log(report);
    expect(rate, report).toBeGreaterThanOrEqual(MIN_HIT_RATE);
  });
});
