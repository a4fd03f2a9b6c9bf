import { formatRoute } from '../../../../common/routes.ts';
import { findChapter } from '../../app/content.ts';

/** The chapter that holds the workshop builder, so module pages can link to it. */
export const BUILDER_CHAPTER_ID = 'workshop-builder';

/** Where a module's page is, in the reader's language. */
export function moduleRoute(lang: 'en' | 'es', id: string): string {
  return findChapter(lang, id)?.route ?? formatRoute({ kind: 'chapter', lang, chapterId: id });
}
