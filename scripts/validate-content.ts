/** `npm run validate`: checks every content file and prints each problem as file:line — message. */
import path from 'node:path';
import { formatProblem } from './content/content-error.ts';
import { loadContent } from './content/load-content.ts';

const root = path.resolve(process.argv[2] ?? 'content');
const content = loadContent(root);
for (const w of content.warnings) console.warn(`warning: ${formatProblem(w)}`);
if (content.problems.length) {
  for (const p of content.problems) console.error(formatProblem(p));
  console.error(`\n${content.problems.length} problem(s); content is not valid.`);
  process.exit(1);
}
const perLang = (lang: string) => content.chapters.filter((c) => c.lang === lang).length;
console.log(`content is valid: ${perLang('en')} chapters in English, ${perLang('es')} in Spanish, ${content.glossary.length} glossary terms, ${content.sources.length} sources.`);
