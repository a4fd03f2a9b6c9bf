import type { Lang } from '../../../common/facets.ts';
import type { SearchEngine } from '../../../common/search/search-engine.ts';
import type { SearchIndexData } from '../../../common/search/search-types.ts';

const engines = new Map<Lang, Promise<SearchEngine>>();

/**
 * The search engine of a language, created on first use from the prebuilt index shipped
 * next to index.html (never rebuilt at start-up). The engine code is its own chunk.
 */
export function searchEngineFor(lang: Lang): Promise<SearchEngine> {
  let pending = engines.get(lang);
  if (!pending) {
    pending = Promise.all([
      import('../../../common/search/search-engine.ts'),
      fetch(`./search-index-${lang}.json`).then((r) => {
        if (!r.ok) throw new Error(`search index for ${lang}: HTTP ${r.status}`);
        return r.json() as Promise<SearchIndexData>;
      }),
    ]).then(([mod, data]) => mod.createSearchEngine(data));
    pending.catch(() => engines.delete(lang));
    engines.set(lang, pending);
  }
  return pending;
}
