/**
 * Search terms as the search index sees them: the shared folding and light stemming of
 * common/text.ts, then a few derivational and verb endings removed, so that the words of one
 * family meet (replicate, replication, replicating → replic; retirado, retiro, retirar →
 * retir; dejan, dejar → dej; readiness, ready → readi); hyphenated compounds are also one
 * term (phase-out → phaseout). Used to build the index, to read queries and to highlight.
 */
import type { Lang } from '../facets.ts';
import { foldText, searchTerms } from '../text.ts';

/** Shortest root left after removing an ending: shorter roots meet unrelated words. */
const MIN_ROOT = 4;

/** [ending, replacement], tried in order on the light stem; the first that leaves a long enough root applies (none for a language not listed). */
const ENDINGS: Partial<Record<Lang, ReadonlyArray<readonly [string, string]>>> = {
  en: [
    ['isation', 'is'], ['ization', 'is'], ['ation', ''], ['ness', ''], ['ment', ''], ['ity', ''],
    ['able', ''], ['ate', ''], ['at', ''], ['ise', 'is'], ['ize', 'is'], ['iz', 'is'],
  ],
  es: [
    // después del plural y del género: formalizacion, retirad, trabajand, prevencion, trabajaron
    ['aciones', ''], ['acion', ''], ['icion', ''], ['encion', 'en'], ['mente', ''], ['idad', ''], ['ador', ''],
    ['ieron', ''], ['aron', ''], ['aban', ''], ['ab', ''], ['iend', ''], ['and', ''], ['ad', ''], ['id', ''],
  ],
};

/**
 * Spanish verb endings, looked for in the word as written: infinitives (dejar), an infinitive
 * with a pronoun (acusarlos) and the third person plural (dejan, pueden); nouns of the same
 * shape go with their plurals (mujer, mujeres; joven, jóvenes). Looking at the written word
 * keeps nouns in -ero and -era (minero, frontera) apart from infinitives in -er. A verb root
 * may be three letters long (dej, lleg).
 */
const SPANISH_VERB = /(?:ar|er|ir)(?:l[oa]s?|les?|se|me|nos|es)?$|[ae]n(?:es)?$/;
const MIN_VERB_ROOT = 3;

const CONSONANT_Y = /[^aeiouy]y$/;

function reduce(stemmed: string, word: string, lang: Lang): string {
  let t = stemmed;
  if (lang === 'es') {
    const verb = SPANISH_VERB.exec(word);
    if (verb && verb.index >= MIN_VERB_ROOT && verb.index < t.length) t = word.slice(0, verb.index);
  }
  for (const [ending, replacement] of ENDINGS[lang] ?? []) {
    if (t.endsWith(ending) && t.length - ending.length >= MIN_ROOT) {
      t = t.slice(0, t.length - ending.length) + replacement;
      break;
    }
  }
  // ready, readiness; family, families (→ famili)
  if (lang === 'en' && t.length > MIN_ROOT && CONSONANT_Y.test(t)) t = `${t.slice(0, -1)}i`;
  return t;
}

const cache = new Map<Lang, Map<string, string>>();

/** "%" is a word: figures are written "30 %" and asked about as "percentage" (the thesaurus joins the two); a language not listed drops it. */
const PERCENT: Partial<Record<Lang, string>> = { en: 'percent', es: 'porciento' };

/** A folded word: letters and digits, or "%". */
export const FOLDED_WORD = /[a-z0-9]+|%/g;

/** The folded words of a text, in order ("%" included). */
export function foldedWords(text: string): string[] {
  return foldText(text).match(FOLDED_WORD) ?? [];
}

/** The index term of one folded word ('' for a stop word). */
export function termOf(foldedWord: string, lang: Lang): string {
  let c = cache.get(lang);
  if (!c) cache.set(lang, (c = new Map()));
  let term = c.get(foldedWord);
  if (term === undefined) {
    if (c.size > 200_000) c.clear();
    const [stemmed] = searchTerms(foldedWord === '%' ? (PERCENT[lang] ?? '') : foldedWord, lang);
    term = stemmed === undefined ? '' : reduce(stemmed, foldedWord, lang);
    c.set(foldedWord, term);
  }
  return term;
}

