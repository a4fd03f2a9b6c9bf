/**
 * How a form reads to a person: question numbers and skip instructions in words, for the
 * printed form and the form filled in the app.
 */
import type { Lang } from '../facets.ts';
import { questionsOf, type Condition, type Instrument } from './instrument-schema.ts';

const WORDS = {
  en: { askOnlyIf: 'Ask only if', and: 'and', or: 'or', is: 'is', includes: 'includes', atLeast: 'is at least', atMost: 'is at most', question: 'question', yes: 'Yes', no: 'No' },
  es: { askOnlyIf: 'Pregunte solo si', and: 'y', or: 'o', is: 'es', includes: 'incluye', atLeast: 'es al menos', atMost: 'es como máximo', question: 'la pregunta', yes: 'Sí', no: 'No' },
} as const;

/** Question number (1, 2, …) of every answerable question; notes have none. */
export function questionNumbers(form: Instrument): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const q of questionsOf(form)) if (q.type !== 'note') numbers.set(q.name, numbers.size + 1);
  return numbers;
}

function valueLabel(form: Instrument, questionName: string, value: string, lang: Lang): string {
  const q = questionsOf(form).find((x) => x.name === questionName);
  if (q?.type === 'yes_no') return value === 'yes' ? WORDS[lang].yes : WORDS[lang].no;
  const list = q?.choices ? form.choiceLists.find((l) => l.name === q.choices) : undefined;
  return list?.choices.find((c) => c.value === value)?.[lang] ?? value;
}

function describeCondition(form: Instrument, c: Condition, lang: Lang, numbers: Map<string, number>): string {
  const w = WORDS[lang];
  const q = questionsOf(form).find((x) => x.name === c.question);
  const ref = `${w.question} ${numbers.get(c.question) ?? '?'} (“${q?.[lang].label ?? c.question}”)`;
  const list = (values: string[]) => values.map((v) => `“${valueLabel(form, c.question, v, lang)}”`).join(` ${w.or} `);
  if (c.equals) return `${ref} ${w.is} ${list(c.equals)}`;
  if (c.includes) return `${ref} ${w.includes} ${list(c.includes)}`;
  const bounds = [c.atLeast !== undefined ? `${w.atLeast} ${c.atLeast}` : '', c.atMost !== undefined ? `${w.atMost} ${c.atMost}` : ''].filter(Boolean);
  return `${ref} ${bounds.join(` ${w.and} `)}`;
}

/** "Ask only if question 4 (“Does the child work?”) is “Yes”", or null for a question always asked. */
export function skipInstruction(form: Instrument, questionName: string, lang: Lang, numbers = questionNumbers(form)): string | null {
  const q = questionsOf(form).find((x) => x.name === questionName);
  if (!q?.showIf?.length) return null;
  const w = WORDS[lang];
  return `${w.askOnlyIf} ${q.showIf.map((c) => describeCondition(form, c, lang, numbers)).join(` ${w.and} `)}.`;
}
