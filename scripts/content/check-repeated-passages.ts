/**
 * Each passage said once: finds runs of 25 or more identical words (case and punctuation aside)
 * shared by two chapters of the same language, by hashing every 25-word shingle. Runs recorded
 * in the reviewed baseline are tolerated until they are fixed; any other run is a problem, located
 * in both chapters.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { z } from 'zod';
import type { Lang } from '../../common/facets.ts';
import type { ContentProblem } from './content-error.ts';

export const MIN_RUN_WORDS = 25;
export const BASELINE_FILE = 'repeated-passages-baseline.json';

/** The words a reader sees in one chapter, normalised, each with the line it is on. */
export interface ChapterWords {
  file: string;
  lang: Lang;
  words: string[];
  lines: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Reader-visible words of a chapter (text and inline code; not frontmatter, code blocks or attributes), lowercased. */
export function chapterWords(tree: Root, file: string, lang: Lang): ChapterWords {
  const words: string[] = [];
  const lines: number[] = [];
  const walk = (node: { type: string; value?: unknown; children?: unknown[]; position?: { start: { line: number } } }) => {
    if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') {
      const value = node.value.normalize('NFC').toLowerCase();
      let line = node.position?.start.line ?? 1;
      let last = 0;
      for (const m of value.matchAll(WORD)) {
        for (let i = last; i < m.index; i++) if (value.charCodeAt(i) === 10) line++;
        last = m.index;
        words.push(m[0]);
        lines.push(line);
      }
      return;
    }
    if (node.children) for (const child of node.children) walk(child as typeof node);
  };
  walk(tree);
  return { file, lang, words, lines };
}

/** One run of identical words shared by two chapters: where it starts in each, and its words. */
export interface RepeatedRun {
  files: [string, string];
  lines: [number, number];
  words: number;
  text: string;
}

const MOD = 2147483647; // 2^31 − 1: hash × base stays below 2^53
const BASE = 1_000_003;

/** Every maximal run of at least MIN_RUN_WORDS identical words between two chapters of the same language. */
export function findRepeatedRuns(chapters: ChapterWords[]): RepeatedRun[] {
  const runs: RepeatedRun[] = [];
  const k = MIN_RUN_WORDS;
  let power = 1; // BASE^(k−1) mod MOD, to drop the oldest word from the rolling hash
  for (let i = 1; i < k; i++) power = (power * BASE) % MOD;
  const langs = [...new Set(chapters.map((c) => c.lang))];
  for (const lang of langs) {
    const group = chapters.filter((c) => c.lang === lang).sort((a, b) => a.file.localeCompare(b.file));
    const vocabulary = new Map<string, number>();
    const ids = group.map((c) => Int32Array.from(c.words, (w) => {
      let id = vocabulary.get(w);
      if (id === undefined) vocabulary.set(w, (id = vocabulary.size + 1));
      return id;
    }));
    // Shingle hash → where it occurs, as chapter index × 2^20 + position (one number per occurrence).
    const seen = new Map<number, number[]>();
    ids.forEach((seq, ci) => {
      let h = 0;
      for (let i = 0; i < seq.length; i++) {
        if (i >= k) h = (h - ((seq[i - k] * power) % MOD) + MOD) % MOD;
        h = (h * BASE + seq[i]) % MOD;
        if (i < k - 1) continue;
        const at = ci * 2 ** 20 + (i - k + 1);
        const list = seen.get(h);
        if (list) list.push(at);
        else seen.set(h, [at]);
      }
    });
    // Matching shingles of two chapters, grouped by chapter pair and diagonal, then joined into runs.
    const diagonals = new Map<string, number[]>();
    for (const list of seen.values()) {
      if (list.length < 2) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const ca = Math.floor(list[x] / 2 ** 20), cb = Math.floor(list[y] / 2 ** 20);
          if (ca === cb) continue;
          const pa = list[x] % 2 ** 20, pb = list[y] % 2 ** 20;
          if (!sameWords(ids[ca], pa, ids[cb], pb, k)) continue; // a hash collision
          const key = `${ca} ${cb} ${pb - pa}`;
          const starts = diagonals.get(key);
          if (starts) starts.push(pa);
          else diagonals.set(key, [pa]);
        }
      }
    }
    for (const [key, starts] of diagonals) {
      const [ca, cb, offset] = key.split(' ').map(Number);
      starts.sort((a, b) => a - b);
      for (let i = 0; i < starts.length; ) {
        let j = i;
        while (j + 1 < starts.length && starts[j + 1] === starts[j] + 1) j++;
        const from = starts[i], words = starts[j] - from + k;
        const [a, b] = [group[ca], group[cb]];
        runs.push({ files: [a.file, b.file], lines: [a.lines[from], b.lines[from + offset]], words, text: a.words.slice(from, from + words).join(' ') });
        i = j + 1;
      }
    }
  }
  return runs.sort((x, y) => x.files[0].localeCompare(y.files[0]) || x.files[1].localeCompare(y.files[1]) || x.lines[0] - y.lines[0]);
}

