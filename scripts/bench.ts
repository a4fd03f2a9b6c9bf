/**
 * `npm run bench`: Puente's search against a baseline (MiniSearch, default options plus
 * accent folding) over the same documents and the same reviewed queries
 * (test/search-queries.json), on the real corpus and on a synthetic corpus 100 times larger:
 * top-3 hit rate, latency, index size and load time; then the first bundle's gzip size.
 * Prints figures; the targets are printed beside them, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../common/facets.ts';
import { buildSearchIndex } from '../common/search/build-search-index.ts';
import { createSearchEngine } from '../common/search/search-engine.ts';
import type { SearchDoc, SearchIndexData } from '../common/search/search-types.ts';
import { buildMiniSearch, loadMiniSearch, miniSearchChapters, serializeMiniSearch } from './bench/minisearch-baseline.ts';
import { loadContent } from './content/load-content.ts';
import { searchDocs } from './content/search-documents.ts';
import { BUILT_RENDERER_DIR } from './load-built-index.ts';

interface QueryCase {
  lang: Lang;
  query: string;
  expect: string;
}

const QUERIES_FILE = path.resolve(import.meta.dirname, '../test/search-queries.json');
const CASES = JSON.parse(readFileSync(QUERIES_FILE, 'utf8')) as QueryCase[];
/** Timed runs over the query set: more on the real corpus, where one search is quick. */
const RUNS = { real: 50, synthetic: 3 };
const LOADS = { real: 7, synthetic: 3 };
/** Groups asked for when checking the hit rate on the synthetic corpus, where each chapter has 100 copies. */
const SYNTHETIC_GROUPS = 400;
/** The search dialog asks for 12 chapters (renderer/src/components/SearchDialog.tsx); both engines are timed giving that many. */
const APP_LIMIT = 12;

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

/** The real chapter a synthetic copy stands for (`monitoring-37` → monitoring). */
const baseChapter = (id: string, isSynthetic: boolean) => (isSynthetic ? id.replace(/-\d+$/, '') : id);

/** The first three distinct chapters of a ranked list. */
function top3(chapters: string[], isSynthetic: boolean): string[] {
  const out: string[] = [];
  for (const c of chapters) {
    const base = baseChapter(c, isSynthetic);
    if (!out.includes(base)) out.push(base);
    if (out.length === 3) break;
  }
  return out;
}

interface Engine {
  /** Parses and loads the serialized index; returns a function that runs one query as the app would and the ranked chapter ids for the hit rate. */
  load(): { run: (q: string) => unknown; chapters: (q: string, isSynthetic: boolean) => string[] };
}

interface Row {
  corpus: string;
  lang: Lang;
  engine: string;
  docs: number;
  'hit@3 %': number;
  'p50 ms': number;
  'p95 ms': number;
  'max ms': number;
  'index KB': number;
  'load ms': number;
  '1st search ms': number;
  'build s': number;
}

