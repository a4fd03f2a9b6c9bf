import type { Lang } from '../../../common/facets.ts';
import { formatRoute } from '../../../common/routes.ts';

/** Where a source is described: its entry in the Sources chapter. */
export function sourceRoute(lang: Lang, src: string): string {
  return formatRoute({ kind: 'chapter', lang, chapterId: 'sources', anchor: `source-${src}` });
}
