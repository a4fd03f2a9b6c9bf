import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { buildContentData, buildManifest, buildSearchIndexes, assertValidContent } from './content/build-artifacts.ts';
import { formatProblem } from './content/content-error.ts';
import { loadContent, type LoadedContent } from './content/load-content.ts';
import { chapterLang } from './content/chapter-file.ts';
import type { PageParts } from './content/remark-page-parts.ts';
import { routePreloadScript } from './content/route-preload.ts';
import { navEntry, pageData, pageKey, type Navigation } from '../common/navigation.ts';
import type { ContentData, ManifestChapter } from '../common/content-schema.ts';
import { isLang, LANGS, type Lang } from '../common/facets.ts';

/** What the app carries from the start, in both languages: sections, reading paths, sources (renderer/src/app/content.ts). */
const NAVIGATION_ID = 'virtual:puente-navigation';
/**
 * A language's pack (renderer/src/app/language-pack.ts): its interface texts and its chapters'
 * titles, sections and facets, `virtual:puente-language/<lang>`, loaded when the reader reads it.
 */
const LANGUAGE_PREFIX = 'virtual:puente-language/';
/** How to load each language's pack, one entry per language of LANGS: the app names no language itself. */
const LANGUAGES_ID = 'virtual:puente-languages';
/** How to load each page (renderer/src/app/pages.ts): one module per page, exporting its component and its data. */
const PAGES_ID = 'virtual:puente-pages';
/** The module of a page drawn from its record (an instrument, a workshop module): `virtual:puente-page/<lang>/<id>`. */
const PAGE_PREFIX = 'virtual:puente-page/';
/**
 * The structured content the pages show, one module per kind, so each loads only with the
 * pages that import it: `virtual:puente-catalogue/<kind>` (the glossary is written into the
 * chapters that show it, by scripts/content/remark-glossary.ts).
 */
const CATALOGUE_PREFIX = 'virtual:puente-catalogue/';
const CATALOGUE: Record<string, keyof ContentData> = {
  communities: 'communities',
  profiler: 'profiler',
  instruments: 'instruments',
  indicators: 'indicators',
  'workshop-modules': 'workshopModules',
};

/** The files the content build writes next to index.html. */
export const SEARCH_INDEX_FILE = (lang: string) => `search-index-${lang}.json`;
/** The whole manifest, for tools and tests (the app never loads it). */
export const MANIFEST_FILE = 'content-manifest.json';
export const RECORDS_INSTRUMENTS_FILE = 'records-instruments.json';
/** The script index.html runs first: it preloads the opening page's modules while the app's own script loads. */
export const ROUTE_PRELOAD_FILE = 'route-preload.js';
const BROWSER_BRIDGE_KEY = 'browser';
const BROWSER_SAVED_DATA_KEY = 'browser-saved-data';

/** A page drawn from its record has no MDX: its body is this component, given the page's id. */
const RECORD_PAGE_PART: Partial<Record<ManifestChapter['kind'], string>> = { instrument: 'InstrumentPage', module: 'ModulePage' };
/** Every page module exports its data under this name, beside its component (the default export). */
const PAGE_DATA_EXPORT = 'page';

