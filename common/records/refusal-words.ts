/**
 * A refusal of the field records in a language, worded by the catalogues (content/locales/<lang>.json:
 * `records.errors.<code>`, `records.errors.unexpected`, `records.csvReading.<code>`): the records host,
 * the browser edition's worker and the command line word it here; the screens with the same messages
 * from their language pack (refusal-reading.ts). A RecordsError's English detail is for the log only.
 */
import type { Lang } from '../facets.ts';
import { translatorFor } from '../i18n/catalogues.ts';
import type { CsvParseCode, RecordsErrorCode } from './refusal-codes.ts';
import { refusalParams, type RefusalParams, type RefusalTexts } from './refusal-reading.ts';

const ERRORS = 'records.errors.';
const texts = new Map<Lang, RefusalTexts>();

/** A language's refusal messages by code (and `unexpected`), as the screens get them, for refusalMessage. */
export function refusalTexts(lang: Lang): RefusalTexts {
  let made = texts.get(lang);
  if (!made) {
    const t = translatorFor(lang);
    const keys = t.keys().filter((key) => key.startsWith(ERRORS));
    made = Object.fromEntries(keys.map((key) => [key.slice(ERRORS.length), (params: RefusalParams) => t.formatLoose(key, params)!]));
    texts.set(lang, made);
  }
  return made;
}

/** A refusal in a language, from its code and parameters (a field's error on the form, the command line, the log). */
export function refusalText(code: RecordsErrorCode, params: RefusalParams, lang: Lang): string {
  const words = translatorFor(lang).formatLoose(`${ERRORS}${code}`, refusalParams(code, params));
  if (words === undefined) throw new Error(`no message "${ERRORS}${code}" in the ${lang} catalogue`);
  return words;
}

/** Why a line of a CSV file cannot be read, in a language. */
export function csvProblemText(code: CsvParseCode, lang: Lang): string {
  return translatorFor(lang).formatLoose(`records.csvReading.${code}`)!;
}
