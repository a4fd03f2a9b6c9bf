/**
 * The forms model: baseline and monitoring instruments as typed data. One schema serves
 * the printed form, the form filled in the app and the XLSForm export.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
/** XLSForm names: a letter first, then letters, digits and underscores. */
export const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'use lowercase letters, digits and _ (a letter first, at most 32 characters)');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

export const QUESTION_TYPES = ['text', 'integer', 'decimal', 'date', 'select_one', 'select_multiple', 'yes_no', 'note'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Show a question only when an earlier answer says so. */
export const conditionSchema = z.strictObject({
  question: fieldName,
  /** select_one / yes_no / text: the answer equals one of these values ('yes' / 'no' for yes_no). */
  equals: z.array(z.string().min(1)).min(1).optional(),
  /** select_multiple: at least one of these choices is ticked. */
  includes: z.array(z.string().min(1)).min(1).optional(),
  /** integer / decimal: bounds on the earlier answer. */
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
}).refine((c) => [c.equals, c.includes, c.atLeast ?? c.atMost].filter((x) => x !== undefined).length === 1, {
  message: 'give exactly one of equals, includes, or atLeast/atMost',
});
export type Condition = z.infer<typeof conditionSchema>;

const labelled = z.strictObject({ label: text, hint: text.optional() });

export const questionSchema = z.strictObject({
  name: fieldName,
  type: z.enum(QUESTION_TYPES),
  /** The choice list of a select question. */
  choices: fieldName.optional(),
  required: z.boolean().default(false),
  /** integer / decimal: allowed range. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** text: longest answer. */
  maxLength: z.number().int().positive().optional(),
  /** date: a planned date (the next visit) that may lie after today; other dates may not. */
  future: z.literal(true).optional(),
  /** All conditions must hold for the question to be asked. */
  showIf: z.array(conditionSchema).optional(),
  en: labelled,
  es: labelled,
});
export type Question = z.infer<typeof questionSchema>;

const instrumentText = z.strictObject({
  title: text,
  purpose: text,
  whoApplies: text,
  when: text,
  duration: text,
  training: text,
});

export const instrumentSchema = z.strictObject({
  id: slug,
  /** The form's version, written into the XLSForm settings sheet. */
  version: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$|^\d+(?:\.\d+)*$/, 'use a date (2026-11) or a number (1.2)'),
  kind: z.enum(['baseline', 'monitoring']),
  order: z.number().int().positive(),
  en: instrumentText,
  es: instrumentText,
  /** Indicator ids this instrument's answers feed. */
  feeds: z.array(slug).default([]),
  sections: z.array(z.strictObject({
    id: fieldName,
    en: z.strictObject({ title: text, intro: text.optional() }),
    es: z.strictObject({ title: text, intro: text.optional() }),
    questions: z.array(questionSchema).min(1),
  })).min(1),
  choiceLists: z.array(z.strictObject({
    name: fieldName,
    choices: z.array(z.strictObject({ value: z.string().regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and _'), en: text, es: text })).min(2),
  })).default([]),
  sources: z.array(z.strictObject({ src: text, at: text })).min(1, 'cite at least one source that the form follows'),
});
export type Instrument = z.infer<typeof instrumentSchema>;

export const INDICATOR_TYPES = ['outcome', 'activity'] as const;
export const INDICATOR_OBJECTIVES = ['development', 'awareness', 'monitoring', 'models', 'propagation'] as const;

/** One indicator of the catalogue. */
export const indicatorSchema = z.strictObject({
  id: slug,
  objective: z.enum(INDICATOR_OBJECTIVES),
  type: z.enum(INDICATOR_TYPES),
  ageGroups: z.array(z.enum(['early', 'under14', '14to17', 'all'])).min(1),
  disaggregation: z.array(z.enum(['sex', 'age-group', 'community', 'work-type', 'school-level'])).default([]),
  frequency: z.enum(['baseline-and-end', 'quarterly', 'every-six-months', 'yearly', 'monthly']),
  en: z.strictObject({ name: text, definition: text, formula: text, meansOfVerification: text, note: text.optional() }),
  es: z.strictObject({ name: text, definition: text, formula: text, meansOfVerification: text, note: text.optional() }),
  sources: z.array(z.strictObject({ src: text, at: text })).min(1),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const questionLists = new WeakMap<Instrument, Array<Question & { section: string }>>();

/**
 * Every question of an instrument, in order, with its section. Made once per instrument (the form
 * checks ask for it several times per row of a 50,000-row import): the same array every time, not to be changed.
 */
export function questionsOf(instrument: Instrument): Array<Question & { section: string }> {
  let list = questionLists.get(instrument);
  if (!list) {
    list = instrument.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s.id })));
    questionLists.set(instrument, list);
  }
  return list;
}

/** The anchor of an instrument section on its page, the same in both languages. */
export function instrumentSectionAnchor(sectionId: string): string {
  return `section-${sectionId.replace(/_/g, '-')}`;
}
