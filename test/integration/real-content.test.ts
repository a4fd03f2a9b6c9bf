/** The whole real manual through the content checks `npm run validate` and the build run. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/content/load-content.ts';
import { REAL } from '../fixtures/content-fixture.ts';

describe('the real manual content', () => {
  it('passes every content check', () => {
    const content = loadContent(REAL);
    expect(content.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    expect(content.chapters.length).toBeGreaterThanOrEqual(18);
  });
});
