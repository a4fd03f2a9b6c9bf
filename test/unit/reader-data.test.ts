import { describe, expect, it } from 'vitest';
import { parseReaderExport } from '../../common/reader-data.ts';
import { continueInPath, EMPTY_READER_DATA, exportReaderData, mergeReaderData, nextInPath } from '../../common/reader-marks.ts';

const mine = {
  bookmarks: [{ chapterId: 'glossary', anchor: 'term-palliri', createdAt: '2026-11-01T10:00:00Z' }],
  notes: [{ chapterId: 'baseline', anchor: 'ethics', text: 'Ask the school first', updatedAt: '2026-11-02T10:00:00Z' }],
  recent: [{ chapterId: 'baseline', at: '2026-11-02T10:00:00Z' }],
  read: ['baseline'],
};

describe('reader data files', () => {
  it('round-trips through an exported file', () => {
    const parsed = parseReaderExport(exportReaderData(mine, new Date('2026-11-03T00:00:00Z')));
    expect(parsed).toEqual({ ok: true, data: mine });
  });

  it('rejects a bad file with the reason and the field', () => {
    expect(parseReaderExport('{not json')).toMatchObject({ ok: false, error: expect.stringMatching(/^not a JSON file/) });
    expect(parseReaderExport(JSON.stringify({ format: 'other', version: 1, exportedAt: '2026-01-01T00:00:00Z', data: mine }))).toMatchObject({ ok: false, error: expect.stringMatching(/field "format"/) });
    const bad = { format: 'puente-reader-data', version: 1, exportedAt: '2026-01-01T00:00:00Z', data: { ...mine, notes: [{ ...mine.notes[0], chapterId: '../../x' }] } };
    expect(parseReaderExport(JSON.stringify(bad))).toMatchObject({ ok: false, error: expect.stringMatching(/field "data\.notes\.0\.chapterId"/) });
  });

  it('merges an import into what is here: no duplicate bookmarks, the newer note wins', () => {
    const incoming = {
      bookmarks: [...mine.bookmarks, { chapterId: 'potosi', anchor: '', createdAt: '2026-11-05T00:00:00Z' }],
      notes: [{ chapterId: 'baseline', anchor: 'ethics', text: 'Older text', updatedAt: '2026-10-01T00:00:00Z' }, { chapterId: 'health', anchor: 'steps', text: 'New', updatedAt: '2026-11-05T00:00:00Z' }],
      recent: [{ chapterId: 'potosi', at: '2026-11-05T00:00:00Z' }],
      read: ['potosi'],
    };
    const merged = mergeReaderData(mine, incoming);
    expect(merged.bookmarks.map((b) => b.chapterId)).toEqual(['glossary', 'potosi']);
    expect(merged.notes.find((n) => n.chapterId === 'baseline')!.text).toBe('Ask the school first');
    expect(merged.notes).toHaveLength(2);
    expect(merged.recent.map((r) => r.chapterId)).toEqual(['potosi', 'baseline']);
    expect(merged.read.sort()).toEqual(['baseline', 'potosi']);
    expect(mergeReaderData(EMPTY_READER_DATA, mine)).toEqual(mine);
  });

  it('guides through a reading path', () => {
    const path = ['a', 'b', 'c'];
    expect(continueInPath(path, [])).toBe('a');
    expect(continueInPath(path, ['a', 'c'])).toBe('b');
    expect(continueInPath(path, ['a', 'b', 'c'])).toBeNull();
    expect(nextInPath(path, 'b')).toBe('c');
    expect(nextInPath(path, 'c')).toBeNull();
    expect(nextInPath(path, 'x')).toBeNull();
  });
});
