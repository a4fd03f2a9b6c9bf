import type { Lang } from '../facets.ts';
import { termOf, tokens } from './terms.ts';

/**
 * Words that carry the form of a question, not its subject ("how do I…", "qué hago si…").
 * They are optional in a query: they add to the score of a section that has them (a heading
 * "What did not work"), but a section without them is not missing part of the query.
 */
const QUESTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(('how what which who whom whose where when why do does did done doing i me my we us our ours you your yours they them ' +
    'should can could would will shall must may might if there here about any some so just get gets got make put tell want need ' +
    'please someone something').split(' ')),
  es: new Set(('como cual cuales cuando cuanto cuanta cuantos cuantas donde adonde quien quienes porque si mi mis tu tus yo me nos ' +
    'usted ustedes hay hago hace hacen hacer hacemos puedo puede pueden podemos debo debe deben deberia tengo tiene tienen ' +
    'esta estan este esto estos estas eso ese esa ser son muy ya le les algo alguien quiero necesito favor').split(' ')),
};

export interface QueryWord {
  /** The word as typed, folded. */
  word: string;
  /** Its search term. */
  term: string;
  /** A question word, when the query has other words. */
  optional: boolean;
}

/**
 * The words of a query that are searched for, with their search terms. A hyphenated compound
 * is one word if `isKnown` knows its term (phase-out → phaseout), else its parts.
 */
export function queryWords(query: string, lang: Lang, isKnown: (term: string) => boolean = () => false): QueryWord[] {
  const all: QueryWord[] = [];
  const add = (word: string) => {
    const term = termOf(word, lang);
    if (term) all.push({ word, term, optional: QUESTION_WORDS[lang].has(word) });
  };
  for (const token of tokens(query)) {
    if (token.parts && !isKnown(termOf(token.word, lang))) token.parts.forEach(add);
    else add(token.word);
  }
  if (all.every((w) => w.optional)) for (const w of all) w.optional = false;
  return all;
}
