import path from 'node:path';
import type { Plugin } from 'vite';
import { buildContentData, buildManifest, buildSearchIndexes, assertValidContent } from './content/build-artifacts.ts';
import { formatProblem } from './content/content-error.ts';
import { loadContent, type LoadedContent } from './content/load-content.ts';

const VIRTUAL_ID = 'virtual:puente-content';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** Glossary, case communities and profiler: only chapters need them, so they load with the first chapter. */
const RECORDS_ID = 'virtual:puente-records';
const RESOLVED_RECORDS_ID = '\0' + RECORDS_ID;

/** The files the content build writes next to index.html. */
export const SEARCH_INDEX_FILE = (lang: string) => `search-index-${lang}.json`;
export const MANIFEST_FILE = 'content-manifest.json';
export const RECORDS_INSTRUMENTS_FILE = 'records-instruments.json';

/**
 * Validates content/ at the start of every build (failing with file and line), offers
 * the manifest, sections, sources and reading paths as `virtual:puente-content` and the
 * typed records as `virtual:puente-records`, and
 * writes content-manifest.json and one prebuilt search index per language.
 */
export function puenteContent(contentRoot: string): Plugin {
  let content: LoadedContent;
  const load = () => {
    content = loadContent(contentRoot);
    for (const w of content.warnings) console.warn(`warning: ${formatProblem(w)}`);
    assertValidContent(content);
  };
  return {
    name: 'puente-content',
    buildStart() {
      load();
      this.addWatchFile(contentRoot);
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      if (id === RECORDS_ID) return RESOLVED_RECORDS_ID;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_ID) {
        const { sections, sources, readingPaths } = buildContentData(content);
        return `export default ${JSON.stringify({ sections, sources, readingPaths, chapters: buildManifest(content).chapters })};`;
      }
      if (id === RESOLVED_RECORDS_ID) {
        const { glossary, communities, profiler, instruments, indicators, workshopModules } = buildContentData(content);
        return `export default ${JSON.stringify({ glossary, communities, profiler, instruments, indicators, workshopModules })};`;
      }
      return undefined;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: JSON.stringify(buildManifest(content), null, 1) });
      // The Electron main process validates field records against the same monitoring forms.
      this.emitFile({ type: 'asset', fileName: RECORDS_INSTRUMENTS_FILE, source: JSON.stringify(content.instruments.filter((f) => f.kind === 'monitoring')) });
      const indexes = await buildSearchIndexes(content);
      for (const [lang, data] of Object.entries(indexes)) {
        this.emitFile({ type: 'asset', fileName: SEARCH_INDEX_FILE(lang), source: JSON.stringify(data) });
      }
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
        const match = /^search-index-(en|es)\.json$/.exec(name);
        if (!match) return next();
        load();
        const indexes = await buildSearchIndexes(content);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(indexes[match[1] as 'en' | 'es']));
      });
    },
  };
}
