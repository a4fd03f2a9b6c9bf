/**
 * The concept thesaurus (content/thesaurus/*.yaml) is content: the build checks it like the
 * glossary, naming the file and line of each problem.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { GOOD } from '../fixtures/content-fixture.ts';

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The good content fixture with content/thesaurus/<name> holding `yaml`. */
function withThesaurus(yaml: string, name = 'words.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-thesaurus-'));
  temps.push(dir);
  const root = path.join(dir, 'content');
  cpSync(GOOD, root, { recursive: true });
  mkdirSync(path.join(root, 'thesaurus'));
  writeFileSync(path.join(root, 'thesaurus', name), yaml);
  return root;
}

const problemsOf = (root: string) => loadContent(root).problems.map((p) => `${p.file}:${p.line} ${p.message}`);

const GOOD_CONCEPT = `concepts:
  - id: waste-rock
    glossary: pallaqueo
    en:
      prefLabel: waste rock
      everyday: [rock piles]
    es:
      prefLabel: desmonte
      altLabels: [relaves]
      everyday: [montones de piedra]
`;

describe('the thesaurus as content', () => {
  it('loads a good thesaurus file with its defaults', () => {
    const content = loadContent(withThesaurus(GOOD_CONCEPT));
    expect(content.problems).toEqual([]);
    expect(content.thesaurus).toEqual([expect.objectContaining({ id: 'waste-rock', glossary: 'pallaqueo', related: [] })]);
  });

  it('names the file and line of a schema problem', () => {
    const root = withThesaurus(GOOD_CONCEPT.replace('      everyday: [rock piles]\n', '      everyday: [rock piles]\n      folkName: rocks\n'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/thesaurus\/words\.yaml:5 thesaurus field "concepts\[0\]\.en": unknown field "folkName"/));
  });

  it('refuses an unknown glossary entry and an unknown related concept, at their lines', () => {
    const root = withThesaurus(GOOD_CONCEPT.replace('glossary: pallaqueo', 'glossary: pallaqeo').replace('    en:\n', '    related: [tailings]\n    en:\n'));
    const problems = problemsOf(root);
    expect(problems).toContainEqual('content/thesaurus/words.yaml:3 thesaurus field "glossary": no glossary term "pallaqeo" in content/glossary/');
    expect(problems).toContainEqual('content/thesaurus/words.yaml:4 thesaurus field "related[0]": no concept "tailings" in content/thesaurus/');
  });

  it('refuses a concept id used twice, naming where it was first defined', () => {
    const root = withThesaurus(`${GOOD_CONCEPT}  - id: waste-rock\n    en: { prefLabel: spoil }\n    es: { prefLabel: escombrera }\n`);
    expect(problemsOf(root)).toContainEqual('content/thesaurus/words.yaml:11 thesaurus concept "waste-rock" is already defined at content/thesaurus/words.yaml:2: use another id or merge the two');
  });

  it('refuses a label that is only short common words, which search would ignore', () => {
    const root = withThesaurus(GOOD_CONCEPT.replace('altLabels: [relaves]', 'altLabels: [relaves, "de la"]'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/thesaurus\/words\.yaml:9 thesaurus field "es\.altLabels\[1\]": "de la" has only short common words/));
  });

  it('refuses a label that already names another concept or a glossary term, whatever its form', () => {
    const clash = withThesaurus(`${GOOD_CONCEPT}  - id: stones
    en: { prefLabel: stones }
    es: { prefLabel: piedras, everyday: [Montón de piedras] }
`);
    expect(problemsOf(clash)).toContainEqual(expect.stringMatching(/^content\/thesaurus\/words\.yaml:13 thesaurus label "Montón de piedras" also names concept "waste-rock" \(content\/thesaurus\/words\.yaml:10\)/));
    const glossaryName = withThesaurus(GOOD_CONCEPT.replace('    glossary: pallaqueo\n', '').replace('altLabels: [relaves]', 'altLabels: [relaves, jancheo]'));
    expect(problemsOf(glossaryName)).toContainEqual(expect.stringMatching(/^content\/thesaurus\/words\.yaml:8 thesaurus label "jancheo" also names the glossary term "pallaqueo" \(content\/glossary\/pallaqueo\.yaml\).*set "glossary" on this concept/));
  });
});
