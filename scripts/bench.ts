/**
 * `npm run bench`: Puente's search against a baseline, MiniSearch configured fairly (the same
 * tokenizer, thesaurus and glossary expansion and field boosts: scripts/bench/minisearch-baseline.ts),
 * over the same documents and both query sets (scripts/bench/search-question-sets.ts), on the
 * real corpus and on a synthetic corpus 100 times larger: quality (top-1 and top-3 per
 * language), latency, index size and load time, each beside its target; then the first
 * bundle's gzip size. Prints figures; the targets are printed beside them, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../common/facets.ts';
import { buildSearchIndex } from '../common/search/build-search-index.ts';
import { createSearchEngine, type SearchEngine } from '../common/search/search-engine.ts';
import type { SearchDoc, SearchIndexData } from '../common/search/search-types.ts';
import { buildMiniSearch, loadMiniSearch, miniSearchChapters, serializeMiniSearch } from './bench/minisearch-baseline.ts';
import { newQuestions, oldQueries, percent, scoreSet, type QueryCase } from './bench/search-question-sets.ts';
import { loadContent } from './content/load-content.ts';
import { searchDocs } from './content/search-documents.ts';
import { BUILT_RENDERER_DIR } from './load-built-index.ts';

/** Timed runs over the query sets: more on the real corpus, where one search is quick. */
const RUNS = { real: 30, synthetic: 3 };
const LOADS = { real: 7, synthetic: 3 };
/** Groups asked for when checking the hit rate on the synthetic corpus, where each chapter has 100 copies. */
const SYNTHETIC_GROUPS = 400;
/** The search dialog asks for 12 chapters (renderer/src/components/SearchDialog.tsx); both engines are timed giving that many. */
const APP_LIMIT = 12;
/**
 * Before issue 16 (commit 7b2ab1b, this bench): the hand-made BM25 engine's index size and its
 * top-3 on the 120 reviewed queries, and its top-1 and top-3 on the 150 questions from the sources.
 */
const BEFORE: Record<Lang, { indexKB: number; oldTop3: number; newTop1: number; newTop3: number }> = {
  en: { indexKB: 1195, oldTop3: 91.7, newTop1: 66, newTop3: 86 },
  es: { indexKB: 1316, oldTop3: 93.3, newTop1: 72, newTop3: 87 },
};
const TARGETS = { newTop1: 85, newTop3: 95, p95Real: 1, p95Synthetic: 10, speedup: 5 };

const ALL_CASES = [...oldQueries(), ...newQuestions()];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Copies of the corpus with part of each copy's words changed, so the vocabulary grows too. */
function synthetic(docs: SearchDoc[], factor: number): SearchDoc[] {
  const out: SearchDoc[] = [];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let copy = 0; copy < factor; copy++) {
    for (const d of docs) {
      const text = d.text.split(' ').map((w) => (rand() < 0.08 ? `${w}${Math.floor(rand() * 5000).toString(36)}` : w)).join(' ');
      out.push({ ...d, chapterId: `${d.chapterId}-${copy}`, text });
    }
  }
  return out;
}

/** The distinct real chapters of a ranked list (a synthetic copy counts as its chapter: `monitoring-37` → monitoring). */
function baseChapters(chapters: string[], isSynthetic: boolean): string[] {
  const out: string[] = [];
  for (const c of chapters) {
    const base = isSynthetic ? c.replace(/-\d+$/, '') : c;
    if (!out.includes(base)) out.push(base);
  }
  return out;
}

interface Loaded {
  /** Runs one query as the app would. */
  run: (q: string) => unknown;
  /** The ranked chapter ids of a query, for the hit rates. */
  chapters: (q: string) => string[];
}

interface Row {
  corpus: string;
  lang: Lang;
  engine: string;
  docs: number;
  'old top-3 %': number;
  'new top-1 %': number;
  'new top-3 %': number;
  'p50 ms': number;
  'p95 ms': number;
  'p95 typical ms': number;
  'index KB': number;
  'load ms': number;
  'build s': number;
}

