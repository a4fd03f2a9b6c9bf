/**
 * `npm run search -- "<query>" --lang es [--json] [--explain] [--limit 10] [--age under14] [--community settlement] [--audience ngo]`
 * Runs the app's search module on the app's prebuilt index and prints the top results with
 * their snippets; `--explain` first prints how the query was read (its concepts and readings).
 */
import { parseArgs } from 'node:util';
import { isLang, type FacetFilter } from '../common/facets.ts';
import { createSearchEngine } from '../common/search/search-engine.ts';
import { readBuiltIndex } from './load-built-index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string', default: 'es' },
    json: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    limit: { type: 'string', default: '10' },
    age: { type: 'string', multiple: true },
    community: { type: 'string', multiple: true },
    audience: { type: 'string', multiple: true },
  },
});

const query = positionals.join(' ').trim();
if (!query) {
  console.error('usage: npm run search -- "<query>" --lang es|en [--json] [--explain] [--limit N] [--age under14] [--community settlement] [--audience ngo]');
  process.exit(2);
}
if (!isLang(values.lang)) {
  console.error(`--lang must be en or es, not "${values.lang}"`);
  process.exit(2);
}
const filter: FacetFilter = {};
if (values.age) filter.ageGroups = values.age;
if (values.community) filter.communityTypes = values.community;
if (values.audience) filter.audiences = values.audience;

try {
  const engine = createSearchEngine(readBuiltIndex(values.lang).data);
  const plan = engine.readQuery(query);
  const response = engine.search(query, { filter, limit: Number(values.limit), hitsPerChapter: 3 });
  const snippet = (parts: Array<{ text: string; hit: boolean }>) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
  const rows = response.groups.flatMap((g) => g.hits.map((h) => ({ chapter: g.chapterId, chapterScore: g.score, anchor: h.anchor, heading: h.heading, score: h.score, snippet: snippet(h.snippet) })));
  if (values.json) {
    console.log(JSON.stringify({ query, lang: values.lang, plan: values.explain ? plan : undefined, matchedTerms: response.matchedTerms, totalHits: response.totalHits, results: rows }, null, 2));
  } else {
    if (values.explain) {
      console.log(`Read as${plan.asksForDefinition ? ' a definitional question' : ''}${plan.named.length ? ` naming ${plan.named.map((n) => n.chapterId).join(', ')}` : ''}:`);
      for (const c of plan.concepts) {
        console.log(`  ${c.optional ? '(optional) ' : ''}${c.figure ? '(the figure asked for)' : c.typed.join(' ')}: ${c.readings.map((r) => `${r.terms.join(' ')} ×${+r.weight.toFixed(2)}`).join(', ')}`);
      }
    }
    if (rows.length === 0) console.log(`No results for "${query}" (${values.lang}).`);
    else {
      console.log(`${response.totalHits} hits for "${query}" (${values.lang}); matched terms: ${response.matchedTerms.join(', ')}`);
      for (const r of rows) console.log(`${r.score.toFixed(3).padStart(8)}  ${r.chapter}${r.anchor ? `#${r.anchor}` : ''}  —  ${r.heading}\n          ${r.snippet}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
