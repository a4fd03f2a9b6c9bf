/** Sums of the host's quarterly figures, and which quarter a page opens on. */
import { localToday } from '../../../common/forms/answers.ts';
import { quarterOf } from '../../../common/records/records-schema.ts';
import type { Breakdown, QuarterFigures } from '../../../common/records/records-store.ts';

/** Every child in a breakdown: both sexes, every age group. */
export const total = (b: Breakdown) => (['f', 'm'] as const).reduce((n, s) => n + bySex(b, s), 0);

export const bySex = (b: Breakdown, s: 'f' | 'm') => b[s].early + b[s].under14 + b[s]['14to17'];

/** The figures of today's quarter (the host always includes it), not of a later quarter a mistyped date made. */
export function currentQuarter(figures: QuarterFigures[]): QuarterFigures | undefined {
  const now = quarterOf(localToday());
  return figures.find((q) => q.quarter === now) ?? figures.filter((q) => q.quarter <= now).at(-1) ?? figures.at(-1);
}