function measure(engineName: string, corpus: 'real' | 'synthetic', lang: Lang, docCount: number, json: string, buildMs: number, load: () => Loaded): Row {
  const cases = ALL_CASES.filter((c) => c.lang === lang);
  // Latency first, right after one load, so that the garbage of the other loads and of the
  // hit-rate pass is not collected during the timed searches.
  const loads: number[] = [];
  let t0 = performance.now();
  let loaded = load();
  loads.push(performance.now() - t0);
  for (const c of cases) loaded.run(c.query); // warm up
  const times: number[] = [];
  const perQuery = cases.map(() => [] as number[]);
  for (let r = 0; r < RUNS[corpus]; r++) {
    cases.forEach((c, i) => {
      t0 = performance.now();
      loaded.run(c.query);
      const ms = performance.now() - t0;
      times.push(ms);
      perQuery[i].push(ms);
    });
  }
  const ranked = (set: QueryCase[]) => scoreSet(set, (_lang, q) => baseChapters(loaded.chapters(q), corpus === 'synthetic'));
  const oldScore = ranked(oldQueries()).find((s) => s.lang === lang)!;
  const newScore = ranked(newQuestions()).find((s) => s.lang === lang)!;
  for (let i = 1; i < LOADS[corpus]; i++) {
    t0 = performance.now();
    loaded = load();
    loads.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  // Each query's median time: a machine busy with other work delays single runs, not the median.
  const typical = perQuery.map((l) => l.sort((a, b) => a - b)[l.length >> 1]).sort((a, b) => a - b);
  return {
    corpus: corpus === 'real' ? 'real' : '100× synthetic',
    lang,
    engine: engineName,
    docs: docCount,
    'old top-3 %': percent(oldScore.top3, oldScore.total),
    'new top-1 %': percent(newScore.top1, newScore.total),
    'new top-3 %': percent(newScore.top3, newScore.total),
    'p50 ms': +percentile(times, 50).toFixed(3),
    'p95 ms': +percentile(times, 95).toFixed(3),
    'p95 typical ms': +percentile(typical, 95).toFixed(3),
    'index KB': Math.round(Buffer.byteLength(json) / 1024),
    'load ms': +percentile(loads, 50).toFixed(1),
    'build s': +(buildMs / 1000).toFixed(1),
  };
}

async function puente(corpus: 'real' | 'synthetic', lang: Lang, docs: SearchDoc[]): Promise<{ row: Row; engine: SearchEngine }> {
  const t0 = performance.now();
  const data = await buildSearchIndex(lang, docs, content.glossary, content.thesaurus);
  const buildMs = performance.now() - t0;
  const json = JSON.stringify(data);
  let engine = createSearchEngine(JSON.parse(json) as SearchIndexData);
  const row = measure('Puente', corpus, lang, docs.length, json, buildMs, () => {
    engine = createSearchEngine(JSON.parse(json) as SearchIndexData);
    const e = engine;
    return {
      run: (q) => e.search(q, { limit: APP_LIMIT }),
      chapters: (q) => e.search(q, corpus === 'synthetic' ? { limit: SYNTHETIC_GROUPS, hitsPerChapter: 0 } : { hitsPerChapter: 0 }).groups.map((g) => g.chapterId),
    };
  });
  return { row, engine };
}

/** MiniSearch with Puente's reading of the query (`reader`: a Puente engine over the same documents, for its planner). */
function miniSearch(corpus: 'real' | 'synthetic', lang: Lang, docs: SearchDoc[], reader: SearchEngine): Row {
  const t0 = performance.now();
  const json = serializeMiniSearch(buildMiniSearch(docs, lang));
  const buildMs = performance.now() - t0;
  return measure('MiniSearch', corpus, lang, docs.length, json, buildMs, () => {
    const index = loadMiniSearch(json, lang);
    return {
      run: (q) => miniSearchChapters(index, docs, reader.readQuery(q), APP_LIMIT),
      chapters: (q) => miniSearchChapters(index, docs, reader.readQuery(q), corpus === 'synthetic' ? SYNTHETIC_GROUPS : 20),
    };
  });
}

function firstBundle(): { files: string[]; gzipKB: number } | null {
  const html = path.join(BUILT_RENDERER_DIR, 'index.html');
  if (!existsSync(html)) return null;
  const text = readFileSync(html, 'utf8');
  const files = [...text.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(BUILT_RENDERER_DIR, f))).length, 0);
  return { files, gzipKB: +(bytes / 1024).toFixed(1) };
}

