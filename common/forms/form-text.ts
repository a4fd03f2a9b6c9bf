/**
 * How a form reads to a person: question numbers and skip logic in words, for the printed form
 * and the form filled in the app. Short references ("question 5 is “Yes”"), never a whole question quoted.
 */
import type { Lang } from '../facets.ts';
import { questionsOf, type Condition, type Instrument } from './instrument-schema.ts';
import { questionNumbers, type GoTo, type SkipBlock } from './skip-plan.ts';

export { questionNumbers };

const WORDS = {
  en: {
    quote: (s: string) => `“${s}”`,
    question: (n: number | undefined) => `question ${n ?? '?'}`,
    is: 'is', includes: 'includes', or: 'or', and: 'and', yes: 'Yes', no: 'No',
    atLeast: (n: number) => `${n} or more`, atMost: (n: number) => `${n} or less`, between: (a: number, b: number) => `between ${a} and ${b}`,
    onlyIf: 'Only if', ifThen: 'If',
    questions: (a: number, b: number) => (a === b ? `Question ${a}` : `Questions ${a}–${b}`),
    goTo: (n: number | undefined, isNote: boolean) => (isNote ? (n === undefined ? 'go to the closing note' : `go to the note before ${n}`) : `go to ${n}`),
    end: 'end of the form',
  },
  es: {
    quote: (s: string) => `«${s}»`,
    question: (n: number | undefined) => `la pregunta ${n ?? '?'}`,
    is: 'es', includes: 'incluye', or: 'o', and: 'y', yes: 'Sí', no: 'No',
    atLeast: (n: number) => `${n} o más`, atMost: (n: number) => `${n} o menos`, between: (a: number, b: number) => `entre ${a} y ${b}`,
    onlyIf: 'Solo si', ifThen: 'Si',
    questions: (a: number, b: number) => (a === b ? `Pregunta ${a}` : `Preguntas ${a}–${b}`),
    goTo: (n: number | undefined, isNote: boolean) => (isNote ? (n === undefined ? 'pase a la indicación final' : `pase a la indicación antes de la ${n}`) : `pase a la ${n}`),
    end: 'fin del formulario',
  },
} as const;

/** The words of one answer: a choice's label, or Yes / No. */
export function answerLabel(form: Instrument, questionName: string, value: string, lang: Lang): string {
  const q = questionsOf(form).find((x) => x.name === questionName);
  if (q?.type === 'yes_no') return value === 'yes' ? WORDS[lang].yes : value === 'no' ? WORDS[lang].no : value;
  const list = q?.choices ? form.choiceLists.find((l) => l.name === q.choices) : undefined;
  return list?.choices.find((c) => c.value === value)?.[lang] ?? value;
}

/** "question 5 is “Yes”", "la pregunta 9 es 1 o más". */
export function conditionText(form: Instrument, c: Condition, lang: Lang, numbers = questionNumbers(form)): string {
  const w = WORDS[lang];
  const ref = w.question(numbers.get(c.question));
  const list = (values: string[]) => values.map((v) => w.quote(answerLabel(form, c.question, v, lang))).join(` ${w.or} `);
  if (c.equals) return `${ref} ${w.is} ${list(c.equals)}`;
  if (c.includes) return `${ref} ${w.includes} ${list(c.includes)}`;
  const bound = c.atLeast !== undefined && c.atMost !== undefined ? w.between(c.atLeast, c.atMost) : c.atLeast !== undefined ? w.atLeast(c.atLeast) : w.atMost(c.atMost!);
  return `${ref} ${w.is} ${bound}`;
}

const allConditions = (form: Instrument, conditions: Condition[], lang: Lang, numbers: Map<string, number>) =>
  conditions.map((c) => conditionText(form, c, lang, numbers)).join(` ${WORDS[lang].and} `);

/** The boxed note at the start of a block: "Questions 6–38: only if question 5 is “Yes”." */
export function blockText(form: Instrument, block: SkipBlock, lang: Lang, numbers = questionNumbers(form)): string {
  const w = WORDS[lang];
  const when = allConditions(form, block.conditions, lang, numbers);
  const range = block.firstNumber !== undefined ? `${w.questions(block.firstNumber, block.lastNumber ?? block.firstNumber)}: ` : '';
  return `${range}${range ? w.onlyIf.toLowerCase() : w.onlyIf} ${when}.`;
}

/** A condition said with its question: "Only if question 9 is 1 or more." */
export function onlyIfText(form: Instrument, conditions: Condition[], lang: Lang, numbers = questionNumbers(form)): string {
  return `${WORDS[lang].onlyIf} ${allConditions(form, conditions, lang, numbers)}.`;
}

/** A condition said before a note: "If question 5 is “No”:". */
export function ifText(form: Instrument, conditions: Condition[], lang: Lang, numbers = questionNumbers(form)): string {
  return `${WORDS[lang].ifThen} ${allConditions(form, conditions, lang, numbers)}:`;
}

/** Where a go-to sends the interviewer: "go to 12", "end of the form". */
export function goToText(goTo: GoTo, lang: Lang): string {
  const w = WORDS[lang];
  return goTo.to ? w.goTo(goTo.to.number, goTo.to.isNote) : w.end;
}
