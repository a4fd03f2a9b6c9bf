/**
 * Key figures stated once: content/facts.yaml holds each figure with its wording in both languages
 * and its source; a chapter shows it through <Fact id>, which the build fills in the chapter's
 * language with numbered citations. A figure written in prose instead, an unknown fact id and a
 * fact cited outside its source's locators each stop the build with file:line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { searchDocs } from '../../scripts/content/search-documents.ts';
import { remarkCitations } from '../../scripts/content/remark-citations.ts';
import { remarkFacts } from '../../scripts/content/remark-facts.ts';
import { buildError, fixtureWith, problemsOf, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

const FACTS = `- id: withdrawn-total
  values: [1517, 79]
  source: { src: ipec-eval-2005, at: "§68" }
  en: { text: "1,517 children withdrawn, 79% of the target", guard: ["1,517", "1,365"] }
  es: { text: "1.517 niños y niñas retirados, el 79 % de la meta", guard: ["1.517", "1.365"] }
  alternatives:
    - values: [1365, 90]
      source: { src: ipec-eval-2005, at: Executive summary }
      en: { text: "1,365, 90%, in the executive summary" }
      es: { text: "1.365, el 90 %, según el resumen ejecutivo" }
  differ:
    en: { text: the sources differ, link: "intro" }
    es: { text: las fuentes no coinciden, link: "intro" }
- id: planned-children
  values: [6552]
  source: { src: ipec-eval-2005, at: "§16" }
  en: { text: "6,552 children", value: "6,552", guard: ["6,552"] }
  es: { text: "6.552 niños y niñas", value: "6.552", guard: ["6.552"] }
`;

const PICKING_LINE: Record<'en' | 'es', number> = { en: 15, es: 15 };

/** The fixture with content/facts.yaml and, in each language given, a paragraph added to picking.mdx at line 17. */
function withFacts(facts: string, paragraph: Partial<Record<'en' | 'es', string>> = {}): string {
  const root = fixtureWith('sources.yaml', (t) => t);
  writeFileSync(path.join(root, 'facts.yaml'), facts);
  for (const [lang, text] of Object.entries(paragraph) as Array<['en' | 'es', string]>) {
    const file = path.join(root, lang, 'picking.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(PICKING_LINE[lang], 0, '', text);
    writeFileSync(file, lines.join('\n'));
  }
  return root;
}

describe('key figures as data', () => {
  it('accepts facts shown through <Fact>, whole or as a value, in both languages', () => {
    const root = withFacts(FACTS, {
      en: 'The programme withdrew <Fact id="withdrawn-total" /> and planned to reach <Fact id="planned-children" show="value" />.',
      es: 'El programa retiró <Fact id="withdrawn-total" /> y quería llegar a <Fact id="planned-children" show="value" />.',
    });
    expect(problemsOf(root)).toEqual([]);
    expect(loadContent(root).warnings).toEqual([]);
  });

  it('refuses a key figure written in a chapter instead of <Fact>, with file:line:column, in the validator and the build', () => {
    const root = withFacts(FACTS, { en: 'The programme withdrew 1,517 children; the summary says 1,365.', es: 'El programa planeaba llegar a 6.552 niños y niñas.' });
    const message = (figure: string, id: string) => `"${figure}" is fact "${id}": write <Fact id="${id}" /> instead, so the figure is stated and corrected in one place`;
    const problems = problemsOf(root);
    expect(problems).toContainEqual(expect.stringContaining(`content/en/picking.mdx:17 ${message('1,517', 'withdrawn-total')}`));
    expect(problems).toContainEqual(expect.stringContaining(`content/en/picking.mdx:17 ${message('1,365', 'withdrawn-total')}`));
    expect(problems).toContainEqual(expect.stringContaining(`content/es/picking.mdx:17 ${message('6.552', 'planned-children')}`));
    expect(buildError(root)).toContain(`content/en/picking.mdx:17:24 — ${message('1,517', 'withdrawn-total')}`);
  });

  it('refuses the figure in a table cell, a callout title and a data file, and takes it in another notation only where that notation is guarded', () => {
    const root = withFacts(FACTS, { en: '| Planned | 6,552 |\n|---|---|\n| Families | 2,026 |\n\n<Callout kind="note" title="1,517 children">\n\nText.\n\n</Callout>' });
    const glossary = path.join(root, 'glossary', 'pallaqueo.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(/(  definition: )(.*)/, '$1$2 The programme withdrew 1,517 children.'));
    const problems = problemsOf(root);
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:17 "6,552" is fact "planned-children"/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:21 "1,517" is fact "withdrawn-total"/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/glossary\/pallaqueo\.yaml:\d+ "1,517" is fact "withdrawn-total": a data file cannot show <Fact>, so say it without the figure/));
    expect(problems.filter((p) => p.includes('2,026'))).toEqual([]);
  });

  it('does not take a longer number, a paragraph sign or a citation for the figure', () => {
    const root = withFacts(FACTS.replace('guard: ["6,552"]', 'guard: ["6,552", "16"]').replace('values: [6552]', 'values: [6552, 16]').replace('"6,552 children"', '"6,552 children in 16 places"').replace('"6.552 niños y niñas"', '"6.552 niños y niñas en 16 lugares"').replace('guard: ["6.552"]', 'guard: ["6.552", "16"]'), {
      en: 'Not 16,552, not 6,5520, not §16 <Cite src="ipec-eval-2005" at="§16" />.',
    });
    expect(problemsOf(root)).toEqual([]);
  });

  it('allows another use of a figure only where the fact lists that exact text, and warns when the text is gone', () => {
    const allow = `${FACTS.replace(/(- id: planned-children)/, `  allow:\n    - { file: content/en/picking.mdx, text: "a target of about 1,517", why: the manual's own calculation }\n$1`)}`;
    const used = withFacts(allow, { en: 'The percentage implies a target of about 1,517; 1,517 were withdrawn.' });
    expect(problemsOf(used)).toEqual([expect.stringMatching(/^content\/en\/picking\.mdx:17 "1,517" is fact "withdrawn-total"/)]);
    const fixed = withFacts(allow, { en: 'The percentage implies a target of about 1,517; <Fact id="withdrawn-total" /> were withdrawn.' });
    expect(problemsOf(fixed)).toEqual([]);
    expect(loadContent(fixed).warnings).toEqual([]);
    const stale = withFacts(allow);
    expect(loadContent(stale).warnings.map((w) => w.message)).toEqual(['fact "withdrawn-total": the allowed text "a target of about 1,517" no longer appears in content/en/picking.mdx: remove the entry']);
  });

  it('refuses an unknown fact id, and <Fact> used outside a sentence or with a show it cannot take, with file:line', () => {
    const root = withFacts(FACTS, { en: 'The programme withdrew <Fact id="withdrawn-totals" />.' });
    expect(problemsOf(root)).toContainEqual('content/en/picking.mdx:17 <Fact id="withdrawn-totals">: no such fact in content/facts.yaml; use one of withdrawn-total, planned-children');
    expect(buildError(root)).toContain('content/en/picking.mdx:17 — <Fact id="withdrawn-totals">: no such fact');
    const misuse = withFacts(FACTS, { en: '<Fact id="planned-children" />\n\nWithdrawn: <Fact id="withdrawn-total" show="value" />, planned: <Fact id="planned-children" show="number" />.' });
    expect(problemsOf(misuse)).toEqual([
      'content/en/picking.mdx:17 <Fact id="planned-children"> stands on a line of its own: write it inside a sentence',
      'content/en/picking.mdx:19 <Fact id="withdrawn-total" show="value">: the sources differ on this fact, so show it whole',
      'content/en/picking.mdx:19 <Fact id="planned-children" show="number">: show may only be "value"',
    ]);
  });

  it('refuses a fact whose locator is not in its source\'s vocabulary, at the line of the field', () => {
    const root = withFacts(FACTS.replace('at: Executive summary', 'at: Opening summary'));
    expect(problemsOf(root)).toContainEqual('content/facts.yaml:8 fact "withdrawn-total": field "alternatives.0.source.at": "Opening summary" is not a locator of ipec-eval-2005; use §1–§142, note 1–22, or one of: Executive summary (content/sources.yaml)');
    expect(buildError(root)).toContain('content/facts.yaml:8 — fact "withdrawn-total"');
    const unknownSource = withFacts(FACTS.replace('src: ipec-eval-2005, at: "§16"', 'src: ipec-2005, at: "§16"'));
    expect(problemsOf(unknownSource)).toContainEqual('content/facts.yaml:16 fact "planned-children": unknown source id "ipec-2005"');
  });

  it('refuses wordings that do not write the fact\'s values, in either language, and guards that are not its figures', () => {
    const root = withFacts(FACTS.replace('"6.552 niños y niñas"', '"6.652 niños y niñas"').replace('"1,517 children withdrawn, 79% of the target"', '"1,517 children withdrawn, 80% of the target"').replace('guard: ["6,552"]', 'guard: ["6,552", "2,026"]'));
    expect(problemsOf(root)).toEqual([
      'content/facts.yaml:4 fact "withdrawn-total": the en wording writes 80, 1517 but the values are 79, 1517: make them agree (1,517 is how English writes thousands)',
      'content/facts.yaml:17 fact "planned-children": guard "2,026" does not write one of the fact\'s values (6552) as English does: guard the figures the fact states',
      'content/facts.yaml:18 fact "planned-children": the es wording writes 6652 but the values are 6552: make them agree (1.517 is how Spanish writes thousands)',
    ]);
    const englishNotation = withFacts(FACTS.replace('"6.552 niños y niñas", value: "6.552"', '"6,552 niños y niñas", value: "6,552"'));
    expect(problemsOf(englishNotation)).toContainEqual(expect.stringMatching(/^content\/facts\.yaml:18 fact "planned-children": the es wording writes 6, 552 but the values are 6552/));
  });

  it('needs the differ note and its link where the sources differ, and refuses a link to nowhere', () => {
    const noNote = withFacts(FACTS.replace(/  differ:\n(    .*\n){2}/, ''));
    expect(problemsOf(noNote)).toContainEqual('content/facts.yaml:7 fact "withdrawn-total": a fact whose sources differ needs "differ": the short note and the link to where the difference is explained');
    const broken = withFacts(FACTS.replace('link: "intro" }\n    es', 'link: "intro#nowhere" }\n    es'));
    expect(problemsOf(broken)).toEqual(['content/facts.yaml:12 broken anchor: "intro" (en) has no heading "#nowhere"']);
  });
});

describe('what a chapter shows for <Fact>', () => {
  const processor = createProcessor({ remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm] });

  /** picking.mdx in `lang` with `paragraph`, through the renderer build's remark plugins; its Fact node and reference list. */
  function rendered(lang: 'en' | 'es', paragraph: string, facts = FACTS) {
    const root = withFacts(facts, { [lang]: paragraph });
    const file = new VFile({ path: path.join(root, lang, 'picking.mdx'), value: readFileSync(path.join(root, lang, 'picking.mdx'), 'utf8') });
    const tree = processor.parse(file) as Root;
    remarkFacts(root)()(tree, file);
    remarkCitations()(tree);
    const fact = (tree.children.find((n) => n.type === 'paragraph' && JSON.stringify(n).includes('"Fact"')) as { children: Array<{ type: string; name?: string; children?: unknown[] }> })
      .children.find((n) => n.name === 'Fact')!;
    const parts = (fact.children as Array<{ type: string; value?: string; name?: string; url?: string; attributes?: Array<{ name: string; value: string }>; children?: Array<{ value: string }> }>).map((n) =>
      n.type === 'text' ? n.value : n.type === 'link' ? `[${n.children![0].value}](${n.url})` : `<${n.name} ${n.attributes!.map((a) => `${a.name}=${a.value}`).join(' ')}>`);
    const references = tree.children.find((n) => n.type === 'mdxJsxFlowElement' && n.name === 'References') as { attributes: Array<{ value: string }> };
    return { parts, references: JSON.parse(references.attributes[0].value) as unknown[] };
  }

  it('shows the wording in the chapter\'s language with its numbered citation, then each alternative with its own and the differ link', () => {
    expect(rendered('en', 'Withdrawn: <Fact id="withdrawn-total" />.')).toEqual({
      parts: ['1,517 children withdrawn, 79% of the target ', '<Cite src=ipec-eval-2005 at=§68 n=2>', ' (', '1,365, 90%, in the executive summary ', '<Cite src=ipec-eval-2005 at=Executive summary n=3>', '; ', '[the sources differ](intro)', ')'],
      references: [{ n: 1, src: 'ipec-eval-2005', at: '§25' }, { n: 2, src: 'ipec-eval-2005', at: '§68' }, { n: 3, src: 'ipec-eval-2005', at: 'Executive summary' }],
    });
    expect(rendered('es', 'Retirados: <Fact id="withdrawn-total" />.').parts.slice(0, 4)).toEqual(['1.517 niños y niñas retirados, el 79 % de la meta ', '<Cite src=ipec-eval-2005 at=§68 n=2>', ' (', '1.365, el 90 %, según el resumen ejecutivo ']);
  });

  it('shows the "sources differ" note without a link in the chapter it links to', () => {
    const explainedHere = FACTS.replace('en: { text: the sources differ, link: "intro" }', 'en: { text: the sources differ, link: "picking#what-children-do" }');
    expect(rendered('en', 'Withdrawn: <Fact id="withdrawn-total" />.', explainedHere).parts.slice(-2)).toEqual(['the sources differ', ')']);
  });

  it('shows only the number with its citation for show="value"', () => {
    expect(rendered('es', 'Meta: <Fact id="planned-children" show="value" />.').parts).toEqual(['6.552 ', '<Cite src=ipec-eval-2005 at=§16 n=2>']);
  });

  it('is found by search in the chapter that shows it', () => {
    const root = withFacts(FACTS, { en: 'Withdrawn: <Fact id="withdrawn-total" />.' });
    const docs = searchDocs(loadContent(root), 'en').filter((d) => d.chapterId === 'picking');
    expect(docs.some((d) => d.text.includes('1,517 children withdrawn, 79% of the target') && d.text.includes('the sources differ'))).toBe(true);
  });
});
