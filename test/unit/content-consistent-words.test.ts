/**
 * One word for each concept in each language: a glossary term names the other words running text
 * must not use for it (per language), and each language writes a percentage one way. The content
 * build stops on each use with file:line and the preferred term, in chapters, forms and the
 * interface catalogues, except where content/terms-allow-list.yaml names the place and the reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { buildError, fixtureWith, problemsOf, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

/** "jancheo" is Ecuador's word for pallaqueo: the manual says "pallaqueo" in running text. */
const NON_PREFERRED = 'nonPreferred:\n  es: [jancheo]\n  en: ["ore scavenging"]\n';

/** The fixture with jancheo as a non-preferred name of pallaqueo, a paragraph added at line 17 of picking.mdx in each language given, and an allow-list. */
function withWords(paragraph: Partial<Record<'en' | 'es', string>>, allowList?: string): string {
  const root = fixtureWith('glossary/pallaqueo.yaml', (t) => t.replace('related:', `${NON_PREFERRED}related:`));
  for (const [lang, text] of Object.entries(paragraph) as Array<['en' | 'es', string]>) {
    const file = path.join(root, lang, 'picking.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(15, 0, '', text);
    writeFileSync(file, lines.join('\n'));
  }
  if (allowList !== undefined) writeFileSync(path.join(root, 'terms-allow-list.yaml'), allowList);
  return root;
}

const preferred = (found: string) => `"${found}": the glossary's Spanish term for this is "Pallaqueo" (content/glossary/pallaqueo.yaml)`;

describe('consistent words', () => {
  it('flags a non-preferred synonym in a chapter with file:line and the preferred term, in the validator and the build', () => {
    const root = withWords({ es: 'En Ecuador muchas madres hacen jancheo con sus hijos.' });
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/es/picking.mdx:17 ${preferred('jancheo')}`)]);
    expect(buildError(root)).toContain(`content/es/picking.mdx:17:32 — ${preferred('jancheo')}`);
  });

  it('reads a chapter\'s title and summary, not its other frontmatter fields', () => {
    const root = withWords({});
    const file = path.join(root, 'es', 'picking.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('summary: Lo que hacen los niños en los desmontes.', 'summary: Lo que hacen los niños en el jancheo.'));
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/es/picking.mdx:6 ${preferred('jancheo')}`)]);
  });

  it('does not flag an allow-listed quotation of local usage, and warns about an entry that no longer excuses anything', () => {
    const allow = [
      '- file: content/es/picking.mdx',
      '  text: lo llaman «jancheo»',
      '  why: Quotes the local word.',
      '- file: content/es/intro.mdx',
      '  text: hacen jancheo',
      '  why: Once quoted there.',
    ].join('\n');
    const root = withWords({ es: 'En Ecuador lo llaman «jancheo»; el manual dice pallaqueo.' }, allow);
    const content = loadContent(root);
    expect(content.problems).toEqual([]);
    expect(content.warnings.map((w) => w.message)).toEqual(['the entry for content/es/intro.mdx ("hacen jancheo") no longer excuses any other name or percentage there: remove it']);
  });

  it('still flags the same word where the allowed quotation does not cover it', () => {
    const allow = '- file: content/es/picking.mdx\n  text: lo llaman «jancheo»\n  why: Quotes the local word.\n';
    const root = withWords({ es: 'En Ecuador lo llaman «jancheo». Las madres hacen Jancheos.' }, allow);
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/es/picking.mdx:17 ${preferred('Jancheos')}`)]);
  });

  it('excuses a whole folder named without text (as the thesaurus is), and nothing outside it', () => {
    const allow = '- file: content/workshops/\n  why: A list of other names.\n';
    const root = withWords({ es: 'Las madres hacen jancheo.' }, allow);
    const module = path.join(root, 'workshops', 'children-map.yaml');
    writeFileSync(module, readFileSync(module, 'utf8').replace('marcan dónde es seguro jugar.', 'marcan dónde se hace jancheo.'));
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/es/picking.mdx:17 ${preferred('jancheo')}`)]);
  });

  it('refuses an allow-list entry without a reason, naming the file and line', () => {
    const root = withWords({}, '- file: content/es/picking.mdx\n  text: jancheo\n');
    expect(problemsOf(root)).toEqual(['content/terms-allow-list.yaml:1 terms-allow-list.yaml field "[0].why": is missing']);
  });

  it('checks each language with its own words: the Spanish synonym in English text, and the glossary\'s own list of other names, pass', () => {
    const root = withWords({ en: 'In Ecuador the word is jancheo.' });
    expect(problemsOf(root)).toEqual([]);
  });

  it('writes a percentage one way per language: "79%" in English, "79 %" in Spanish', () => {
    const root = withWords({ en: 'About 79 % of the target, or 79% of it.', es: 'Cerca del 79% de la meta, o el 79 % de ella.' });
    expect(problemsOf(root)).toEqual([
      expect.stringContaining('content/en/picking.mdx:17 "79 %": English writes a percentage with no space before % ("79%")'),
      expect.stringContaining('content/es/picking.mdx:17 "79%": Spanish writes a space before % ("79 %")'),
    ]);
  });

  it('writes thousands one way per language: "1,517" in English, "1.517" in Spanish', () => {
    const root = withWords({ en: 'It reached 1.517 children, or 1,517 as English writes it.', es: 'Llegó a 1,517 niños, o 1.517 como se escribe en español.' });
    expect(problemsOf(root)).toEqual([
      expect.stringContaining('content/en/picking.mdx:17 "1.517": English writes thousands with a comma ("1,517")'),
      expect.stringContaining('content/es/picking.mdx:17 "1,517": Spanish writes thousands with a point ("1.517")'),
    ]);
  });

  it('flags a synonym in a form question at its own line, by the language of the text', () => {
    const root = withWords({});
    const form = path.join(root, 'instruments', 'child-registration.yaml');
    writeFileSync(form, readFileSync(form, 'utf8')
      .replace('en: { label: Child code }', 'en: { label: Child code (jancheo is fine here) }')
      .replace('es: { label: Código del niño o la niña }', 'es: { label: "Código del niño o la niña que hace jancheo" }'));
    const line = readFileSync(form, 'utf8').split('\n').findIndex((l) => l.includes('que hace jancheo')) + 1;
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/instruments/child-registration.yaml:${line} ${preferred('jancheo')}`)]);
  });

  it('reads the interface catalogues (content/locales): messages are checked, notes to the translator are not', () => {
    const root = withWords({});
    const locales = path.join(root, 'locales');
    mkdirSync(locales);
    writeFileSync(path.join(locales, 'en.json'), JSON.stringify({
      picking: { message: 'What children do', description: 'Heading.' },
      pickingHelp: { message: 'How ore picking is done', description: 'Help title.' },
    }, null, 2));
    writeFileSync(path.join(locales, 'es.json'), JSON.stringify({
      picking: { message: 'Qué hacen los niños', description: 'Heading; jancheo is the Ecuadorian word, do not use it.' },
      pickingHelp: { message: 'Cómo se hace el jancheo', description: 'Help title.' },
    }, null, 2));
    expect(problemsOf(root)).toEqual([expect.stringContaining(`content/locales/es.json:7 ${preferred('jancheo')}`)]);
  });

  it('refuses a non-preferred name that is the preferred term itself', () => {
    const root = fixtureWith('glossary/palliri.yaml', (t) => t.replace('sources:', 'nonPreferred:\n  es: [palliri]\nsources:'));
    expect(problemsOf(root)).toContainEqual(expect.stringContaining('content/glossary/palliri.yaml:10 glossary field "nonPreferred.es[0]": "palliri" is the preferred Spanish term of this entry'));
  });
});
