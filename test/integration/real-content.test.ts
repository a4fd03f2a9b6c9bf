/** The whole real manual through the content checks `npm run validate` and the build run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../scripts/content/load-content.ts';
import { REAL } from '../fixtures/content-fixture.ts';

let content: LoadedContent;
beforeAll(() => {
  content = loadContent(REAL);
});

describe('the real manual content', () => {
  it('passes every content check', () => {
    expect(content.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    expect(content.chapters.length).toBeGreaterThanOrEqual(18);
  });

  it('has the thesaurus search reads: every concept, glossary link, related concept and label valid', () => {
    expect(content.problems.filter((p) => p.file.includes('thesaurus')).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    expect(content.thesaurus.length).toBeGreaterThanOrEqual(60);
  });
});
