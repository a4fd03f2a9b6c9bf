import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../common/facets.ts';
import type { SearchIndexData } from '../common/search/search-types.ts';

export const BUILT_RENDERER_DIR = path.resolve(import.meta.dirname, '../dist/renderer');

/** Reads the prebuilt search index the app ships (the one `npm run build` writes). */
export function readBuiltIndex(lang: Lang, dir = BUILT_RENDERER_DIR): { data: SearchIndexData; json: string; file: string } {
  const file = path.join(dir, `search-index-${lang}.json`);
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} does not exist: run \`npm run build\` first`);
  const json = readFileSync(file, 'utf8');
  return { data: JSON.parse(json) as SearchIndexData, json, file };
}
