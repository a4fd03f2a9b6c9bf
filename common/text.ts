/**
 * How Puente turns text into search terms and anchors. The build, the app, the CLI and the
 * benchmark all call these functions, so a word is folded the same way everywhere.
 *
 * Folding: lowercase, accents removed, and ñ folded to n — field staff often type on
 * keyboards without ñ ("nino" for "niño"); the rare clash (año/ano) costs less than a miss.
 */
import type { Lang } from './facets.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^a-z0-9]+/g;

export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Folded words of a text, in order. */
export function words(text: string): string[] {
  return foldText(text).split(NOT_WORD).filter(Boolean);
}

/** Anchor id of a heading: folded, non-alphanumerics as single hyphens. */
export function slugify(text: string): string {
  return foldText(text).replace(NOT_WORD, '-').replace(/^-+|-+$/g, '');
}

/** A language not listed keeps all its words. */
const STOPWORDS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set('a an and are as at be by for from has have in is it its of on or that the their this to was were with'.split(' ')),
  es: new Set('a al con de del el en es la las lo los o para por que se su sus un una y'.split(' ')),
};

/** Light Spanish stemmer: plural and gender endings (niños, niñas, niño → nin). */
function stemSpanish(word: string): string {
  if (word.length < 4) return word;
  if (word.endsWith('eses')) return word.slice(0, -2);
  if (word.endsWith('ces')) return word.slice(0, -3) + 'z';
  if (/(os|as|es)$/.test(word)) return word.slice(0, -2);
  if (/[oae]$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Light English stemmer: plurals and -ing/-ed (monitoring, monitored, monitors → monitor). */
function stemEnglish(word: string): string {
  if (word.length < 4) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('es') && /(sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function undouble(stem: string): string {
  return /([bdgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** The light stemmers by language: a language without one is searched by its folded words as written. */
const STEMMERS: Partial<Record<Lang, (word: string) => string>> = { en: stemEnglish, es: stemSpanish };

export function stem(word: string, lang: Lang): string {
  const stemmer = STEMMERS[lang];
  return stemmer ? stemmer(word) : word;
}

/** Search terms of a text: folded, stop words dropped, stemmed. */
export function searchTerms(text: string, lang: Lang): string[] {
  const stop = STOPWORDS[lang];
  return words(text).filter((w) => !stop?.has(w)).map((w) => stem(w, lang));
}

/** True when a and b differ by at most one edit (insert, delete, substitute, swap neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