function sameWords(a: Int32Array, pa: number, b: Int32Array, pb: number, k: number): boolean {
  for (let i = 0; i < k; i++) if (a[pa + i] !== b[pb + i]) return false;
  return true;
}

const baselineSchema = z.strictObject({
  note: z.string(),
  runs: z.array(z.strictObject({ files: z.tuple([z.string(), z.string()]), words: z.number().int(), text: z.string().min(1) })),
});
export type RepeatedPassagesBaseline = z.infer<typeof baselineSchema>;

export const BASELINE_NOTE = 'Runs of 25 or more identical words shared by two chapters of the same language, recorded when the check was introduced (issue 18) and reviewed as repetition to fix. The content build fails on any run not covered here. Remove an entry once its repetition is fixed (npm run validate warns when an entry no longer matches); never add one to silence the check: say the passage once and link to it.';

/** The baseline of tolerated runs (none when the file is absent), or a problem when it cannot be read. */
function readBaseline(root: string, problems: ContentProblem[]): RepeatedPassagesBaseline['runs'] {
  const file = path.join(root, BASELINE_FILE);
  if (!existsSync(file)) return [];
  const shown = `content/${BASELINE_FILE}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ file: shown, line: 1, message: `not valid JSON: ${(error as Error).message}` });
    return [];
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    problems.push({ file: shown, line: 1, message: `baseline: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}` });
    return [];
  }
  return parsed.data.runs;
}

const pairKey = (files: readonly string[]) => `${files[0]}\u0000${files[1]}`;
const within = (run: string, entry: string) => ` ${entry} `.includes(` ${run} `);

/**
 * Reports every run not covered by a baseline entry of the same two chapters (a run inside a
 * recorded one is covered: a shortened repetition is progress), and warns about entries that no
 * longer match any run, so they get removed.
 */
export function checkRepeatedPassages(root: string, chapters: ChapterWords[], problems: ContentProblem[], warnings: ContentProblem[]): void {
  const baseline = readBaseline(root, problems);
  const byPair = new Map<string, string[]>();
  for (const entry of baseline) {
    const key = pairKey(entry.files);
    byPair.set(key, [...(byPair.get(key) ?? []), entry.text]);
  }
  const used = new Set<string>();
  for (const run of findRepeatedRuns(chapters)) {
    const key = pairKey(run.files);
    const entry = byPair.get(key)?.find((text) => within(run.text, text));
    if (entry !== undefined) {
      used.add(`${key}\u0000${entry}`);
      continue;
    }
    const start = run.text.split(' ').slice(0, 8).join(' ');
    problems.push({
      file: run.files[0], line: run.lines[0],
      message: `${run.words} words ("${start} …") repeat ${run.files[1]}:${run.lines[1]}: say it in one place and link to it (runs of ${MIN_RUN_WORDS}+ identical words between chapters are refused; see content/${BASELINE_FILE})`,
    });
  }
  baseline.forEach((entry, i) => {
    if (used.has(`${pairKey(entry.files)}\u0000${entry.text}`)) return;
    warnings.push({ file: `content/${BASELINE_FILE}`, line: 1, message: `runs[${i}] (${entry.files.join(' and ')}, "${entry.text.split(' ').slice(0, 8).join(' ')} …") no longer repeats: remove the entry` });
  });
}
