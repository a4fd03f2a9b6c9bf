/**
 * The answers of a filled-in instrument: skip logic, validation and parsing of typed-in text.
 * Pure code (no DOM, no Node): the form filled in the app, a CSV import and the local
 * database all use it, so one set of rules decides what a valid record is.
 *
 * Skip logic follows the XLSForm export (`relevant` in xlsform.ts): a question is asked only
 * if ALL its conditions hold, and a condition on a question that is not asked is false,
 * because ODK clears the answers of questions that are not relevant.
 */
import type { Lang } from '../facets.ts';
import { questionNumbers } from './form-text.ts';
import { questionsOf, type Condition, type Instrument, type Question } from './instrument-schema.ts';

/**
 * One record's answers, by question name. text / date / select_one / yes_no → string
 * ('yes' / 'no' for yes_no, 'YYYY-MM-DD' for date); select_multiple → string[];
 * integer / decimal → number; null → not answered.
 */
export type Answers = Record<string, string | string[] | number | null>;
export type AnswerValue = Answers[string];

export interface AnswerError {
  /** The question's name (or the unknown name found in the input). */
  question: string;
  /** A sentence for the person filling in the form, naming the question, in the requested language. */
  message: string;
}

export type ValidationResult = { ok: true; value: Answers } | { ok: false; errors: AnswerError[] };
export type ParseResult = { ok: true; value: AnswerValue } | { ok: false; message: string };

/**
 * The earliest date any form may carry. The programmes this manual serves began in the 2000s,
 * so an earlier date is a mistyped year (1900 for 2019) that would hide the real quarters.
 */
export const EARLIEST_DATE = '1990-01-01';

/**
 * The longest text answer, in characters, on every path: the form, a CSV import, the host's
 * check of each request and a restored backup. A question's own maxLength may only be shorter.
 */
export const MAX_TEXT_LENGTH = 10_000;

/** What the checks need from outside the form: today's date (YYYY-MM-DD) on the clock of the computer that checks. */
export interface AnswerContext {
  /** The latest date a form may carry (a question marked `future` may go beyond it). This computer's clock when not given. */
  today?: string;
}

const WORDS = {
  en: {
    question: (n: number | undefined, label: string) => (n === undefined ? `“${label}”` : `Question ${n} (“${label}”)`),
    required: 'this answer is required.',
    notInteger: 'enter a whole number, with no decimals.',
    notNumber: 'enter a number (use a point for decimals, as in 2.5).',
    range: (min?: number, max?: number) =>
      min !== undefined && max !== undefined ? `enter a number from ${min} to ${max}.`
        : min !== undefined ? `enter a number of at least ${min}.` : `enter a number of at most ${max}.`,
    tooLong: (max: number, has: number) => `write at most ${max} characters (this answer has ${has}).`,
    notText: 'write the answer as text.',
    notChoice: (v: string) => `“${v}” is not one of the choices.`,
    notChoices: 'tick one or more of the choices.',
    notYesNo: 'answer Yes or No.',
    notDate: (v: string) => `“${v}” is not a real date: write it as YYYY-MM-DD (for example 2026-03-15).`,
    tooEarly: (v: string) => `${v} is before ${EARLIEST_DATE}, the earliest date these records accept: check the year.`,
    future: (v: string, today: string) => `${v} is after today (${today}): a form records what has already happened; check the date, and the computer's clock.`,
    note: 'this is an instruction, not a question: it takes no answer.',
    unknown: (name: string) => `Unknown field “${name}”: this form has no question with that name.`,
  },
  es: {
    question: (n: number | undefined, label: string) => (n === undefined ? `«${label}»` : `Pregunta ${n} («${label}»)`),
    required: 'esta respuesta es obligatoria.',
    notInteger: 'escriba un número entero, sin decimales.',
    notNumber: 'escriba un número (use punto para los decimales, como en 2.5).',
    range: (min?: number, max?: number) =>
      min !== undefined && max !== undefined ? `escriba un número del ${min} al ${max}.`
        : min !== undefined ? `escriba un número igual o mayor que ${min}.` : `escriba un número igual o menor que ${max}.`,
    tooLong: (max: number, has: number) => `escriba como máximo ${max} caracteres (esta respuesta tiene ${has}).`,
    notText: 'escriba la respuesta como texto.',
    notChoice: (v: string) => `«${v}» no es una de las opciones.`,
    notChoices: 'marque una o más de las opciones.',
    notYesNo: 'responda Sí o No.',
    notDate: (v: string) => `«${v}» no es una fecha real: escríbala como AAAA-MM-DD (por ejemplo 2026-03-15).`,
    tooEarly: (v: string) => `${v} es anterior al ${EARLIEST_DATE}, la fecha más antigua que aceptan estos registros: revise el año.`,
    future: (v: string, today: string) => `${v} es posterior a hoy (${today}): una ficha registra lo que ya ocurrió; revise la fecha y el reloj de la computadora.`,
    note: 'es una indicación, no una pregunta: no lleva respuesta.',
    unknown: (name: string) => `Campo desconocido «${name}»: este formulario no tiene ninguna pregunta con ese nombre.`,
  },
} as const;

