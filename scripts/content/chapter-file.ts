import path from 'node:path';
import { LANGS, type Lang } from '../../common/facets.ts';

/** The language of a chapter file (`content/<lang>/<id>.mdx`), or undefined for any other file. */
export function chapterLang(contentRoot: string, file: string | undefined): Lang | undefined {
  const relative = file ? path.relative(contentRoot, file).split(path.sep) : [];
  return relative.length === 2 && relative[1].endsWith('.mdx') ? LANGS.find((l) => l === relative[0]) : undefined;
}
