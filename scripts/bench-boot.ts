/**
 * Part of `npm run bench`: how fast a chapter appears, side by side in one run, for the app
 * and for the same chapter saved as a static page without scripts, both served by the app's
 * own loopback server and loaded cold (a fresh Chromium profile each time), with the CPU at
 * full speed and slowed fourfold. Also the entry's JS, the JS a plain chapter loads, and the
 * renderer's heap. Prints figures with their targets beside them; asserts nothing.
 *
 *   tsx scripts/bench-boot.ts [--base OTHER_DIST] [--runs 7] [--chapter en/<id>]
 *
 * --base adds a second build (another checkout's dist/renderer) as a column, measured in the
 * same run, so a change can be compared with what it replaces.
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
    base: { type: 'string' },
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
const sources = [...(args.base ? [{ label: 'base', source: path.resolve(args.base) }] : []), { label: 'now', source: BUILT_RENDERER_DIR }];
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
    builds.push({ label, source, url, dir, staticPage: rendered.staticPage, chapterScripts: rendered.scripts, times: new Map() });
  }

  // Interleaved, so a slower moment of the machine falls on every column alike.
  const key = (page: 'app' | 'static', slowdown: number) => `${page} ${slowdown}`;
  for (let run = 0; run < RUNS; run++) {
    for (const slowdown of CPU_SLOWDOWNS) {
      for (const b of builds) {
        // Which of the two goes first changes every round.
        for (const page of run % 2 ? (['static', 'app'] as const) : (['app', 'static'] as const)) {
          const url = page === 'app' ? `${b.url}index.html${route}` : `${b.url}${b.staticPage}`;
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
    const m = (b: Build, page: 'app' | 'static', what: keyof PaintTimes) => median(b.times.get(key(page, slowdown))!.map((t) => t[what]));
    const cpu = slowdown === 1 ? 'CPU 1×' : `CPU ${slowdown}× slower`;
    // The ratio of each round's two loads, made one after the other, then the median: a busy moment of the machine weighs on both.
    const ratio = (b: Build, what: keyof PaintTimes) => {
      const app = b.times.get(key('app', slowdown))!;
      const page = b.times.get(key('static', slowdown))!;
      return `${median(app.map((t, i) => t[what] / page[i][what])).toFixed(2)}×`;
    };
    row(`heading, app (ms, ${cpu})`, (b) => m(b, 'app', 'heading').toFixed(0));
    row(`heading, static page (ms, ${cpu})`, (b) => m(b, 'static', 'heading').toFixed(0));
    row(`  app ÷ static, per round`, (b) => ratio(b, 'heading'), `≤ ${TARGET.ratio}×`);
    row(`first paragraph, app (ms, ${cpu})`, (b) => m(b, 'app', 'text').toFixed(0));
    row(`first paragraph, static page (ms, ${cpu})`, (b) => m(b, 'static', 'text').toFixed(0));
    row(`  app ÷ static, per round`, (b) => ratio(b, 'text'));
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