/** Data as a module: JSON.parse of a string literal is read faster than the same object literal. */
const jsonExport = (name: string, value: unknown) => `export ${name === 'default' ? 'default' : `const ${name} =`} JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

export interface ContentPluginOptions {
  /** Heavy components and their modules (see scripts/content/remark-page-parts.ts); instrument and module pages use theirs as their body. */
  parts?: PageParts;
  /** The module of each language's interface texts (exporting `strings`), bundled into that language's pack. */
  strings?: Partial<Record<Lang, string>>;
  /** The browser edition's host bridge, which the app loads first when no preload gave it one. */
  browserBridge?: string;
  /** The browser bridge's store of what the reader saved: fetched with the opening screen, run after it shows. */
  browserSavedData?: string;
}

/**
 * Validates content/ at the start of every build (failing with file and line), offers the
 * content to the renderer as virtual modules split by what loads when (sections and sources
 * with the app, a language's titles and interface texts when it is read, a page's data with
 * the page, a catalogue with the pages that show it), writes content-manifest.json and one
 * prebuilt search index per language, and adds to index.html the script that preloads what
 * the opening screen needs.
 */
export function puenteContent(contentRoot: string, options: ContentPluginOptions = {}): Plugin & { api: { content(): LoadedContent } } {
  let content: LoadedContent;
  let manifest: ManifestChapter[] = [];
  const load = () => {
    content = loadContent(contentRoot);
    for (const w of content.warnings) console.warn(`warning: ${formatProblem(w)}`);
    assertValidContent(content);
    manifest = buildManifest(content).chapters;
  };
  const parts = options.parts ?? {};
  /** The module of a page: its chapter's MDX file, or the generated module of a record page. */
  const pageModule = (c: ManifestChapter) => (RECORD_PAGE_PART[c.kind] ? PAGE_PREFIX + pageKey(c.lang, c.id) : path.join(contentRoot, c.lang, `${c.id}.mdx`));
  const chapterOfFile = (file: string) => {
    const lang = chapterLang(contentRoot, file);
    return lang ? manifest.find((c) => c.kind === 'chapter' && c.lang === lang && c.id === path.basename(file, '.mdx')) : undefined;
  };

  const modules: Record<string, () => string> = {
    [NAVIGATION_ID]: () => {
      const { sections, sources, readingPaths } = buildContentData(content);
      return jsonExport('default', { sections, sources, readingPaths } satisfies Navigation);
    },
    [LANGUAGES_ID]: () => `export default {\n${LANGS.map((lang) => `${JSON.stringify(lang)}: () => import(${JSON.stringify(LANGUAGE_PREFIX + lang)})`).join(',\n')}\n};`,
    ...Object.fromEntries(LANGS.map((lang) => [LANGUAGE_PREFIX + lang, () => [
      ...(options.strings?.[lang] ? [`export { strings } from ${JSON.stringify(options.strings[lang])};`] : []),
      jsonExport('chapters', manifest.filter((c) => c.lang === lang).map(navEntry)),
    ].join('\n')])),
    [PAGES_ID]: () => `export default {\n${manifest.map((c) => `${JSON.stringify(pageKey(c.lang, c.id))}: () => import(${JSON.stringify(pageModule(c))})`).join(',\n')}\n};`,
  };

  return {
    name: 'puente-content',
    api: { content: () => content },
    buildStart() {
      load();
      this.addWatchFile(contentRoot);
    },
    resolveId(id) {
      if (id in modules || id.startsWith(PAGE_PREFIX) || id.startsWith(CATALOGUE_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(resolved) {
      if (!resolved.startsWith('\0')) return undefined;
      const id = resolved.slice(1);
      if (modules[id]) return modules[id]();
      if (id.startsWith(PAGE_PREFIX)) {
        const chapter = manifest.find((c) => pageKey(c.lang, c.id) === id.slice(PAGE_PREFIX.length));
        const part = chapter && RECORD_PAGE_PART[chapter.kind];
        if (!chapter || !part) this.error(`puente-content: no page drawn from a record is ${id}`);
        if (!parts[part]) this.error(`puente-content: no module given for the ${part} component (options.parts in vite.config.ts)`);
        return [
          `import { jsx } from 'react/jsx-runtime';`,
          `import { ${part} } from ${JSON.stringify(parts[part])};`,
          jsonExport(PAGE_DATA_EXPORT, pageData(chapter)),
          `export default function RecordPage() { return jsx(${part}, { id: ${JSON.stringify(chapter.id)} }); }`,
        ].join('\n');
      }
      if (id.startsWith(CATALOGUE_PREFIX)) {
        const kind = CATALOGUE[id.slice(CATALOGUE_PREFIX.length)];
        if (!kind) this.error(`puente-content: no catalogue ${id} (there are ${Object.keys(CATALOGUE).join(', ')})`);
        return jsonExport(kind, content[kind]);
      }
      return undefined;
    },
    // A chapter's module carries its page's data beside its component.
    transform: {
      order: 'post',
      filter: { id: /\.mdx$/ },
      handler(code, id) {
        const chapter = chapterOfFile(id.split('?')[0]);
        return chapter ? { code: `${code}\n${jsonExport(PAGE_DATA_EXPORT, pageData(chapter))}\n`, map: null } : undefined;
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_output, bundle) {
        this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: JSON.stringify(buildManifest(content), null, 1) });
        // The Electron main process validates field records against the same monitoring forms.
        this.emitFile({ type: 'asset', fileName: RECORDS_INSTRUMENTS_FILE, source: JSON.stringify(content.instruments.filter((f) => f.kind === 'monitoring')) });
        const indexes = await buildSearchIndexes(content);
        for (const [lang, data] of Object.entries(indexes)) {
          this.emitFile({ type: 'asset', fileName: SEARCH_INDEX_FILE(lang), source: JSON.stringify(data) });
        }
        addRoutePreload(this, bundle, [
          ...(options.browserBridge ? [{ key: BROWSER_BRIDGE_KEY, module: options.browserBridge }] : []),
          ...(options.browserSavedData ? [{ key: BROWSER_SAVED_DATA_KEY, module: options.browserSavedData }] : []),
          ...LANGS.map((lang) => ({ key: lang, module: `\0${LANGUAGE_PREFIX}${lang}` })),
          ...manifest.map((c) => ({ key: pageKey(c.lang, c.id), module: RECORD_PAGE_PART[c.kind] ? `\0${pageModule(c)}` : pageModule(c) })),
        ]);
      },
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const name = path.basename((req.url ?? '').split('?')[0]);
        if (name === MANIFEST_FILE) {
          load();
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(buildManifest(content)));
          return;
        }
        const match = /^search-index-(.+)\.json$/.exec(name);
        if (!match || !isLang(match[1])) return next();
        load();
        const indexes = await buildSearchIndexes(content);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(indexes[match[1]]));
      });
    },
  };
}

/**
 * Writes route-preload.js (the chunks, with those they import, of the browser bridge and its store, of each
 * language's pack and of each page) and loads it from index.html before the app's script, so
 * what the opening page needs downloads alongside the app's script instead of after it.
 * Skipped when the build made one script (the portable edition).
 */
function addRoutePreload(ctx: Rolldown.PluginContext, bundle: Rolldown.OutputBundle, pages: Array<{ key: string; module: string }>): void {
  const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  if (chunks.length < 2) return;
  const html = bundle['index.html'];
  if (html?.type !== 'asset') ctx.error('puente-content: the build wrote no index.html');
  const chunkOf = new Map<string, Rolldown.OutputChunk>();
  for (const chunk of chunks) for (const id of chunk.moduleIds) chunkOf.set(id, chunk);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const withImports = (chunk: Rolldown.OutputChunk, into: Set<string>, skip: ReadonlySet<string>) => {
    if (skip.has(chunk.fileName) || into.has(chunk.fileName)) return;
    into.add(chunk.fileName);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) withImports(imported, into, skip);
    }
  };
  const htmlText = typeof html.source === 'string' ? html.source : Buffer.from(html.source).toString('utf8');
  // What index.html loads already (its scripts and the chunks they import) is never listed again.
  const withEntry = new Set<string>();
  for (const [, ref] of htmlText.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="\.\/([^"]+\.js)"/g)) {
    const chunk = byName.get(ref);
    if (chunk) withImports(chunk, withEntry, new Set());
  }
  const routes: Record<string, string[]> = {};
  for (const page of pages) {
    const chunk = chunkOf.get(page.module);
    if (!chunk) ctx.error(`puente-content: no chunk holds ${page.module} (page ${page.key})`);
    const files = new Set<string>();
    withImports(chunk, files, withEntry);
    routes[page.key] = [...files];
  }
  ctx.emitFile({ type: 'asset', fileName: ROUTE_PRELOAD_FILE, source: routePreloadScript(routes) });
  const moduleScript = /<script type="module"/;
  if (!moduleScript.test(htmlText)) ctx.error('puente-content: index.html has no module script');
  html.source = htmlText.replace(moduleScript, (tag) => `<script src="./${ROUTE_PRELOAD_FILE}"></script>\n    ${tag}`);
}
