/**
 * Citation locators come from each source's vocabulary in sources.yaml: a paragraph or note
 * number in range, or one of the source's named parts. Anything else stops the build with file:line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildError, fixtureWith, problemsOf, REAL, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

const citeAt = (at: string) => (t: string) => t.replace('at="§25"', `at="${at}"`);

describe('citation locators', () => {
  it('accepts paragraphs, ranges, notes and named parts, alone or in a list', () => {
    for (const at of ['§142', '§25–26', 'note 7', 'notes 6–7', 'Executive summary', '§25, note 7; Executive summary']) {
      expect(problemsOf(fixtureWith('en/picking.mdx', citeAt(at))), at).toEqual([]);
    }
  });

  it('refuses a <Cite at> outside the source\'s vocabulary, in the validator and the build, with file:line', () => {
    const root = fixtureWith('en/picking.mdx', citeAt('Opening summary'));
    const message = '<Cite src="ipec-eval-2005" at="Opening summary">: "Opening summary" is not a locator of ipec-eval-2005; use §1–§142, note 1–22, or one of: Executive summary (content/sources.yaml)';
    expect(problemsOf(root)).toContainEqual(`content/en/picking.mdx:15 ${message}`);
    expect(buildError(root)).toContain(`content/en/picking.mdx:15 — ${message}`);
  });

  it('refuses paragraphs and notes the source does not have, backward ranges and other spellings', () => {
    for (const [at, bad] of [['§143', '§143'], ['§25, §0', '§0'], ['§26–25', '§26–25'], ['note 23', 'note 23'], ['§25-26', '§25-26'], ['executive summary', 'executive summary'], ['§25,note 7', '§25,note 7']]) {
      expect(problemsOf(fixtureWith('en/picking.mdx', citeAt(at))), at).toContainEqual(expect.stringMatching(new RegExp(`^content/en/picking\\.mdx:15 <Cite .*: "${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not a locator of ipec-eval-2005`)));
    }
  });

  it('refuses a locator outside the vocabulary in a YAML file\'s sources, at the line of the field', () => {
    const root = fixtureWith('glossary/pallaqueo.yaml', (t) => t.replace('at: "§25, note 7"', 'at: "§25, footnote 7"'));
    expect(problemsOf(root)).toContainEqual('content/glossary/pallaqueo.yaml:17 glossary term field "sources[0].at": "footnote 7" is not a locator of ipec-eval-2005; use §1–§142, note 1–22, or one of: Executive summary (content/sources.yaml)');
    const indicator = fixtureWith('indicators/children-withdrawn.yaml', (t) => t.replace('at: "§68"', 'at: "p. 12"'));
    expect(problemsOf(indicator)).toContainEqual(expect.stringMatching(/^content\/indicators\/children-withdrawn\.yaml:18 indicator field "sources\[0\]\.at": "p\. 12" is not a locator of ipec-eval-2005/));
  });

  it('refuses a locator outside the vocabulary in the profiler\'s citations', () => {
    const root = fixtureWith('sources.yaml', (t) => t);
    const profiler = readFileSync(path.join(REAL, 'profiler.yaml'), 'utf8');
    const first = profiler.indexOf('cite: { src: ipec-eval-2005, at: "');
    expect(first).toBeGreaterThan(0);
    writeFileSync(path.join(root, 'profiler.yaml'), `${profiler.slice(0, first)}cite: { src: ipec-eval-2005, at: "Chapter 9" }${profiler.slice(profiler.indexOf('}', first) + 1)}`);
    const line = profiler.slice(0, first).split('\n').length;
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(new RegExp(`^content/profiler\\.yaml:${line} profiler field "hypotheses\\[0\\]\\.cite\\.at": "Chapter 9" is not a locator of ipec-eval-2005`)));
  });

  it('requires every source to list its locators', () => {
    const root = fixtureWith('sources.yaml', (t) => t.replace(/  locators:\n(    .*\n)+/, ''));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/sources\.yaml:1 sources\.yaml field "\[0\]\.locators": is missing/));
  });
});
