/** `npm run i18n:check`: checks the interface catalogues alone (the content build checks them too). */
import { formatProblem, type ContentProblem } from '../content/content-error.ts';
import { checkCatalogues } from './check-catalogues.ts';
import { LOCALES_DIR } from './catalogue-files.ts';

const problems: ContentProblem[] = [];
checkCatalogues(LOCALES_DIR, problems);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(`\n${problems.length} problem(s) in the catalogues.`);
  process.exit(1);
}
console.log('The catalogues are valid.');
