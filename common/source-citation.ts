/**
 * A source reference as a reader reads it: the source's short title and the place in it in the
 * reader's language ("Evaluación final OIT-IPEC, §25–26, nota 6"), never an internal id. Locators
 * follow the grammar content/sources.yaml allows (scripts/content/check-locators.ts): §N, §a–b,
 * note N, notes a–b, and named parts of the document (Chapter Six, Section 7, lesson 3, headings).
 */
import type { Source } from './content-schema.ts';
import type { Lang } from './facets.ts';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

const WORDS = {
  en: { note: 'note', notes: 'notes', chapter: 'chapter', section: 'section', lesson: 'lesson', quote: (s: string) => `“${s}”` },
  es: { note: 'nota', notes: 'notas', chapter: 'capítulo', section: 'sección', lesson: 'lección', quote: (s: string) => `«${s}»` },
} as const;

/** One place, without separators. */
function localPlace(place: string, lang: Lang): string {
  const w = WORDS[lang];
  if (place.startsWith('§')) return place;
  let m = /^(note|notes|lesson|Section) (\d+(?:–\d+)?)$/.exec(place);
  if (m) return `${m[1] === 'note' ? w.note : m[1] === 'notes' ? w.notes : m[1] === 'lesson' ? w.lesson : w.section} ${m[2]}`;
  m = /^Chapter (\w+)$/.exec(place);
  const n = m && (NUMBER_WORDS[m[1].toLowerCase()] ?? (/^\d+$/.test(m[1]) ? Number(m[1]) : undefined));
  if (n) return `${w.chapter} ${n}`;
  return w.quote(place);
}

/** "§25–26, note 6" → "§25–26, nota 6"; "Chapter Six" → "capítulo 6"; a heading → «Livelihoods». */
export function localLocator(at: string, lang: Lang): string {
  return at.split(/([,;] )/).map((piece, i) => (i % 2 ? piece : localPlace(piece, lang))).join('');
}

/** The source's short title in the reader's language (its id if the manual does not list it). */
export function sourceShortTitle(sources: readonly Source[], src: string, lang: Lang): string {
  return sources.find((s) => s.id === src)?.[lang].short ?? src;
}

/** "Evaluación final OIT-IPEC, §25–26, nota 6". */
export function citationLabel(sources: readonly Source[], src: string, at: string, lang: Lang): string {
  return `${sourceShortTitle(sources, src, lang)}, ${localLocator(at, lang)}`;
}