function measure(engineName: string, corpus: 'real' | 'synthetic', lang: Lang, docCount: number, json: string, buildMs: number, engine: Engine): Row {
  const cases = CASES.filter((c) => c.lang === lang);
  const isSynthetic = corpus === 'synthetic';
  // Latency first, right after one load, so that the garbage of the other loads and of the
  // hit-rate pass is not collected during the timed searches.
  const loads: number[] = [];
  let t0 = performance.now();
  let loaded = engine.load();
  loads.push(performance.now() - t0);
  t0 = performance.now();
  loaded.run(cases[0].query);
  const firstSearch = performance.now() - t0;
  for (const c of cases) loaded.run(c.query); // warm up
  const times: number[] = [];
  for (let r = 0; r < RUNS[corpus]; r++) {
    for (const c of cases) {
      t0 = performance.now();
      loaded.run(c.query);
      times.push(performance.now() - t0);
    }
  }
  const hits = cases.filter((c) => top3(loaded.chapters(c.query, isSynthetic), isSynthetic).includes(c.expect)).length;
  for (let i = 1; i < LOADS[corpus]; i++) {
    t0 = performance.now();
    loaded = engine.load();
    loads.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  return {
    corpus: corpus === 'real' ? 'real' : '100× synthetic',
    lang,
    engine: engineName,
    docs: docCount,
    'hit@3 %': +((100 * hits) / cases.length).toFixed(1),
    'p50 ms': +percentile(times, 50).toFixed(3),
    'p95 ms': +percentile(times, 95).toFixed(3),
    'max ms': +times[times.length - 1].toFixed(2),
    'index KB': Math.round(Buffer.byteLength(json) / 1024),
    'load ms': +percentile(loads, 50).toFixed(1),
    '1st search ms': +firstSearch.toFixed(2),
    'build s': +(buildMs / 1000).toFixed(1),
  };
}

async function puente(corpus: 'real' | 'synthetic', lang: Lang, docs: SearchDoc[], glossary: Parameters<typeof buildSearchIndex>[2]): Promise<Row> {
  const t0 = performance.now();
  const data = await buildSearchIndex(lang, docs, glossary);
  const buildMs = performance.now() - t0;
  const json = JSON.stringify(data);
  return measure('Puente', corpus, lang, docs.length, json, buildMs, {
    load: () => {
      const engine = createSearchEngine(JSON.parse(json) as SearchIndexData);
      return {
        run: (q) => engine.search(q, { limit: APP_LIMIT }),
        chapters: (q, isSynthetic) => engine.search(q, isSynthetic ? { limit: SYNTHETIC_GROUPS, hitsPerChapter: 0 } : { hitsPerChapter: 0 }).groups.map((g) => g.chapterId),
      };
    },
  });
}

function miniSearch(corpus: 'real' | 'synthetic', lang: Lang, docs: SearchDoc[]): Row {
  const t0 = performance.now();
  const json = serializeMiniSearch(buildMiniSearch(docs));
  const buildMs = performance.now() - t0;
  return measure('MiniSearch', corpus, lang, docs.length, json, buildMs, {
    load: () => {
      const index = loadMiniSearch(json);
      return {
        run: (q) => miniSearchChapters(index, docs, q, APP_LIMIT),
        chapters: (q, isSynthetic) => miniSearchChapters(index, docs, q, isSynthetic ? SYNTHETIC_GROUPS : 20),
      };
    },
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
  rows.push(await puente('real', lang, docs, content.glossary), miniSearch('real', lang, docs));
  if (realOnly) continue;
  const big = synthetic(docs, 100);
  rows.push(await puente('synthetic', lang, big, content.glossary), miniSearch('synthetic', lang, big));
}

const count = (lang: Lang) => CASES.filter((c) => c.lang === lang).length;
console.log(`Search over the ${CASES.length} reviewed queries of test/search-queries.json (${count('en')} English, ${count('es')} Spanish), node ${process.version}.`);
console.log(`Latency: ${RUNS.real} runs of every query (real corpus), ${RUNS.synthetic} (100×), after a warm-up. Puente: the search as the app calls it (${APP_LIMIT} chapters,`);
console.log(`3 hits each, with snippets); MiniSearch: search, then results grouped into ${APP_LIMIT} chapters (no snippets). hit@3: the expected chapter among the first 3 chapters`);
console.log('(100×: among the first 3 distinct chapters, copies counting as their chapter). Load: JSON.parse + load of the serialized index (median);');
console.log("1st search: the first query after loading (lazy set-up included). Puente's index holds the documents it makes snippets from; MiniSearch's holds no text.");
console.table(rows);

console.log('Targets (printed, not enforced):');
for (const corpus of ['real', '100× synthetic']) {
  for (const lang of ['en', 'es'] as const) {
    const p = rows.find((r) => r.corpus === corpus && r.lang === lang && r.engine === 'Puente');
    const m = rows.find((r) => r.corpus === corpus && r.lang === lang && r.engine === 'MiniSearch');
    if (!p || !m) continue;
    const ratio = m['p95 ms'] / p['p95 ms'];
    const hit = p['hit@3 %'] >= m['hit@3 %'] ? 'met' : 'NOT met';
    const fast = ratio >= 5 ? 'met' : 'NOT met';
    console.log(`  ${corpus.padEnd(15)} ${lang}: hit rate ${p['hit@3 %']}% vs ${m['hit@3 %']}% (Puente ≥ MiniSearch: ${hit}); p95 ${p['p95 ms']} vs ${m['p95 ms']} ms = ${ratio.toFixed(1)}× lower (≥ 5×: ${fast})`);
  }
}
const real = rows.filter((r) => r.engine === 'Puente' && r.corpus === 'real');
const big = rows.filter((r) => r.engine === 'Puente' && r.corpus !== 'real');
const ok = (b: boolean) => (b ? 'met' : 'NOT met');
const bigTarget = big.length ? `; ≤ 15 ms (100×): ${ok(big.every((r) => r['p95 ms'] <= 15))}` : '';
console.log(`  Puente p95 ≤ 2 ms (real): ${ok(real.every((r) => r['p95 ms'] <= 2))}${bigTarget}; index load ≤ 50 ms (real): ${ok(real.every((r) => r['load ms'] <= 50))}.`);
const bundle = firstBundle();
if (bundle) console.log(`First bundle (JS and CSS loaded by index.html): ${bundle.gzipKB} KB gzip — target ≤ 200 KB [${bundle.files.join(', ')}]`);
else console.log('First bundle: dist/renderer is missing; run `npm run build:renderer` first.');
