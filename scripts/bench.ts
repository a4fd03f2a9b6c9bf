/**
 * `npm run bench`: search speed and size on the real corpus and on a synthetic corpus 100
 * times larger, index load time, and the first bundle's gzip size. Prints figures; the
 * targets are printed beside them, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../common/facets.ts';
import { buildSearchIndex } from '../common/search/build-search-index.ts';
import { createSearchEngine } from '../common/search/search-engine.ts';
import type { SearchDoc, SearchIndexData } from '../common/search/search-types.ts';
import { loadContent, searchDocs } from './content/load-content.ts';
import { BUILT_RENDERER_DIR } from './load-built-index.ts';

const QUERIES: Record<Lang, string[]> = {
  es: ['pallaqueo', 'jancheo', 'barranquilla', 'niños', 'nino mina', 'trabajo infantil', 'mercurio', 'monitoreo comunitario', 'palaqueo', 'educacion', 'formalización', 'cooperativa', 'mujeres mineras', 'tra', 'linea de base', 'guarderia'],
  en: ['child labour', 'monitoring', 'mercury', 'withdrawn children', 'pallaqueo', 'jancheo', 'cooperative', 'shaft', 'formalisation', 'girls', 'minng', 'chil', 'baseline', 'women miners', 'school', 'prevented'],
};
const RUNS = 30;

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

function measure(label: string, data: SearchIndexData) {
  const json = JSON.stringify(data);
  const loads: number[] = [];
  let engine = createSearchEngine(JSON.parse(json) as SearchIndexData);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    engine = createSearchEngine(JSON.parse(json) as SearchIndexData);
    loads.push(performance.now() - t0);
  }
  const times: number[] = [];
  for (const q of QUERIES[data.lang]) engine.search(q); // warm up
  for (let r = 0; r < RUNS; r++) {
    for (const q of QUERIES[data.lang]) {
      const t0 = performance.now();
      engine.search(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  return {
    corpus: label,
    lang: data.lang,
    docs: data.docs.length,
    'index KB': Math.round(json.length / 1024),
    'index KB gzip': Math.round(gzipSync(json).length / 1024),
    'load ms (median)': +percentile(loads, 50).toFixed(1),
    'p50 ms': +percentile(times, 50).toFixed(3),
    'p95 ms': +percentile(times, 95).toFixed(3),
    'max ms': +times[times.length - 1].toFixed(2),
  };
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
const rows = [];
for (const lang of ['en', 'es'] as const) {
  const docs = searchDocs(content, lang);
  rows.push(measure('real', await buildSearchIndex(lang, docs, content.glossary)));
  const t0 = performance.now();
  const big = await buildSearchIndex(lang, synthetic(docs, 100), content.glossary);
  const buildMs = performance.now() - t0;
  rows.push({ ...measure('100× synthetic', big), 'build s': +(buildMs / 1000).toFixed(1) });
}
console.log(`Search over ${QUERIES.en.length} English and ${QUERIES.es.length} Spanish queries, ${RUNS} runs each (node ${process.version}).`);
console.table(rows);
console.log('Targets: p95 ≤ 2 ms (real), ≤ 15 ms (100×); index load ≤ 50 ms (real).');
const bundle = firstBundle();
if (bundle) console.log(`First bundle (JS and CSS loaded by index.html): ${bundle.gzipKB} KB gzip — target ≤ 200 KB [${bundle.files.join(', ')}]`);
else console.log('First bundle: dist/renderer is missing; run `npm run build:renderer` first.');
