import { describe, expect, it } from 'vitest';
import { citationLabel, localLocator } from '../../common/source-citation.ts';
import type { Source } from '../../common/content-schema.ts';

const sources: Source[] = [
  { id: 'ipec-eval-2005', year: 2005, en: { title: 'Final evaluation of the ILO-IPEC programme', short: 'ILO-IPEC final evaluation', description: 'x' }, es: { title: 'Evaluación final del programa OIT-IPEC', short: 'Evaluación final OIT-IPEC', description: 'x' } },
  { id: 'asm-gender-paper', year: null, en: { title: 'Formalisation … gender perspective', short: 'Gender and formalisation paper', description: 'x' }, es: { title: 'Formalización … género', short: 'Estudio de género y formalización', description: 'x' } },
];

describe('a source reference as the reader reads it', () => {
  it('says paragraphs, notes, chapters and sections in the reader\'s language', () => {
    expect(localLocator('§25–26, note 6', 'es')).toBe('§25–26, nota 6');
    expect(localLocator('§25–26, note 6', 'en')).toBe('§25–26, note 6');
    expect(localLocator('notes 3–4; §9', 'es')).toBe('notas 3–4; §9');
    expect(localLocator('Chapter Six', 'es')).toBe('capítulo 6');
    expect(localLocator('Chapter Six', 'en')).toBe('chapter 6');
    expect(localLocator('Section 7, Section 8', 'es')).toBe('sección 7, sección 8');
    expect(localLocator('lesson 3', 'es')).toBe('lección 3');
  });

  it('quotes a heading of the document as the document names it, in the reader\'s quotation marks', () => {
    expect(localLocator('Livelihoods', 'es')).toBe('«Livelihoods»');
    expect(localLocator('Chapter Seven, Increased Precarity', 'es')).toBe('capítulo 7, «Increased Precarity»');
    expect(localLocator('Executive summary', 'en')).toBe('“Executive summary”');
  });

  it('names the source by its short title, never by its internal id', () => {
    expect(citationLabel(sources, 'ipec-eval-2005', '§25–26, note 6', 'es')).toBe('Evaluación final OIT-IPEC, §25–26, nota 6');
    expect(citationLabel(sources, 'asm-gender-paper', 'Chapter Six', 'en')).toBe('Gender and formalisation paper, chapter 6');
    // A source the manual does not list keeps its id, so the reference is still traceable.
    expect(citationLabel(sources, 'unknown-src', '§2', 'es')).toBe('unknown-src, §2');
  });
});
