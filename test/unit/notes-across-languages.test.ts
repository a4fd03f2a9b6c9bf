import { describe, expect, it } from 'vitest';
import { checkTranslations } from '../../scripts/content/check-translations.ts';
import type { LoadedChapter } from '../../scripts/content/load-chapter.ts';
import { noteOnHeading, type Note } from '../../common/reader-marks.ts';

const chapter = (lang: 'en' | 'es', depths: number[]): LoadedChapter => ({
  lang, file: `content/${lang}/x.mdx`,
  frontmatter: { id: 'x' },
  headings: depths.map((depth, i) => ({ id: `${lang}-h${i}`, text: `h${i}`, depth })),
}) as unknown as LoadedChapter;

describe('a note belongs to its heading, in both languages', () => {
  it('shows a note written on the Spanish heading on the same English heading, saying so, and prefers one written there', () => {
    const notes: Note[] = [{ chapterId: 'x', anchor: 'que-funciono', text: 'Preguntar a la cooperativa', updatedAt: '2026-12-01T10:00:00Z' }];
    // English page, heading "what-worked" at the place Spanish has "que-funciono".
    expect(noteOnHeading(notes, 'x', 'what-worked', 'que-funciono')).toEqual({ note: notes[0], writtenElsewhere: true });
    expect(noteOnHeading(notes, 'x', 'what-did-not', 'no-funciono')).toBeNull();
    expect(noteOnHeading(notes, 'y', 'what-worked', 'que-funciono')).toBeNull();
    const own: Note = { chapterId: 'x', anchor: 'what-worked', text: 'Ask the co-op', updatedAt: '2026-12-02T10:00:00Z' };
    expect(noteOnHeading([...notes, own], 'x', 'what-worked', 'que-funciono')).toEqual({ note: own, writtenElsewhere: false });
  });

  it('stops the build when a translation\'s headings differ, since notes follow headings by their place', () => {
    const problems: Array<{ file: string; message: string }> = [];
    const files = new Map([['en', ['x.mdx']], ['es', ['x.mdx']]] as const);
    checkTranslations(files, [chapter('en', [2, 3, 2]), chapter('es', [2, 2])], problems as never);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/heading structure differs from content\/en\/x.mdx \(3 vs 2 headings\).*note/)]);
    const none: typeof problems = [];
    checkTranslations(files, [chapter('en', [2, 3]), chapter('es', [2, 3])], none as never);
    expect(none).toEqual([]);
  });
});
