/**
 * Why a submission of an export, a form of a merged backup or a row of a CSV is not taken in: a code
 * and its parameters (so a screen can word it again), and the sentence in the reader's language from
 * the catalogues (records.problems.* in content/locales/<lang>.json); the screens word it with their
 * language pack's same messages (renderer/src/records/problem-text.ts).
 */
import type { Lang } from '../../facets.ts';
import { translatorFor } from '../../i18n/catalogues.ts';
import { problemParams } from '../refusal-reading.ts';
import type { SubmissionProblemCode } from '../records-api.ts';

type ProblemParams = Record<string, string | number>;

export function problemText(code: SubmissionProblemCode, params: ProblemParams, lang: Lang): string {
  const words = translatorFor(lang).formatLoose(`records.problems.${code}`, problemParams(code, params, lang));
  if (words === undefined) throw new Error(`no message "records.problems.${code}" in the ${lang} catalogue`);
  return words;
}
