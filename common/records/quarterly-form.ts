/**
 * The committee's quarterly form (content/instruments/quarterly-report.yaml) started from the
 * register's counts for one quarter and community. Its boxes count differently from the
 * Quarterly report tab: identified means identified as working (the tab adds children at risk),
 * withdrawn and prevented mean verified so within the quarter (the tab counts every child so by
 * the quarter's end), under 14 includes 0–5, and visits are follow-up visits only.
 */
import type { Answers } from '../forms/answers.ts';
import type { Breakdown, QuarterFigures } from './records-store.ts';
import { quarterEnd, quarterStart } from './records-schema.ts';

export const QUARTERLY_FORM = 'quarterly-report';

/** The form's four boxes of one count: girls and boys, under 14 (0–13) and 14 to 17. */
function boxes(prefix: string, b: Breakdown): Answers {
  return {
    [`${prefix}_girls_under14`]: b.f.early + b.f.under14,
    [`${prefix}_boys_under14`]: b.m.early + b.m.under14,
    [`${prefix}_girls_14_17`]: b.f['14to17'],
    [`${prefix}_boys_14_17`]: b.m['14to17'],
  };
}

/** The answers the register can give; the rest (organisations, planned visits, problems, decisions) is the committee's to fill. */
export function quarterlyFormFromCounts(q: QuarterFigures, community: string): Answers {
  return {
    ...(community ? { community } : {}),
    period_start: quarterStart(q.quarter),
    period_end: quarterEnd(q.quarter),
    ...boxes('identified', q.identifiedWorking),
    ...boxes('withdrawn', q.withdrawnThisQuarter),
    ...boxes('prevented', q.preventedThisQuarter),
    visits_done: q.followUpVisits,
    referrals_made: q.referrals,
  };
}
