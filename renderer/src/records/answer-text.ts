/** A saved answer worded as its form words the question and its choices, in the reader's language. */
import type { Lang } from '../../../common/facets.ts';
import type { Answers } from '../../../common/forms/answers.ts';
import { answerLabel } from '../../../common/forms/form-text.ts';
import type { Instrument, Question } from '../../../common/forms/instrument-schema.ts';

export function questionOf(form: Instrument | undefined, name: string): Question | undefined {
  return form?.sections.flatMap((s) => s.questions).find((q) => q.name === name);
}

/** The question's label, or its field name when the form does not have it. */
export function questionLabel(form: Instrument | undefined, name: string, lang: Lang): string {
  return questionOf(form, name)?.[lang].label ?? name;
}

/** An answer's words: a choice by its label, several separated by commas, a number or text as it is. */
export function answerText(form: Instrument | undefined, name: string, value: Answers[string], lang: Lang): string {
  if (value === null || value === undefined) return '';
  // The form's own words for a choice, and Yes / No as the printed form says them (one wording, common/forms/form-text.ts).
  const one = (x: string) => (form ? answerLabel(form, name, x, lang) : x);
  return Array.isArray(value) ? value.map(one).join(', ') : typeof value === 'string' ? one(value) : String(value);
}
