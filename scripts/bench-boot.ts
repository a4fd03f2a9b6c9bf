/**
 * Part of `npm run bench`: how fast a chapter appears, side by side in one run, for the app
 * and for the same chapter saved as a static page without scripts, both served by the app's
 * own loopback server and loaded cold (a fresh Chromium profile each time), with the CPU at
 * full speed and slowed fourfold. Also the entry's JS, the JS a plain chapter loads, and the
 * renderer's heap. Prints figures with their targets beside them; asserts nothing.
 *
 *   tsx scripts/bench-boot.ts [--base OTHER_DIST]… [--runs 7] [--chapter en/<id>]
 *
 * Each --base adds a build (another checkout's dist/renderer) as a column, named by its folder,
 * measured in the same run, so a change can be compared with what it replaces.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentManifest } from '../common/content-schema.ts';
import { bootChromiumPath, coldPaintTimes, type PaintTimes } from './bench/boot-browser.ts';
import { measureHeap, type HeapFigures } from './bench/boot-heap.ts';
import { entryScripts, gzipBytes, renderChapter } from './bench/boot-pages.ts';
import { BUILT_RENDERER_DIR } from './load-built-index.ts';
import { serveStatic } from './serve-static.ts';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', multiple: true },
    runs: { type: 'string', default: process.env.BENCH_BOOT_RUNS ?? '7' },
    chapter: { type: 'string', default: 'en/child-labour-in-small-scale-mining' },
  },
});
const RUNS = Number(args.runs);
const CPU_SLOWDOWNS = [1, 4];
const TARGET = { ratio: 1.3, entryKB: 100, chapterKB: 150 };

interface Build {
  label: string;
  source: string;
  url: string;
  dir: string;
  staticPage: string;
  prerenderedPage: string;
  chapterScripts: string[];
  times: Map<string, PaintTimes[]>;
  heap?: HeapFigures;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes: number) => +(bytes / 1024).toFixed(1);

const loadBefore = loadavg()[0].toFixed(1);
const bases = args.base ?? [];
const sources = [
  ...bases.map((dir) => ({ label: bases.length === 1 ? 'base' : path.basename(path.resolve(dir)), source: path.resolve(dir) })),
  { label: 'now', source: BUILT_RENDERER_DIR },
];
const [lang, chapterId] = args.chapter.split('/');
const route = `#/${lang}/${chapterId}`;

// One server for everything: each build is copied into its own folder, with its static page beside it.
const root = mkdtempSync(path.join(tmpdir(), 'puente-boot-'));
const server = await serveStatic(root);
try {
  const builds: Build[] = [];
  for (const { label, source } of sources) {
    const dir = path.join(root, label);
    cpSync(source, dir, { recursive: true });
    const url = `${server.url}${label}/`;
    const rendered = await renderChapter(url, dir, route);
    builds.push({ label, source, url, dir, staticPage: rendered.staticPage, prerenderedPage: rendered.prerenderedPage, chapterScripts: rendered.scripts, times: new Map() });
  }

  // Interleaved, so a slower moment of the machine falls on every column alike.
  type PageKind = 'app' | 'static' | 'prerendered';
  const key = (page: PageKind, slowdown: number) => `${page} ${slowdown}`;
  const urls: Record<PageKind, (b: Build) => string> = {
    app: (b) => `${b.url}index.html${route}`,
    static: (b) => `${b.url}${b.staticPage}`,
    prerendered: (b) => `${b.url}${b.prerenderedPage}${route}`,
  };
  // Pre-rendering is measured on the build being looked at only, to see what it would bring.
  const kinds = (b: Build): PageKind[] => (b === builds[builds.length - 1] ? ['app', 'static', 'prerendered'] : ['app', 'static']);
  for (let run = 0; run < RUNS; run++) {
    for (const slowdown of CPU_SLOWDOWNS) {
      for (const b of builds) {
        // Which goes first changes every round.
        const order = kinds(b);
        for (const page of run % 2 ? order.reverse() : order) {
          const url = urls[page](b);
          const t = await coldPaintTimes(url, slowdown);
          b.times.set(key(page, slowdown), [...(b.times.get(key(page, slowdown)) ?? []), t]);
        }
      }
    }
    process.stdout.write(`\rcold loads: ${run + 1}/${RUNS} rounds`);
  }
  process.stdout.write('\n');

  const manifest = JSON.parse(readFileSync(path.join(BUILT_RENDERER_DIR, 'content-manifest.json'), 'utf8')) as ContentManifest;
  const chapters = (l: 'en' | 'es') => manifest.chapters.filter((c) => c.lang === l && c.kind === 'chapter').slice(0, 10).map((c) => c.id);
  for (const b of builds) b.heap = await measureHeap(b.url, { en: chapters('en'), es: chapters('es') }, { en: 'mercury', es: 'mercurio' });

  const rows: Array<[string, ...string[]]> = [];
  const row = (name: string, cell: (b: Build) => string, target = '') => rows.push([name, ...builds.map(cell), target]);
  for (const slowdown of CPU_SLOWDOWNS) {
    const m = (b: Build, page: PageKind, what: keyof PaintTimes) => {
      const times = b.times.get(key(page, slowdown));
      return times ? median(times.map((t) => t[what])).toFixed(0) : '—';
    };
    const cpu = slowdown === 1 ? 'CPU 1×' : `CPU ${slowdown}× slower`;
    // The ratio of each round's two loads, made one after the other, then the median: a busy moment of the machine weighs on both.
    const ratio = (b: Build, page: PageKind, what: keyof PaintTimes) => {
      const times = b.times.get(key(page, slowdown));
      const base = b.times.get(key('static', slowdown))!;
      return times ? `${median(times.map((t, i) => t[what] / base[i][what])).toFixed(2)}×` : '—';
    };
    for (const what of ['heading', 'text'] as const) {
      const name = what === 'heading' ? 'heading' : 'first paragraph';
      row(`${name}, static page (ms, ${cpu})`, (b) => m(b, 'static', what));
      row(`${name}, app (ms, ${cpu})`, (b) => m(b, 'app', what));
      row(`  app ÷ static, per round`, (b) => ratio(b, 'app', what), what === 'heading' ? `≤ ${TARGET.ratio}×` : '');
      row(`${name}, app on a pre-rendered page (ms, ${cpu})`, (b) => m(b, 'prerendered', what));
      row(`  pre-rendered ÷ static, per round`, (b) => ratio(b, 'prerendered', what));
    }
  }
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipBytes(f), 0);
  row('entry JS (KB gzip)', (b) => String(kb(sum(entryScripts(b.dir)))), `≤ ${TARGET.entryKB}`);
  row('JS loaded by the chapter (KB gzip)', (b) => String(kb(sum(b.chapterScripts.map((f) => path.join(b.dir, f))))), `≤ ${TARGET.chapterKB}`);
  row('  scripts', (b) => String(b.chapterScripts.length));
  row('JS heap after 20 chapters + 2 searches (MB)', (b) => String(b.heap!.afterReading));
  row('JS heap, same chapter ×N, then ×2N (MB)', (b) => `${b.heap!.sameChapter.first} → ${b.heap!.sameChapter.second}`, 'no growth');

  console.log(`\nBoot: ${route}, median of ${RUNS} cold loads each (fresh profile), ${path.basename(bootChromiumPath())} headless, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}; load average ${loadBefore} before, ${loadavg()[0].toFixed(1)} after`);
  for (const b of builds) console.log(`  ${b.label}: ${b.source}`);
  const header: [string, ...string[]] = ['', ...builds.map((b) => b.label), 'target'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  for (const r of [header, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   '));
  for (const b of builds) console.log(`  ${b.label}, scripts of the chapter: ${b.chapterScripts.join(', ')}`);
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
