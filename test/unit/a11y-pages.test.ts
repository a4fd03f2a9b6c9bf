import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestChapter } from '../../common/content-schema.ts';
import { componentsIn, contentHash, everyRoute, fullSweepReason, readSweepStamp, representativeRoutes, writeSweepStamp } from '../e2e/a11y-pages.ts';

const page = (lang: 'en' | 'es', kind: ManifestChapter['kind'], id: string) => ({ lang, kind, id, route: `#/${lang}/${id}` }) as ManifestChapter;
const chapters = [
  page('en', 'chapter', 'intro'), page('en', 'chapter', 'picking'), page('en', 'chapter', 'records'), page('en', 'chapter', 'glossary'),
  page('en', 'instrument', 'registration'), page('en', 'instrument', 'visit'), page('en', 'module', 'map'), page('en', 'module', 'puppets'),
  page('es', 'chapter', 'intro'), page('es', 'instrument', 'registration'),
];
const uses: Record<string, string[]> = { intro: ['Callout', 'Cite'], picking: ['Callout', 'Term'], records: ['FieldRecords', 'Cite'], glossary: ['GlossaryList'] };
const componentsOf = (c: ManifestChapter) => uses[c.id] ?? [];

const dir = mkdtempSync(path.join(tmpdir(), 'puente-a11y-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the accessibility sweep\'s pages', () => {
  it('every page: home, library and each page of the language', () => {
    expect(everyRoute(chapters, 'es')).toEqual(['#/es', '#/es/my-library', '#/es/intro', '#/es/registration']);
  });

  it('one page of each kind: home, library, the first of each kind, and the first chapter using each component, once each', () => {
    expect(representativeRoutes(chapters, 'en', componentsOf)).toEqual([
      '#/en', '#/en/my-library', '#/en/intro', '#/en/registration', '#/en/map', '#/en/picking', '#/en/records', '#/en/glossary',
    ]);
    expect(representativeRoutes(chapters, 'es', componentsOf)).toEqual(['#/es', '#/es/my-library', '#/es/intro', '#/es/registration']);
  });

  it('reads the components a chapter uses from its MDX', () => {
    expect(componentsIn('Text <Term id="x">x</Term> and <Cite src="a" at="§1" />.\n\n<FieldRecords />\n<Callout kind="note">a <b></b></Callout>')).toEqual(['Term', 'Cite', 'FieldRecords', 'Callout']);
  });
});

describe('when the sweep visits every page', () => {
  it('when PUENTE_FULL_A11Y=1, when none has passed here, and when the content changed since the last one; otherwise not', () => {
    expect(fullSweepReason('1', 'h1', 'h1')).toBe('PUENTE_FULL_A11Y=1');
    expect(fullSweepReason(undefined, null, 'h1')).toBe('no full sweep has passed on this machine yet');
    expect(fullSweepReason(undefined, 'h0', 'h1')).toBe('the content changed since the last full sweep');
    expect(fullSweepReason(undefined, 'h1', 'h1')).toBeNull();
    expect(fullSweepReason('0', 'h1', 'h1')).toBeNull();
  });

  it('the content hash changes with any content file, and only then', () => {
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'en'), { recursive: true });
    writeFileSync(path.join(content, 'en', 'intro.mdx'), 'one');
    writeFileSync(path.join(content, 'sources.yaml'), 'a: 1');
    const first = contentHash(content);
    expect(contentHash(content)).toBe(first);
    writeFileSync(path.join(content, 'en', 'intro.mdx'), 'two');
    expect(contentHash(content)).not.toBe(first);
    writeFileSync(path.join(content, 'en', 'intro.mdx'), 'one');
    expect(contentHash(content)).toBe(first);
    writeFileSync(path.join(content, 'en', 'new.mdx'), '');
    expect(contentHash(content)).not.toBe(first);
  });

  it('keeps the hash of the last passing full sweep per theme; a missing or damaged stamp reads as none', () => {
    const stamp = path.join(dir, 'test-results', 'a11y-full-sweep.json');
    expect(readSweepStamp(stamp, 'light')).toBeNull();
    writeSweepStamp(stamp, 'light', 'h1');
    writeSweepStamp(stamp, 'dark', 'h2');
    expect([readSweepStamp(stamp, 'light'), readSweepStamp(stamp, 'dark')]).toEqual(['h1', 'h2']);
    writeFileSync(stamp, '{not json');
    expect(readSweepStamp(stamp, 'dark')).toBeNull();
  });
});
