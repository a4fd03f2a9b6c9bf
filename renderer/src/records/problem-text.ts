/** How a refusal from the records host reads in the reader's language. */
import type { Lang } from '../../../common/facets.ts';
import { problemText } from '../../../common/records/import/problem-words.ts';
import type { SubmissionProblem } from '../../../common/records/records-api.ts';
import type { ProblemParams } from '../app/i18n.ts';

/**
 * A failed request as the reader sees it: without the channel name; a known problem in the reader's
 * language (worded from its parameters when it has them), otherwise the host's own detail after it.
 */
export function messageOf(e: unknown, texts: Record<string, string | ((p: ProblemParams) => string)>): string {
  const text = (e instanceof Error ? e.message : String(e)).replace(/^records:call: /, '');
  const m = /^\[([a-z-]+)(?:\|([^\]\s]*))?\] (.*)$/s.exec(text);
  if (!m) return text;
  const [, code, encoded, detail] = m;
  const local = texts[code];
  if (typeof local === 'function') {
    try {
      return local(JSON.parse(decodeURIComponent(encoded ?? '%7B%7D')) as ProblemParams);
    } catch {
      return detail;
    }
  }
  return local ? (local === detail ? local : `${local} (${detail})`) : detail;
}

/**
 * Why one submission (or one form of a merged backup) is not taken in, worded from its code and
 * parameters in the reader's language now; the same words the command line prints (one wording, in common/).
 */
export function submissionProblemText(problem: Pick<SubmissionProblem, 'code' | 'params'>, lang: Lang): string {
  return problemText(problem.code, problem.params, lang);
}
