/**
 * Which pages the accessibility sweep visits. The everyday run: one page of each kind per language
 * (home, library, the first written chapter, instrument page and module page, and the first chapter
 * that uses each MDX component), since pages of one kind share their markup. Every page when
 * PUENTE_FULL_A11Y=1 (CI sets it), or when the content changed since the last full sweep that
 * passed on this machine (its content hash is kept in test-results/).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestChapter } from '../../common/content-schema.ts';

type Lang = 'en' | 'es';
export type Theme = 'light' | 'dark';

const homeAndLibrary = (lang: Lang) => [`#/${lang}`, `#/${lang}/my-library`];

/** Every page a reader can reach in one language: the home page, the library, each chapter, instrument and module page. */
export function everyRoute(chapters: readonly ManifestChapter[], lang: Lang): string[] {
  return [...homeAndLibrary(lang), ...chapters.filter((c) => c.lang === lang).map((c) => c.route)];
}

/** The MDX components a chapter's source uses, by name (`<Callout`, `<FieldRecords`…). */
export function componentsIn(mdx: string): string[] {
  return [...new Set([...mdx.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]))];
}

/** One page of each kind in one language: home, library, the first page of each kind, and the first chapter using each component. */
export function representativeRoutes(chapters: readonly ManifestChapter[], lang: Lang, componentsOf: (chapter: ManifestChapter) => readonly string[]): string[] {
  const mine = chapters.filter((c) => c.lang === lang);
  const firstOfKind = new Map<string, string>();
  for (const c of mine) if (!firstOfKind.has(c.kind)) firstOfKind.set(c.kind, c.route);
  const firstUsing = new Map<string, string>();
  for (const c of mine) for (const name of componentsOf(c)) if (!firstUsing.has(name)) firstUsing.set(name, c.route);
  return [...new Set([...homeAndLibrary(lang), ...firstOfKind.values(), ...firstUsing.values()])];
}

/** A written chapter's components, read from its MDX under `contentDir` (instrument and module pages have none). */
export function componentsFromContent(contentDir: string) {
  return (c: ManifestChapter): string[] => {
    const file = path.join(contentDir, c.lang, `${c.id}.mdx`);
    return c.kind === 'chapter' && existsSync(file) ? componentsIn(readFileSync(file, 'utf8')) : [];
  };
}

/** A hash of every file under content/ (names and bytes): it changes when any content changes. */
export function contentHash(contentDir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(path.relative(contentDir, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Why this run visits every page, or null for one page of each kind. `swept`: the content hash of the last full sweep that passed. */
export function fullSweepReason(env: string | undefined, swept: string | null, hash: string): string | null {
  if (env === '1') return 'PUENTE_FULL_A11Y=1';
  if (swept === null) return 'no full sweep has passed on this machine yet';
  if (swept !== hash) return 'the content changed since the last full sweep';
  return null;
}

/** The content hash of the last full sweep that passed, per theme. */
export function readSweepStamp(file: string, theme: Theme): string | null {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<Theme, unknown>>)[theme];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeSweepStamp(file: string, theme: Theme, hash: string): void {
  let stamps: Partial<Record<Theme, string>> = {};
  try {
    stamps = JSON.parse(readFileSync(file, 'utf8')) as typeof stamps;
  } catch {
    // No stamp yet, or an unreadable one: start again.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...stamps, [theme]: hash }, null, 2));
}
