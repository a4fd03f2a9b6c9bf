import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownQuestions, type Answers } from '../../common/forms/answers.ts';
import { blockText, goToText, ifText, onlyIfText } from '../../common/forms/form-text.ts';
import { questionsOf, type Condition, type Instrument, type Question } from '../../common/forms/instrument-schema.ts';
import { planSkips, type SkipPlan } from '../../common/forms/skip-plan.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';

const real = loadInstruments();
const byId = (id: string) => real.find((f) => f.id === id)!;
const fixture = loadContent(path.resolve(import.meta.dirname, '../fixtures/content-good')).instruments[0];

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomAnswers(form: Instrument, rnd: () => number): Answers {
  const answers: Answers = {};
  for (const q of questionsOf(form)) {
    const list = form.choiceLists.find((l) => l.name === q.choices)?.choices.map((c) => c.value) ?? [];
    if (q.type === 'yes_no') answers[q.name] = rnd() < 0.5 ? 'yes' : 'no';
    else if (q.type === 'select_one') answers[q.name] = list[Math.floor(rnd() * list.length)];
    else if (q.type === 'select_multiple') answers[q.name] = list.filter(() => rnd() < 0.3);
    else if (q.type === 'integer' || q.type === 'decimal') {
      const lo = q.min ?? 0;
      const hi = Math.min(q.max ?? 30, lo + 30);
      answers[q.name] = rnd() < 0.3 ? lo : lo + Math.floor(rnd() * (hi - lo + 1));
    } else if (q.type !== 'note') answers[q.name] = 'x';
  }
  return answers;
}

function holds(c: Condition, asked: Set<string>, answers: Answers): boolean {
  const v = answers[c.question];
  if (!asked.has(c.question) || v === null || v === undefined) return false;
  if (c.equals) return typeof v === 'string' && c.equals.includes(v);
  if (c.includes) return Array.isArray(v) && c.includes.some((x) => v.includes(x));
  return typeof v === 'number' && (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
}

/** An interviewer reading the paper from the top: boxes, go-tos beside answers, and conditions written beside items. */
function followPaper(form: Instrument, plan: SkipPlan, answers: Answers): string[] {
  const items = questionsOf(form);
  const asked = new Set<string>();
  const order: string[] = [];
  const ask = (q: Question) => { asked.add(q.name); order.push(q.name); };
  let i = 0;
  while (i < items.length) {
    const q = items[i];
    const failed = (plan.blocksBefore.get(q.name) ?? []).find((b) => !b.conditions.every((c) => holds(c, asked, answers)));
    if (failed) { i = items.findIndex((x) => x.name === failed.last) + 1; continue; }
    i++;
    if (plan.attachedNotes.has(q.name)) continue;
    if (!(plan.inline.get(q.name) ?? []).every((c) => holds(c, asked, answers))) continue;
    ask(q);
    const go = (plan.goTos.get(q.name) ?? []).find((g) => g.values.includes(answers[q.name] as string));
    if (go) {
      for (const n of go.notes) ask(items.find((x) => x.name === n)!);
      i = go.to ? items.findIndex((x) => x.name === go.to!.name) : items.length;
    }
  }
  return order;
}

describe('the printed form carries its skip logic the way paper questionnaires do', () => {
  it('prints the census\'s "Do not go on" beside the No of question 5, and its Yes block as one boxed note', () => {
    const census = byId('household-census');
    const plan = planSkips(census);
    expect(plan.numbers.get('consent')).toBe(5);
    expect(plan.goTos.get('consent')).toEqual([{ values: ['no'], notes: ['consent_stop'], to: null }]);
    expect(plan.attachedNotes.has('consent_stop')).toBe(true);
    const [block] = plan.blocksBefore.get('years_here')!;
    expect(block).toMatchObject({ firstNumber: 6, lastNumber: plan.numbers.size, last: 'end_note' });
    expect(blockText(census, block, 'es')).toBe(`Preguntas 6–${plan.numbers.size}: solo si la pregunta 5 es «Sí».`);
    expect(blockText(census, block, 'en')).toBe(`Questions 6–${plan.numbers.size}: only if question 5 is “Yes”.`);
    // No item repeats the consent condition.
    for (const conditions of plan.inline.values()) expect(conditions.map((c) => c.question)).not.toContain('consent');
  });

  it('sends the census\'s "no child worked" to the holiday question, and says a count condition once beside its question', () => {
    const census = byId('household-census');
    const plan = planSkips(census);
    const [goTo] = plan.goTos.get('any_child_works')!;
    expect(goTo.values).toEqual(['no']);
    expect(goTo.to).toEqual({ name: 'holiday_workers', number: plan.numbers.get('holiday_workers'), isNote: false });
    expect(goToText(goTo, 'es')).toBe(`pase a la ${plan.numbers.get('holiday_workers')}`);
    expect(goToText(goTo, 'en')).toBe(`go to ${plan.numbers.get('holiday_workers')}`);
    const girls = plan.numbers.get('girls_6_13');
    expect(onlyIfText(census, plan.inline.get('girls_6_13_work')!, 'es')).toBe(`Solo si la pregunta ${girls} es 1 o más.`);
    expect(plan.inline.get('task_note')).toBeUndefined();
  });

  it('words a condition beside a note, and several conditions with and', () => {
    const plan = planSkips(fixture);
    expect(onlyIfText(fixture, plan.inline.get('shaft_hours')!, 'es')).toBe('Solo si la pregunta 5 incluye «Trabajo en los socavones» y la pregunta 3 es 17 o menos.');
    expect(ifText(fixture, [{ question: 'works', equals: ['no'] }], 'en')).toBe('If question 4 is “No”:');
    expect(ifText(fixture, [{ question: 'age', atLeast: 5, atMost: 13 }], 'es')).toBe('Si la pregunta 3 es entre 5 y 13:');
  });

  it('leads an interviewer through exactly the questions the app asks, for every instrument and many answer sets', () => {
    const rnd = random(19);
    for (const form of real) {
      const plan = planSkips(form);
      for (let k = 0; k < 300; k++) {
        const answers = randomAnswers(form, rnd);
        const app = [...shownQuestions(form, answers)];
        expect(followPaper(form, plan, answers), `${form.id}, answers ${JSON.stringify(answers)}`).toEqual(app);
      }
    }
  });

  it('says far less than one condition per question: the census and the child questionnaire', () => {
    for (const id of ['household-census', 'child-questionnaire']) {
      const form = byId(id);
      const plan = planSkips(form);
      const conditioned = questionsOf(form).filter((q) => q.showIf?.length).length;
      const said = plan.inline.size + [...plan.blocksBefore.values()].flat().length + [...plan.goTos.values()].flat().length;
      expect(said, id).toBeLessThan(conditioned / 3);
    }
  });
});
