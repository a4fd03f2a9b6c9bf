import type { Lang } from '../../../common/facets.ts';
import type { SearchEngine } from '../../../common/search/search-engine.ts';
import type { SearchIndexData } from '../../../common/search/search-types.ts';
import { readShippedJson } from '../app/shipped-files.ts';

const engines = new Map<Lang, Promise<SearchEngine>>();

/**
 * The search engine of a language, created on first use from the prebuilt index shipped
 * next to index.html, or embedded in the page by the portable edition (never rebuilt at
 * start-up). The engine code is its own chunk.
 */
export function searchEngineFor(lang: Lang): Promise<SearchEngine> {
  let pending = engines.get(lang);
  if (!pending) {
    pending = Promise.all([
      import('../../../common/search/search-engine.ts'),
      readShippedJson<SearchIndexData>(`search-index-${lang}.json`),
    ]).then(([mod, data]) => mod.createSearchEngine(data));
    pending.catch(() => engines.delete(lang));
    engines.set(lang, pending);
  }
  return pending;
}
