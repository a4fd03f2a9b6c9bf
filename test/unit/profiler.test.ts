import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Community } from '../../common/content-schema.ts';
import { buildPlan, checkAnswers, profilerSchema, sameAnswers, type ProfilerAnswers } from '../../common/profiler.ts';

const def = profilerSchema.parse(parse(readFileSync(path.resolve(import.meta.dirname, '../../content/profiler.yaml'), 'utf8')));

function community(id: string, fields: Partial<Community>): Community {
  const text = { name: id, implementingAgency: 'NGO', production: 'p', results: 'r' };
  return {
    id, caseChapter: id, country: 'pe', communityType: 'settlement', organisation: 'not-reported', workRelations: 'not-reported',
    sizeBand: 'not-reported', partOfLargerComplex: false, minerals: ['gold'], maturity: 'not-assessed', standout: [],
    en: text, es: text, sources: [{ src: 'ipec-eval-2005', at: '§24' }], ...fields,
  };
}

const cases = [
  community('camp-equal-formal', { communityType: 'settlement', organisation: 'property-equality', workRelations: 'formal', sizeBand: 'small' }),
  community('camp-unequal-informal', { communityType: 'settlement', organisation: 'property-inequality', workRelations: 'informal', sizeBand: 'large' }),
  community('town-equal-informal', { communityType: 'urban', organisation: 'property-equality', workRelations: 'informal', partOfLargerComplex: true }),
  community('colombia', { communityType: 'not-reported', country: 'co' }),
];

/** Settlement, informal cooperative that hires, working adolescents: the case in the issue. */
const settlementAnswers: ProfilerAnswers = {
  'where-families-live': ['camp'],
  concession: ['members-hire-others'],
  'how-work-is-paid': ['turns-or-shares'],
  authority: ['no'],
  size: ['large'],
  'larger-complex': ['no'],
  'willing-organisation': ['maybe'],
  'missing-services': ['child-care'],
  'working-children': ['adolescents-mine', 'under14-picking'],
};

describe('the community profiler', () => {
  it('asks about ten questions', () => {
    expect(def.questions.length).toBeGreaterThanOrEqual(9);
    expect(def.questions.length).toBeLessThanOrEqual(12);
  });

  it('names the closest cases first, with the features they share', () => {
    const result = buildPlan(def, settlementAnswers, cases);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.matches.map((m) => m.communityId)).toEqual(['camp-unequal-informal', 'camp-equal-formal', 'town-equal-informal']);
    expect(result.plan.matches.map((m) => m.score)).toEqual([9, 4, 2]);
    expect(result.plan.matches[0].reasons.map((r) => `${r.feature}:${r.value}`)).toEqual([
      'communityType:settlement', 'organisation:property-inequality', 'workRelations:informal', 'sizeBand:large', 'partOfLargerComplex:false',
    ]);
    expect(result.plan.matches.some((m) => m.communityId === 'colombia')).toBe(false);
  });

  it('quotes the evaluation’s hypothesis that fits, with its citation, and only that', () => {
    const result = buildPlan(def, settlementAnswers, cases);
    if (!result.ok) throw new Error('no plan');
    expect(result.plan.hypotheses.map((h) => h.id)).toEqual(['unequal-and-informal', 'informal', 'large']);
    expect(result.plan.hypotheses.every((h) => h.cite.src === 'ipec-eval-2005')).toBe(true);
    expect(result.plan.hypotheses[0].en).toMatch(/hypothesis/i);
  });

  it('lists what to read first for the age groups and services in the answers, without repeats', () => {
    const result = buildPlan(def, settlementAnswers, cases);
    if (!result.ok) throw new Error('no plan');
    const read = result.plan.read;
    expect(read).toEqual(expect.arrayContaining(['adolescents-14-to-17', 'children-under-14', 'child-care-centres', 'mining-organisations-and-technology']));
    expect(read).not.toContain('early-childhood');
    expect(new Set(read).size).toBe(read.length);
    expect(result.plan.steps.length).toBeGreaterThan(2);
    expect(result.plan.steps.every((s) => s.en && s.es)).toBe(true);
  });

  it('turns a missing school into a first step with its source, not only a chapter to read', () => {
    const result = buildPlan(def, { ...settlementAnswers, 'missing-services': ['school'] }, cases);
    const without = buildPlan(def, settlementAnswers, cases);
    if (!result.ok || !without.ok) throw new Error('expected plans');
    const added = result.plan.steps.filter((s) => !without.plan.steps.includes(s));
    expect(added).toHaveLength(1);
    expect(added[0].en).toMatch(/school/i);
    expect(added[0].es).toMatch(/escuela/i);
    expect(added[0].cite?.src).toBe('ipec-eval-2005');
    expect(result.plan.read).toContain('education');
  });

  it('leaves the word "optional" to the form, so no question says it twice', () => {
    for (const q of def.questions) {
      expect(q.en.label, q.id).not.toMatch(/\(optional\)/i);
      expect(q.es.label, q.id).not.toMatch(/\(opcional\)/i);
    }
  });

  it('knows answers given in another order are the same, and a changed one is not (the unsaved-changes warning)', () => {
    expect(sameAnswers({ a: ['x', 'y'], b: ['z'] }, { b: ['z'], a: ['y', 'x'] })).toBe(true);
    expect(sameAnswers({ a: ['x'], b: [] }, { a: ['x'] })).toBe(true);
    expect(sameAnswers({ a: ['x'] }, { a: ['y'] })).toBe(false);
    expect(sameAnswers({ a: ['x'] }, {})).toBe(false);
  });

  it('changes the plan when the community changes', () => {
    const town = buildPlan(def, { ...settlementAnswers, 'where-families-live': ['town'], concession: ['members-work-it'], 'larger-complex': ['yes'], 'working-children': ['young-on-site'] }, cases);
    if (!town.ok) throw new Error('no plan');
    expect(town.plan.matches[0].communityId).toBe('town-equal-informal');
    expect(town.plan.read).toContain('early-childhood');
    expect(town.plan.read).toContain('local-development-planning');
    expect(town.plan.hypotheses.map((h) => h.id)).toContain('mining-complex');
  });

  it('gives no plan for incomplete or impossible answers, and says which questions', () => {
    const { 'working-children': _drop, ...incomplete } = settlementAnswers;
    const r1 = buildPlan(def, incomplete, cases);
    expect(r1).toEqual({ ok: false, problems: [{ question: 'working-children', message: 'missing' }] });
    const r2 = buildPlan(def, { ...settlementAnswers, size: ['small', 'large'] }, cases);
    expect(r2).toEqual({ ok: false, problems: [{ question: 'size', message: 'too-many' }] });
    const r3 = buildPlan(def, { ...settlementAnswers, concession: ['aliens'] }, cases);
    expect(r3).toEqual({ ok: false, problems: [{ question: 'concession', message: 'unknown-option' }] });
    expect(checkAnswers(def, {}).map((p) => p.question)).not.toContain('other-actors');
  });
});
