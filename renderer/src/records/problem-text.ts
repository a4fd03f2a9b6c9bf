/** How a refusal from the records host reads in the reader's language. */
import type { Lang } from '../../../common/facets.ts';
import { problemText } from '../../../common/records/import/problem-words.ts';
import type { SubmissionProblem } from '../../../common/records/records-api.ts';
import { refusalMessage, type RefusalTexts } from '../../../common/records/refusal-reading.ts';

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
 * parameters in the reader's language now; the same words the command line prints (one wording, in common/).
 */
export function submissionProblemText(problem: Pick<SubmissionProblem, 'code' | 'params'>, lang: Lang): string {
  return problemText(problem.code, problem.params, lang);
}
