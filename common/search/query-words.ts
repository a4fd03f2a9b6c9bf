import type { Lang } from '../facets.ts';
import { foldText } from '../text.ts';
import { termOf, tokens } from './terms.ts';

/**
 * Words that carry the form of a question, not its subject ("how do I…", "qué hago si…",
 * "para qué sirven…"). They never decide a ranking: a query is searched without them, unless
 * it has nothing else. They may still name a concept of the thesaurus ("cuántos" asks for a
 * number or a share), which is then looked for without being required.
 */
const FILLER_WORDS = {
  en: new Set(('how what which who whom whose where when why do does did done doing i me my we us our ours you your yours they them ' +
    'should can could would will shall must may might if there here about any some so just get gets got make put tell want need ' +
    'please someone something is are was be been mean means meaning define definition vs versus many much happen happens happened from until between also').split(' ')),
  es: new Set(('como cual cuales cuando cuanto cuanta cuantos cuantas donde adonde quien quienes porque si mi mis tu tus yo me nos ' +
    'usted ustedes hay hago hace hacen hacer hacemos puedo puede pueden podemos debo debe deben deberia tengo tiene tienen ' +
    'esta estan este esto estos estas eso ese esa ser son es era fue muy ya le les algo alguien quiero necesito favor ' +
    'sirve sirven servir significa significan definicion definir vs pasa pasan paso ocurre sucede desde hasta entre sobre segun durante tambien').split(' ')),
};

/** None for a language not listed: its every word counts. */
const FILLER: Partial<Record<Lang, ReadonlySet<string>>> = FILLER_WORDS;

/** The search terms of the filler words: a name's words that only carry the form of a question ("what we need before starting"). */
const FILLER_TERMS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set([...FILLER_WORDS.en].map((w) => termOf(w, 'en')).filter(Boolean)),
  es: new Set([...FILLER_WORDS.es].map((w) => termOf(w, 'es')).filter(Boolean)),
};

/** Whether a search term is only a filler word's. */
export function isFillerTerm(term: string, lang: Lang): boolean {
  return FILLER_TERMS[lang]?.has(term) ?? false;
}

export interface QueryWord {
  /** The word as typed, folded. */
  word: string;
  /** Its search term. */
  term: string;
  /** A question word or filler: never required, never counted for itself. */
  filler: boolean;
}

/**
 * The words of a query that are searched for, with their search terms. A hyphenated compound
 * is one word if `isKnown` knows its term (phase-out → phaseout), else its parts. When every
 * word is filler ("what is"), none is.
 */
export function queryWords(query: string, lang: Lang, isKnown: (term: string) => boolean = () => false): QueryWord[] {
  const all: QueryWord[] = [];
  const add = (word: string) => {
    const term = termOf(word, lang);
    if (term) all.push({ word, term, filler: FILLER[lang]?.has(word) ?? false });
  };
  for (const token of tokens(query)) {
    if (token.parts && !isKnown(termOf(token.word, lang))) token.parts.forEach(add);
    else add(token.word);
  }
  if (all.every((w) => w.filler)) for (const w of all) w.filler = false;
  return all;
}

/** Ways of asking what a thing is: "qué es…", "¿qué significa…?", "definición de…", "what is…", "what does … mean". */
const DEFINITION: Partial<Record<Lang, RegExp>> = {
  en: /^(?:what|who) (?:is|are)(?: an?| the)? \S|\bwhat does .+ mean\b|\bdefin(?:e|ition)\b|\bmeaning of\b|\S (?:means|meaning)$/,
  es: /^(?:que|quien|quienes) (?:es|son|significa|significan|quiere decir)\b|\bdefinicion\b|\bdefinir\b|\bsignificado\b|\bque (?:es|son|significa|quiere decir)$/,
};

/** Whether the query asks what something is (its definition comes first). */
export function asksForDefinition(query: string, lang: Lang): boolean {
  return DEFINITION[lang]?.test(foldText(query).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim()) ?? false;
}

/** Ways of asking for a count or an amount: "cuántos…", "número de…", "how many…", "number of…". */
const COUNT: Partial<Record<Lang, RegExp>> = {
  en: /\bhow (?:many|much)\b|\bnumber of\b|\bamount of\b/,
  es: /\bcuant(?:o|a|os|as)\b|\bnumero de\b|\bcantidad de\b/,
};

/** Whether the query asks how many or how much (the text that gives the figure comes first). */
export function asksForCount(query: string, lang: Lang): boolean {
  return COUNT[lang]?.test(foldText(query)) ?? false;
}