/** A run of words joined by hyphens in folded text (phase-out, child-care, out-of-school). */
const COMPOUND = /[a-z0-9]+(?:[-\u2010\u2011][a-z0-9]+)+/g;
const HYPHENS = /[-\u2010\u2011]/g;
const TOKEN = /[a-z0-9]+(?:[-\u2010\u2011][a-z0-9]+)*|%/g;

/** A folded token of a query or a name: a word, or a hyphenated compound with its parts. */
export interface Token {
  word: string;
  /** The words of a compound (phase, out); absent for a plain word. */
  parts?: string[];
}

/** The tokens of a text: hyphenated compounds kept whole (phaseout), other words one by one. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of foldText(text).matchAll(TOKEN)) {
    const parts = m[0].split(HYPHENS);
    out.push(parts.length > 1 ? { word: parts.join(''), parts } : { word: m[0] });
  }
  return out;
}

/**
 * The index terms of a text (stop words dropped): each word, and each hyphenated compound
 * written together as well ("phase-out" gives phase, out and phaseout), so that a query for
 * the compound finds it as one word and "childcare" finds "child-care".
 */
export function indexTerms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of foldedWords(text)) {
    const t = termOf(w, lang);
    if (t) out.push(t);
  }
  if (text.includes('-') || text.includes('\u2010') || text.includes('\u2011')) {
    for (const m of foldText(text).matchAll(COMPOUND)) {
      const t = termOf(m[0].replace(HYPHENS, ''), lang);
      if (t) out.push(t);
    }
  }
  return out;
}

/**
 * Counted terms: a word written just after a number ("seis comunidades", "10 ONG", "70 toneladas
 * de mercurio") is also indexed as COUNTED + its term, so a question that asks how many finds
 * the text that gives the figure, not only the texts that name the thing (see query-plan.ts).
 * Never typed: a query's words have no "#".
 */
export const COUNTED = '#';
/** Content words after a number that it may count ("six Andean communities", "70 toneladas de mercurio"). */
const COUNT_WINDOW = 2;
/** Numbers written as words ("one" and "un, una, uno" are left out: mostly articles and pronouns); digits only for a language not listed. */
const NUMBER_WORDS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(('two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred hundreds thousand thousands million millions dozen dozens').split(' ')),
  es: new Set(('dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa ' +
    'cien ciento cientos mil miles millon millones docena docenas').split(' ')),
};
const DIGITS = /^[0-9]+$/;
/** A year (1900–2099) says when, not how many. */
const YEAR = /^(?:19|20)[0-9]{2}$/;

/** Whether a folded word is a number that may count something (digits that are no year, or a number word). */
export function isNumber(foldedWord: string, lang: Lang): boolean {
  return DIGITS.test(foldedWord) ? !YEAR.test(foldedWord) : (NUMBER_WORDS[lang]?.has(foldedWord) ?? false);
}

/** The counted terms of a text: the terms of the COUNT_WINDOW content words after each number, marked COUNTED. */
export function countedTerms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  const folded = foldedWords(text);
  for (let i = 0; i < folded.length; i++) {
    if (!isNumber(folded[i], lang)) continue;
    let taken = 0;
    for (let j = i + 1; j < folded.length && taken < COUNT_WINDOW && !isNumber(folded[j], lang); j++) {
      const t = termOf(folded[j], lang);
      if (!t) continue;
      out.push(COUNTED + t);
      taken++;
    }
  }
  return out;
}

/** The terms a document is indexed under: its index terms, then its counted terms. */
export function documentTerms(text: string, lang: Lang): string[] {
  return [...indexTerms(text, lang), ...countedTerms(text, lang)];
}
