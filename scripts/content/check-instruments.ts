/**
 * Checks what the instrument schema alone cannot: unique names, choice lists that exist,
 * skip logic that refers to an earlier question with a fitting condition, ranges, and
 * indicator ids. Each problem names the file and the line of the field.
 */
import { questionsOf, type Condition, type Indicator, type Instrument, type Question } from '../../common/forms/instrument-schema.ts';
import type { ContentProblem } from './content-error.ts';
import { YES_NO_LIST } from '../../common/forms/xlsform.ts';

interface Located<T> {
  record: T;
  file: string;
  lineOf(path: readonly PropertyKey[]): number;
}

const SELECTS = new Set(['select_one', 'select_multiple']);

export function checkInstruments(
  instruments: Array<Located<Instrument>>,
  indicators: Array<Located<Indicator>>,
  isChapterId: (id: string) => boolean,
  problems: ContentProblem[],
): void {
  const indicatorIds = new Set(indicators.map((i) => i.record.id));
  for (const { record: form, file, lineOf } of instruments) {
    const at = (path: PropertyKey[], message: string) => problems.push({ file, line: lineOf(path), message });
    if (isChapterId(form.id)) at(['id'], `instrument id "${form.id}" is also a chapter id: choose another`);
    form.feeds.forEach((id, i) => {
      if (!indicatorIds.has(id)) at(['feeds', i], `instrument field "feeds[${i}]": no indicator "${id}" in content/indicators/`);
    });
    const lists = new Map(form.choiceLists.map((l) => [l.name, l]));
    const listNames = new Set<string>();
    form.choiceLists.forEach((l, li) => {
      if (listNames.has(l.name)) at(['choiceLists', li, 'name'], `choice list "${l.name}" is defined twice`);
      if (l.name === YES_NO_LIST) at(['choiceLists', li, 'name'], `choice list name "${YES_NO_LIST}" is reserved for yes/no questions: use type yes_no instead`);
      listNames.add(l.name);
      const values = new Set<string>();
      l.choices.forEach((c, ci) => {
        if (values.has(c.value)) at(['choiceLists', li, 'choices', ci, 'value'], `choice list "${l.name}": value "${c.value}" appears twice`);
        values.add(c.value);
      });
    });
    const seen = new Map<string, Question>();
    const sectionIds = new Set<string>();
    form.sections.forEach((section, si) => {
      if (sectionIds.has(section.id) || seen.has(section.id)) at(['sections', si, 'id'], `section id "${section.id}" is used twice (names must be unique across sections and questions)`);
      sectionIds.add(section.id);
      section.questions.forEach((q, qi) => {
        const path = ['sections', si, 'questions', qi];
        const where = `question "${q.name}"`;
        if (seen.has(q.name) || sectionIds.has(q.name)) at([...path, 'name'], `${where}: the name is used twice in this form`);
        if (SELECTS.has(q.type)) {
          if (!q.choices) at([...path, 'type'], `${where}: a ${q.type} question needs "choices" (the name of a choice list)`);
          else if (!lists.has(q.choices)) at([...path, 'choices'], `${where}: choice list "${q.choices}" does not exist in choiceLists`);
        } else if (q.choices) {
          at([...path, 'choices'], `${where}: only select_one and select_multiple questions have choices`);
        }
        if ((q.min !== undefined || q.max !== undefined) && q.type !== 'integer' && q.type !== 'decimal') at([...path, 'type'], `${where}: min and max apply to integer and decimal questions only`);
        if (q.min !== undefined && q.max !== undefined && q.min > q.max) at([...path, 'min'], `${where}: min ${q.min} is greater than max ${q.max}`);
        if (q.type === 'note' && q.required) at([...path, 'required'], `${where}: a note cannot be required`);
        if (q.future && q.type !== 'date') at([...path, 'future'], `${where}: "future" applies to date questions only`);
        q.showIf?.forEach((cond, ci) => {
          const problem = conditionProblem(cond, seen, lists);
          if (problem) at([...path, 'showIf', ci, 'question'], `${where}: skip logic ${problem}`);
        });
        seen.set(q.name, q);
      });
    });
    if (questionsOf(form).every((q) => q.type === 'note')) at(['sections'], 'the form has no question to answer');
  }
}

/** Why a condition cannot work, or null: it must name an earlier question and fit its type. */
function conditionProblem(cond: Condition, earlier: Map<string, Question>, lists: Map<string, { choices: Array<{ value: string }> }>): string | null {
  const q = earlier.get(cond.question);
  if (!q) return `refers to "${cond.question}", which is not an earlier question of this form`;
  if (q.type === 'note') return `refers to "${cond.question}", a note with no answer`;
  const choiceValues = q.choices ? new Set(lists.get(q.choices)?.choices.map((c) => c.value)) : undefined;
  if (cond.equals) {
    if (q.type === 'yes_no') {
      const bad = cond.equals.find((v) => v !== 'yes' && v !== 'no');
      if (bad) return `expects "${bad}" from the yes/no question "${q.name}": use 'yes' or 'no'`;
    } else if (q.type === 'select_one') {
      const bad = cond.equals.find((v) => !choiceValues?.has(v));
      if (bad) return `expects "${bad}", which is not a choice of "${q.name}"`;
    } else if (q.type !== 'text') {
      return `uses "equals" with the ${q.type} question "${q.name}" (use includes for select_multiple, atLeast/atMost for numbers)`;
    }
  }
  if (cond.includes) {
    if (q.type !== 'select_multiple') return `uses "includes" with the ${q.type} question "${q.name}" (only for select_multiple)`;
    const bad = cond.includes.find((v) => !choiceValues?.has(v));
    if (bad) return `expects "${bad}", which is not a choice of "${q.name}"`;
  }
  if ((cond.atLeast !== undefined || cond.atMost !== undefined) && q.type !== 'integer' && q.type !== 'decimal') {
    return `uses a number bound with the ${q.type} question "${q.name}"`;
  }
  return null;
}
