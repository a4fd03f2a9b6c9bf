/**
 * `npm run export-forms -- --out DIR [--lang es|en]`: writes every instrument as an XLSForm
 * (.xlsx) for ODK / KoboToolbox, with the same exporter the app uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLang } from '../common/facets.ts';
import { exportXlsForm, xlsFormFileName } from '../common/forms/xlsform.ts';
import { formatProblem } from './content/content-error.ts';
import { loadContent } from './content/load-content.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, lang: { type: 'string', default: 'es' } } });
if (!values.out) {
  console.error('usage: npm run export-forms -- --out DIR [--lang es|en]   (--lang sets the form’s default language)');
  process.exit(2);
}
if (!isLang(values.lang)) {
  console.error(`--lang must be en or es, not "${values.lang}"`);
  process.exit(2);
}
const content = loadContent(path.resolve(import.meta.dirname, '../content'));
if (content.problems.length) {
  for (const p of content.problems) console.error(formatProblem(p));
  console.error('Content is not valid; nothing exported.');
  process.exit(1);
}
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
for (const form of content.instruments) {
  const file = path.join(out, xlsFormFileName(form, values.lang));
  writeFileSync(file, exportXlsForm(form, values.lang));
  console.log(`${path.relative(process.cwd(), file)}  (${form[values.lang].title})`);
}
console.log(`${content.instruments.length} forms exported.`);