const content = loadContent(path.resolve(import.meta.dirname, '../content'));
if (content.problems.length) throw new Error('content is not valid: run npm run validate');
/** `--real-only`: the real corpus only (a few seconds instead of minutes), for trying a change. */
const realOnly = process.argv.includes('--real-only');
const rows: Row[] = [];
for (const lang of ['en', 'es'] as const) {
  const docs = searchDocs(content, lang);
  const real = await puente('real', lang, docs);
  rows.push(real.row, miniSearch('real', lang, docs, real.engine));
  if (realOnly) continue;
  const big = synthetic(docs, 100);
  const large = await puente('synthetic', lang, big);
  rows.push(large.row, miniSearch('synthetic', lang, big, large.engine));
}

const count = (lang: Lang, cases: QueryCase[]) => cases.filter((c) => c.lang === lang).length;
console.log(`Search over the 120 reviewed queries (${count('en', oldQueries())} English, ${count('es', oldQueries())} Spanish) and the 150 questions from the sources (${count('en', newQuestions())} English, ${count('es', newQuestions())} Spanish), node ${process.version}.`);
console.log(`Latency: ${RUNS.real} runs of every query of both sets (real corpus), ${RUNS.synthetic} (100×), after a warm-up. Puente: the search as the app calls it (${APP_LIMIT} chapters,`);
console.log(`3 hits each, with snippets); MiniSearch: the same reading of the query (filler, thesaurus, typos), its search, results grouped into ${APP_LIMIT} chapters (no snippets).`);
console.log("p95 typical: the 95th percentile of each query's median time, which a machine busy with other work disturbs less than single runs. Quality: old top-3, the expected page");
console.log('among the first 3 chapters of the 120 reviewed queries; new top-1 / top-3, an answer page first / among the first 3 of the 150 questions (100×: distinct chapters, copies counting');
console.log("as their chapter). Load: JSON.parse + load of the serialized index (median). Puente's index holds the documents it makes snippets from; MiniSearch's holds no text.");
console.table(rows);

const ok = (b: boolean) => (b ? 'met' : 'NOT met');
console.log('Targets (printed, not enforced), beside the engine before issue 16:');
for (const lang of ['en', 'es'] as const) {
  const p = rows.find((r) => r.corpus === 'real' && r.lang === lang && r.engine === 'Puente')!;
  const before = BEFORE[lang];
  console.log(`  ${lang} quality: new top-1 ${p['new top-1 %']} % (target ≥ ${TARGETS.newTop1} %: ${ok(p['new top-1 %'] >= TARGETS.newTop1)}; before ${before.newTop1} %), new top-3 ${p['new top-3 %']} % (≥ ${TARGETS.newTop3} %: ${ok(p['new top-3 %'] >= TARGETS.newTop3)}; before ${before.newTop3} %), old top-3 ${p['old top-3 %']} % (no drop from ${before.oldTop3} %: ${ok(p['old top-3 %'] >= before.oldTop3)})`);
  console.log(`  ${lang} index: ${p['index KB']} KB (≤ ${before.indexKB} KB before: ${ok(p['index KB'] <= before.indexKB)})`);
  for (const corpus of ['real', '100× synthetic']) {
    const pu = rows.find((r) => r.corpus === corpus && r.lang === lang && r.engine === 'Puente');
    const mi = rows.find((r) => r.corpus === corpus && r.lang === lang && r.engine === 'MiniSearch');
    if (!pu || !mi) continue;
    const limit = corpus === 'real' ? TARGETS.p95Real : TARGETS.p95Synthetic;
    const ratio = mi['p95 typical ms'] / pu['p95 typical ms'];
    const better = pu['new top-1 %'] >= mi['new top-1 %'] && pu['old top-3 %'] >= mi['old top-3 %'];
    console.log(`  ${lang} ${corpus.padEnd(14)} p95 ${pu['p95 ms']} ms, typical ${pu['p95 typical ms']} ms (≤ ${limit} ms: ${ok(pu['p95 typical ms'] <= limit)}); MiniSearch typical ${mi['p95 typical ms']} ms = ${ratio.toFixed(1)}× (≥ ${TARGETS.speedup}×: ${ok(ratio >= TARGETS.speedup)}) at a higher hit rate (${pu['new top-1 %']} vs ${mi['new top-1 %']} % new top-1, ${pu['old top-3 %']} vs ${mi['old top-3 %']} % old top-3: ${ok(better)})`);
  }
}
const bundle = firstBundle();
if (bundle) console.log(`First bundle (JS and CSS loaded by index.html): ${bundle.gzipKB} KB gzip — target ≤ 200 KB [${bundle.files.join(', ')}]`);
else console.log('First bundle: dist/renderer is missing; run `npm run build:renderer` first.');
