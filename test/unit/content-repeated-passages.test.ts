/**
 * Each passage said once: a run of 25+ identical words shared by two chapters of the same
 * language stops the build, with both places, unless the reviewed baseline records it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { buildError, fixtureWith, problemsOf, removeFixtures } from '../fixtures/content-fixture.ts';

afterEach(removeFixtures);

/** 30 words. */
const PASSAGE = 'Teams that visit the waste heaps every week learn which families need support first and can plan the school year with the parents before the holidays begin again in March.';
const INTRO_LINK = 'Field teams. See [ore picking](picking#what-children-do).\n';
const PICKING_TERM = 'Children under 14 do <Term id="pallaqueo">pallaqueo</Term> <Cite src="ipec-eval-2005" at="§25" />.\n';

/** The fixture with `intro` saying `a` on line 19 and `picking` (in `lang`) saying `b` on line 17. */
function twoChapters(a: string, b: string, lang: 'en' | 'es' = 'en'): string {
  const root = fixtureWith('en/intro.mdx', (t) => t.replace(INTRO_LINK, `${INTRO_LINK}\n${a}\n`));
  const picking = path.join(root, lang, 'picking.mdx');
  const text = readFileSync(picking, 'utf8');
  const anchor = lang === 'en' ? PICKING_TERM : text.split('\n')[14] + '\n';
  writeFileSync(picking, text.replace(anchor, `${anchor}\n${b}\n`));
  return root;
}

const words = (text: string, n: number) => text.split(' ').slice(0, n).join(' ');
const baseline = (root: string, runs: Array<{ files: [string, string]; words: number; text: string }>) =>
  writeFileSync(path.join(root, 'repeated-passages-baseline.json'), JSON.stringify({ note: 'test', runs }));
const NORMALISED = PASSAGE.toLowerCase().replace(/[^a-z0-9 ]/g, '');

describe('repeated passages', () => {
  it('refuses a new run shared by two chapters, naming both places, in the validator and the build', () => {
    const root = twoChapters(PASSAGE, `As the guide says: ${PASSAGE}`);
    const message = '30 words ("teams that visit the waste heaps every week …") repeat content/en/picking.mdx:17';
    expect(problemsOf(root)).toContainEqual(expect.stringContaining(`content/en/intro.mdx:19 ${message}`));
    expect(buildError(root)).toContain(`content/en/intro.mdx:19 — ${message}`);
  });

  it('sees through case and punctuation', () => {
    const root = twoChapters(PASSAGE, PASSAGE.toUpperCase().replace('heaps every', 'heaps — every').replace('first and', 'first; and'));
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:19 30 words .* repeat content\/en\/picking\.mdx:17/));
  });

  it('accepts 24 shared words, and the same words in the other language\'s chapters', () => {
    expect(problemsOf(twoChapters(words(PASSAGE, 24), `${words(PASSAGE, 24)} and then more.`))).toEqual([]);
    expect(problemsOf(twoChapters(PASSAGE, PASSAGE, 'es'))).toEqual([]);
  });

  it('tolerates a run recorded in the baseline, and what is left of it once shortened; warns about entries that no longer match', () => {
    const files: [string, string] = ['content/en/intro.mdx', 'content/en/picking.mdx'];
    const recorded = twoChapters(PASSAGE, PASSAGE);
    baseline(recorded, [{ files, words: 30, text: NORMALISED }]);
    expect(problemsOf(recorded)).toEqual([]);
    expect(loadContent(recorded).warnings).toEqual([]);

    const shortened = twoChapters(PASSAGE, PASSAGE.replace('in March.', 'soon.'));
    baseline(shortened, [{ files, words: 30, text: NORMALISED }]);
    expect(problemsOf(shortened)).toEqual([]);

    const otherPair = twoChapters(PASSAGE, PASSAGE);
    baseline(otherPair, [{ files: ['content/en/intro.mdx', 'content/en/other.mdx'], words: 30, text: NORMALISED }]);
    expect(problemsOf(otherPair)).toContainEqual(expect.stringMatching(/^content\/en\/intro\.mdx:19 30 words/));

    const fixed = fixtureWith('en/intro.mdx', (t) => t);
    baseline(fixed, [{ files, words: 30, text: NORMALISED }]);
    expect(problemsOf(fixed)).toEqual([]);
    expect(loadContent(fixed).warnings.map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual([
      'content/repeated-passages-baseline.json:1 runs[0] (content/en/intro.mdx and content/en/picking.mdx, "teams that visit the waste heaps every week …") no longer repeats: remove the entry',
    ]);
  });

  it('refuses a baseline that cannot be read', () => {
    const root = fixtureWith('en/intro.mdx', (t) => t);
    writeFileSync(path.join(root, 'repeated-passages-baseline.json'), '{ "runs": [ }');
    expect(problemsOf(root)).toContainEqual(expect.stringMatching(/^content\/repeated-passages-baseline\.json:1 not valid JSON/));
  });
});
