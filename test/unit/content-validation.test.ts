import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { buildManifest } from '../../scripts/content/build-artifacts.ts';
import { buildError, fixtureWith, GOOD, problemsOf, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

describe('content validation', () => {
  it('accepts the good fixture and lists every chapter in both languages', () => {
    const content = loadContent(GOOD);
    expect(content.problems).toEqual([]);
    const manifest = buildManifest(content);
    expect(manifest.chapters.map((c) => `${c.lang}/${c.kind}/${c.id}`)).toEqual([
      'en/chapter/intro', 'en/chapter/picking', 'en/instrument/child-registration', 'en/module/children-map',
      'es/chapter/intro', 'es/chapter/picking', 'es/instrument/child-registration', 'es/module/children-map',
    ]);
    const module = manifest.chapters.find((c) => c.lang === 'es' && c.id === 'children-map')!;
    expect(module).toMatchObject({ section: 'awareness', title: 'Un mapa de lugares seguros', audiences: ['trainer', 'children'], ageGroups: ['under14'] });
    expect(module.headings.map((h) => h.id)).toContain('module-steps');
    const picking = manifest.chapters.find((c) => c.lang === 'es' && c.id === 'picking')!;
    expect(picking).toMatchObject({ route: '#/es/picking', section: 'problem', ageGroups: ['under14'], communityTypes: ['settlement'] });
    expect(picking.headings).toEqual([{ depth: 2, id: 'que-hacen-los-ninos', text: 'Qué hacen los niños' }]);
  });

  it('names the file and line of a missing frontmatter field', () => {
    const root = fixtureWith('en/intro.mdx', (t) => t.replace('summary: What this manual is.\n', ''));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:2 frontmatter field "summary": is missing/));
  });

  it('names the line of an unknown facet value', () => {
    const root = fixtureWith('en/picking.mdx', (t) => t.replace('ageGroups: [under14]', 'ageGroups: [teenagers]'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:7 frontmatter field "ageGroups\[0\]": .*under14/));
  });

  it('rejects an unknown source id in frontmatter and in a citation', () => {
    const root = fixtureWith('en/picking.mdx', (t) => t.replace('sources: [ipec-eval-2005]', 'sources: [ipec-eval-2099]').replace('src="ipec-eval-2005" at="§25"', 'src="made-up" at="§25"'));
    const problems = problemsOf(root);
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:10 frontmatter field "sources\[0\]"/));
  });

  it('rejects a citation of a source the frontmatter does not list', () => {
    const root = fixtureWith('en/picking.mdx', (t) => t.replace('src="ipec-eval-2005" at="§25"', 'src="somewhere" at="§25"'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:15 <Cite src="somewhere">: unknown source id/));
  });

  it('rejects a chapter without its translation', () => {
    const root = fixtureWith('es/picking.mdx', () => null);
    expect(problemsOf(root)).toContainEqual('content/en/picking.mdx:1 chapter has no translation: write content/es/picking.mdx');
  });

  it('rejects a broken internal link and a broken anchor, with line and column', () => {
    const link = fixtureWith('en/intro.mdx', (t) => t.replace('(picking#what-children-do)', '(pickin)'));
    expect(problemsOf(link)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:17 broken link: no chapter or instrument "pickin" in en/));
    const anchor = fixtureWith('en/intro.mdx', (t) => t.replace('#what-children-do', '#what-adults-do'));
    expect(problemsOf(anchor)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:17 broken anchor: "picking" \(en\) has no heading "#what-adults-do"/));
  });

  it('refuses links that leave the manual, so no content URL is ever opened by another program', () => {
    const root = fixtureWith('en/intro.mdx', (t) => t.replace('(picking#what-children-do)', '(https://example.org/picking)'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:17 external link "https:\/\/example\.org\/picking": the manual works offline/));
  });

  it('reports an MDX syntax error at its line', () => {
    const root = fixtureWith('es/picking.mdx', (t) => t.replace('## Qué hacen los niños', '## Qué hacen los niños\n\nMenores de <14 años.'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/es\/picking\.mdx:15 MDX syntax:/));
  });

  it('reports invalid YAML in frontmatter at its line', () => {
    const root = fixtureWith('en/intro.mdx', (t) => t.replace('order: 1', 'order: [1'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:\d+ YAML syntax:/));
  });

  it('rejects a file without frontmatter, an unknown component and a bad callout kind', () => {
    const none = fixtureWith('en/intro.mdx', (t) => t.replace(/^---[\s\S]*?---\n/, ''));
    expect(problemsOf(none)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:1 frontmatter is missing/));
    const comp = fixtureWith('en/intro.mdx', (t) => t.replace('<Callout kind="lesson" title="Start early">', '<Calout kind="lesson">').replace('</Callout>', '</Calout>'));
    expect(problemsOf(comp)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:19 unknown component <Calout>/));
    const kind = fixtureWith('en/intro.mdx', (t) => t.replace('kind="lesson"', 'kind="tip"'));
    expect(problemsOf(kind)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:19 <Callout kind="tip">/));
  });

  it('rejects facets that differ between a chapter and its translation', () => {
    const root = fixtureWith('es/picking.mdx', (t) => t.replace('audiences: [ngo]', 'audiences: [ngo, official]'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/es\/picking\.mdx:1 frontmatter field "audiences" differs/));
  });

  it('checks glossary files: schema, related terms and term links', () => {
    const related = fixtureWith('glossary/pallaqueo.yaml', (t) => t.replace('related: [palliri]', 'related: [palliris]'));
    expect(problemsOf(related)).toContainEqual('content/glossary/pallaqueo.yaml:14 glossary field "related[0]": no glossary term "palliris"');
    const missing = fixtureWith('glossary/palliri.yaml', (t) => t.replace(/es:\n.*\n.*\n/, ''));
    expect(problemsOf(missing)).toContainEqual(expect.stringMatching(/^content\/glossary\/palliri\.yaml:1 glossary term field "es": is missing/));
    const term = fixtureWith('glossary/pallaqueo.yaml', () => null);
    expect(problemsOf(term)).toContainEqual(expect.stringMatching(/^content\/en\/picking\.mdx:15 <Term id="pallaqueo">: no such glossary term/));
  });

  it('checks instruments: duplicate names, missing choice lists, skip logic, translations, indicators', () => {
    const form = 'instruments/child-registration.yaml';
    const dup = fixtureWith(form, (t) => t.replace('- name: age\n', '- name: sex\n'));
    expect(problemsOf(dup)).toContainEqual('content/instruments/child-registration.yaml:37 question "sex": the name is used twice in this form');
    const list = fixtureWith(form, (t) => t.replace('choices: tasks\n', 'choices: chores\n'));
    expect(problemsOf(list)).toContainEqual('content/instruments/child-registration.yaml:55 question "tasks": choice list "chores" does not exist in choiceLists');
    const later = fixtureWith(form, (t) => t.replace("- { question: works, equals: ['yes'] }", "- { question: shaft_hours, atLeast: 1 }"));
    expect(problemsOf(later)).toContainEqual(expect.stringMatching(/child-registration\.yaml:57 question "tasks": skip logic refers to "shaft_hours", which is not an earlier question/));
    const unknown = fixtureWith(form, (t) => t.replace("- { question: works, equals: ['yes'] }", "- { question: workz, equals: ['yes'] }"));
    expect(problemsOf(unknown)).toContainEqual(expect.stringMatching(/:57 question "tasks": skip logic refers to "workz"/));
    const badValue = fixtureWith(form, (t) => t.replace("equals: ['yes']", "equals: ['si']"));
    expect(problemsOf(badValue)).toContainEqual(expect.stringMatching(/:57 question "tasks": skip logic expects "si" from the yes\/no question "works"/));
    const noSpanish = fixtureWith(form, (t) => t.replace("        es: { label: Sexo }\n", ''));
    expect(problemsOf(noSpanish)).toContainEqual(expect.stringMatching(/^content\/instruments\/child-registration\.yaml:\d+ instrument field "sections\[0\]\.questions\[1\]\.es": is missing/));
    const feeds = fixtureWith(form, (t) => t.replace('feeds: [children-withdrawn]', 'feeds: [children-rescued]'));
    expect(problemsOf(feeds)).toContainEqual('content/instruments/child-registration.yaml:5 instrument field "feeds[0]": no indicator "children-rescued" in content/indicators/');
    const badName = fixtureWith(form, (t) => t.replace('- name: child_code', '- name: Child-Code'));
    expect(problemsOf(badName)).toContainEqual(expect.stringMatching(/instrument field "sections\[0\]\.questions\[0\]\.name": use lowercase letters/));
  });

  it('fails the Vite build with file and line', () => {
    const root = fixtureWith('en/picking.mdx', (t) => t.replace('communityTypes: [settlement]', 'communityTypes: [village]'));
    expect(buildError(root)).toMatch(/content\/en\/picking\.mdx:8 — frontmatter field "communityTypes\[0\]"/);
  });

  describe('workshop modules', () => {
    const WS = 'workshops/children-map.yaml';
    it('names the line of a Spanish list that has fewer items than the English one', () => {
      const root = fixtureWith(WS, (t) => t.replace('    - Papelógrafos\n', ''));
      expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/workshops\/children-map\.yaml:29 workshop module field "es\.materials" has 1 items but "en\.materials" has 2/));
    });

    it('requires play, drawing, drama or stories in a module for children', () => {
      const root = fixtureWith(WS, (t) => t.replace('method: game', 'method: presentation').replace('method: drawing', 'method: discussion'));
      expect(problemsOf(root)).toContainEqual(expect.stringMatching(/children-map\.yaml:\d+ workshop module for children: include at least one activity based on game, drawing, drama, story/));
    });

    it('names the step of an unknown method and of a facilitator note in one language only', () => {
      const bad = fixtureWith(WS, (t) => t.replace('method: drawing', 'method: lecture'));
      expect(problemsOf(bad)).toContainEqual(expect.stringMatching(/children-map\.yaml:45 workshop module field "steps\[1\]\.method"/));
      const half = fixtureWith(WS, (t) => t.replace(', facilitatorNote: No pregunte quién trabaja.', ''));
      expect(problemsOf(half)).toContainEqual(expect.stringMatching(/children-map\.yaml:\d+ workshop module step 2: the facilitator note is in one language only/));
    });

    it('refuses a module whose id is a chapter id, or whose file name differs', () => {
      const clash = fixtureWith(WS, (t) => t.replace('id: children-map', 'id: picking'));
      expect(problemsOf(clash)).toEqual(expect.arrayContaining([
        expect.stringMatching(/children-map\.yaml:1 workshop module id "picking" is also a chapter or instrument id/),
        expect.stringMatching(/children-map\.yaml:1 workshop module field "id" is "picking" but the file is named children-map\.yaml/),
      ]));
    });

    it('refuses a step with no minutes', () => {
      const root = fixtureWith(WS, (t) => t.replace('  - minutes: 10\n', '  - minutes: 0\n'));
      expect(problemsOf(root)).toContainEqual(expect.stringMatching(/children-map\.yaml:40 workshop module field "steps\[0\]\.minutes": at least 1 minute/));
    });
  });
});