/** How a message names a question: "Question 7 (“Sex”)", "Pregunta 7 («Sexo»)". */
export function questionRef(form: Instrument, name: string, lang: Lang): string {
  const q = questionsOf(form).find((x) => x.name === name);
  return WORDS[lang].question(questionNumbers(form).get(name), q?.[lang].label ?? name);
}

/** An answer that counts as given: not null, not blank text, not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function conditionHolds(c: Condition, value: unknown): boolean {
  if (!isAnswered(value)) return false;
  if (c.equals) return typeof value === 'string' && c.equals.includes(value.trim());
  if (c.includes) return Array.isArray(value) && c.includes.some((v) => value.includes(v));
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);
}

/**
 * The names of every question (notes included) asked with these answers, in form order.
 * Conditions refer to earlier questions only (the build checks it), so one pass decides.
 */
export function shownQuestions(form: Instrument, answers: Partial<Answers>): Set<string> {
  const shown = new Set<string>();
  for (const q of questionsOf(form)) {
    if ((q.showIf ?? []).every((c) => shown.has(c.question) && conditionHolds(c, answers[c.question]))) shown.add(q.name);
  }
  return shown;
}

/** Is this question asked, given the current answers? False for a name the form does not have. */
export function isShown(form: Instrument, questionName: string, answers: Partial<Answers>): boolean {
  return shownQuestions(form, answers).has(questionName);
}

function choiceValues(form: Instrument, q: Question): string[] {
  if (q.type === 'yes_no') return ['yes', 'no'];
  return form.choiceLists.find((l) => l.name === q.choices)?.choices.map((c) => c.value) ?? [];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' naming a day that exists (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's date on this computer's clock (its own time zone, not UTC), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

type Check = { ok: true; value: AnswerValue } | { ok: false; problem: string };

/** The typed, normalised answer of one shown question, or what is wrong with it. */
function checkAnswer(form: Instrument, q: Question, raw: unknown, lang: Lang, today: string): Check {
  const w = WORDS[lang];
  if (!isAnswered(raw)) return q.required ? { ok: false, problem: w.required } : { ok: true, value: null };
  switch (q.type) {
    case 'integer':
    case 'decimal': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, problem: q.type === 'integer' ? w.notInteger : w.notNumber };
      if (q.type === 'integer' && !Number.isInteger(raw)) return { ok: false, problem: w.notInteger };
      if ((q.min !== undefined && raw < q.min) || (q.max !== undefined && raw > q.max)) return { ok: false, problem: w.range(q.min, q.max) };
      return { ok: true, value: raw };
    }
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, problem: w.notText };
      // One form of each letter (NFC), so that "Ñ" typed two ways is the same text.
      const value = raw.trim().normalize('NFC');
      const length = [...value].length;
      const limit = Math.min(q.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
      if (length > limit) return { ok: false, problem: w.tooLong(limit, length) };
      return { ok: true, value };
    }
    case 'date': {
      const value = typeof raw === 'string' ? raw.trim() : String(raw);
      if (!isRealDate(value)) return { ok: false, problem: w.notDate(value) };
      // YYYY-MM-DD strings compare as dates.
      if (value < EARLIEST_DATE) return { ok: false, problem: w.tooEarly(value) };
      if (value > today && !q.future) return { ok: false, problem: w.future(value, today) };
      return { ok: true, value };
    }
    case 'yes_no':
    case 'select_one': {
      const value = typeof raw === 'string' ? raw.trim() : String(raw);
      if (choiceValues(form, q).includes(value)) return { ok: true, value };
      return { ok: false, problem: q.type === 'yes_no' ? w.notYesNo : w.notChoice(value) };
    }
    case 'select_multiple': {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) return { ok: false, problem: w.notChoices };
      const allowed = choiceValues(form, q);
      const picked = new Set((raw as string[]).map((v) => v.trim()));
      const bad = [...picked].find((v) => !allowed.includes(v));
      if (bad !== undefined) return { ok: false, problem: w.notChoice(bad) };
      // In the order of the choice list, each value once.
      return { ok: true, value: allowed.filter((v) => picked.has(v)) };
    }
    case 'note':
      return { ok: true, value: null };
  }
}

