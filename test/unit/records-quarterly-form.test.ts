import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../common/forms/answers.ts';
import { quarterlyFormFromCounts, QUARTERLY_FORM } from '../../common/records/quarterly-form.ts';
import type { Breakdown, QuarterFigures } from '../../common/records/records-store.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';

const b = (f: [number, number, number], m: [number, number, number]): Breakdown => ({
  f: { early: f[0], under14: f[1], '14to17': f[2] }, m: { early: m[0], under14: m[1], '14to17': m[2] },
});
const q3: QuarterFigures = {
  quarter: '2026-Q3',
  identifiedWorking: b([1, 4, 2], [0, 3, 5]),
  identifiedAtRisk: b([9, 9, 9], [9, 9, 9]),
  withdrawn: b([0, 7, 3], [0, 6, 2]),
  prevented: b([0, 2, 0], [0, 1, 1]),
  withdrawnThisQuarter: b([0, 2, 1], [0, 1, 0]),
  preventedThisQuarter: b([0, 1, 0], [0, 0, 1]),
  followUpVisits: 11,
  visits: 19,
  referrals: 3,
};

describe("the committee's quarterly form from the register's counts", () => {
  it('fills the period, the children identified as working and those verified withdrawn or prevented within the quarter, under 14 counting 0–5', () => {
    const answers = quarterlyFormFromCounts(q3, 'Chima');
    expect(answers).toMatchObject({
      community: 'Chima', period_start: '2026-07-01', period_end: '2026-09-30',
      identified_girls_under14: 5, identified_boys_under14: 3, identified_girls_14_17: 2, identified_boys_14_17: 5,
      withdrawn_girls_under14: 2, withdrawn_boys_under14: 1, withdrawn_girls_14_17: 1, withdrawn_boys_14_17: 0,
      prevented_girls_under14: 1, prevented_boys_14_17: 1,
      visits_done: 11, referrals_made: 3,
    });
    // What only the committee knows stays empty.
    for (const name of ['report_date', 'visits_planned', 'orgs_total', 'problems', 'decisions']) expect(answers).not.toHaveProperty(name);
  });

  it('gives only answers the form has and accepts, and no community for all communities', () => {
    const form = loadInstruments().find((i) => i.id === QUARTERLY_FORM)!;
    const names = new Set(form.sections.flatMap((s) => s.questions.map((q) => q.name)));
    const answers = quarterlyFormFromCounts(q3, '');
    expect(answers).not.toHaveProperty('community');
    for (const name of Object.keys(answers)) expect(names.has(name), name).toBe(true);
    const result = validateAnswers(form, { ...answers, community: 'Chima', report_date: '2026-10-10' }, 'en');
    const wrong = result.ok ? [] : result.errors.filter((e) => e.question in answers);
    expect(wrong).toEqual([]);
  });
});
