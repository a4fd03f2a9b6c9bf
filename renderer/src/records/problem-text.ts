/** How a refusal from the records host reads in the reader's language. */
import type { Lang } from '../../../common/facets.ts';
import type { SubmissionProblem } from '../../../common/records/records-api.ts';
import { problemParams, refusalMessage, type RefusalTexts } from '../../../common/records/refusal-reading.ts';

/**
 * A failed request (or a status warning) as the reader sees it, with their language's refusal messages:
 * a refusal the host names by its code is worded in full from its parameters; anything else is an
 * unexpected problem, said in the reader's language with the host's own words marked as a technical detail.
 */
export function messageOf(e: unknown, texts: RefusalTexts): string {
  return refusalMessage(e, texts);
}

/**
 * Why one submission (or one form of a merged backup) is not taken in, worded from its code and
 * parameters with the reader's language's records.problems messages: the words the command line prints.
 */
export function submissionProblemText(problem: Pick<SubmissionProblem, 'code' | 'params'>, texts: RefusalTexts, lang: Lang): string {
  const words = texts[problem.code];
  return typeof words === 'function' ? words(problemParams(problem.code, problem.params, lang)) : words ?? problem.code;
}