/**
 * Checks a record against its form. When it is valid, `value` holds one entry for every
 * question asked (null where an optional question was left blank), typed and trimmed;
 * answers to questions that the skip logic hides are dropped, and so are notes. When it is
 * not, one message per question at fault, in form order, then the unknown names.
 */
export function validateAnswers(form: Instrument, answers: Partial<Answers>, lang: Lang, context: AnswerContext = {}): ValidationResult {
  const w = WORDS[lang];
  const today = context.today ?? localToday();
  const questions = questionsOf(form);
  const numbers = questionNumbers(form);
  const shown = shownQuestions(form, answers);
  const errors: AnswerError[] = [];
  const value: Answers = {};
  for (const q of questions) {
    if (q.type === 'note' || !shown.has(q.name)) continue;
    const result = checkAnswer(form, q, answers[q.name], lang, today);
    if (result.ok) value[q.name] = result.value;
    else errors.push({ question: q.name, message: `${w.question(numbers.get(q.name), q[lang].label)}: ${result.problem}` });
  }
  const known = new Set(questions.map((q) => q.name));
  for (const name of Object.keys(answers)) {
    if (!known.has(name)) errors.push({ question: name, message: w.unknown(name) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/**
 * One cell of a CSV or a typed-in text → the typed answer of that question, as ODK writes
 * it: blank → null; select_multiple → the values separated by spaces; integer and decimal
 * parsed strictly ("12a", "1e3" and "12,5" are refused); date as YYYY-MM-DD, a real day.
 * Whether a choice belongs to the question's list is for validateAnswers to say (the list
 * lives on the form).
 */
export function parseAnswerText(question: Question, text: string, lang: Lang = 'en'): ParseResult {
  const w = WORDS[lang];
  const cell = text.trim();
  const fail = (problem: string): ParseResult => ({ ok: false, message: `${w.question(undefined, question[lang].label)}: ${problem}` });
  if (cell === '') return { ok: true, value: null };
  switch (question.type) {
    case 'note':
      return fail(w.note);
    case 'integer': {
      if (!/^[-+]?\d+$/.test(cell)) return fail(w.notInteger);
      const n = Number(cell);
      return Number.isSafeInteger(n) ? { ok: true, value: n } : fail(w.notInteger);
    }
    case 'decimal': {
      if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(cell)) return fail(w.notNumber);
      return { ok: true, value: Number(cell) };
    }
    case 'date':
      return isRealDate(cell) ? { ok: true, value: cell } : fail(w.notDate(cell));
    case 'yes_no':
      return cell === 'yes' || cell === 'no' ? { ok: true, value: cell } : fail(w.notYesNo);
    case 'select_multiple':
      return { ok: true, value: [...new Set(cell.split(/\s+/))] };
    case 'select_one':
    case 'text':
      return { ok: true, value: cell };
  }
}
