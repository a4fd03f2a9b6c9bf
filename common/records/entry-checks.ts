/**
 * What a form about a registered child may not contradict: the register. The form model
 * (common/forms/answers.ts) checks a form on its own; these checks need the child's row, so
 * the records service runs them on every save, correction and CSV row, and the form filler
 * starts from answersFromRegister so that a technician rarely meets them.
 */
import { questionRef, type AnswerError, type Answers } from '../forms/answers.ts';
import { questionsOf, type Instrument } from '../forms/instrument-schema.ts';
import type { Lang } from '../facets.ts';
import type { RegisteredStatus } from './child-status.ts';
import { startsLikeFormula } from './csv.ts';
import { CHILD_CODE_FIELD } from './records-schema.ts';

/** What the register holds about a child, as the registration recorded it. */
export interface RegisterFacts {
  childCode: string;
  sex: 'f' | 'm';
  /** Age in completed years on the day of the registration. */
  age: number;
  initialStatus: RegisteredStatus;
  registeredOn: string;
}

/** Questions that repeat a fact of the register, by name, as the monitoring forms ask them. */
const SEX = 'sex';
const AGE = 'age';
const REGISTERED_STATUS = 'registered_status';
const VERIFIED_STATUS = 'verified_status';
const MONTHS_WITHOUT_WORK = 'months_no_work';

const WORDS = {
  en: {
    formula: (first: string) => `a code or community name cannot start with “${first}”: a spreadsheet would run it as a formula. Start it with a letter or a digit.`,
    beforeRegistration: (date: string, registered: string) => `${date} is before the child's registration (${registered}): check the date.`,
    notRegisterValue: (shown: string, registered: string) => `the register has “${shown}” for this child (registration of ${registered}): correct the answer, or correct the registration first.`,
    age: (range: [number, number], age: number, registered: string, date: string) =>
      `by the register (age ${age} on ${registered}) the child is ${range[0]} or ${range[1]} on ${date}: correct the age, or correct the registration first.`,
    verifiedNeeds: (result: string, registered: string) => `“${result}” is only for a child registered as “${registered}”: this child was registered otherwise. Choose another result.`,
    months: (max: number, registered: string) => `at most ${max}: the child was registered as working on ${registered}, ${max} whole month${max === 1 ? '' : 's'} before this date.`,
    registrationAfterForms: (date: string, first: string) => `${date} is after the child's first form after registration (${first}): a registration comes first. Check the date.`,
  },
  es: {
    formula: (first: string) => `un código o nombre de comunidad no puede empezar con «${first}»: una hoja de cálculo lo ejecutaría como fórmula. Empiece con una letra o un número.`,
    beforeRegistration: (date: string, registered: string) => `${date} es antes de su registro (${registered}): revise la fecha.`,
    notRegisterValue: (shown: string, registered: string) => `el registro tiene «${shown}» para este niño o niña (registro del ${registered}): corrija la respuesta, o corrija antes el registro.`,
    age: (range: [number, number], age: number, registered: string, date: string) =>
      `según el registro (${age} años el ${registered}) el niño o la niña tiene ${range[0]} o ${range[1]} años el ${date}: corrija la edad, o corrija antes el registro.`,
    verifiedNeeds: (result: string, registered: string) => `«${result}» es solo para un niño o niña registrado como «${registered}»: este niño o niña se registró de otra manera. Elija otro resultado.`,
    months: (max: number, registered: string) => `como máximo ${max}: el niño o la niña se registró como trabajador el ${registered}, ${max} mes${max === 1 ? '' : 'es'} completo${max === 1 ? '' : 's'} antes de esta fecha.`,
    registrationAfterForms: (date: string, first: string) => `${date} es posterior a la primera ficha del niño o la niña después del registro (${first}): el registro va primero. Revise la fecha.`,
  },
} as const;

/** The form's own date: its first date question (the date of the visit, of the verification…). */
export function formDateField(form: Instrument): string | undefined {
  return questionsOf(form).find((q) => q.type === 'date')?.name;
}

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Whole years from one YYYY-MM-DD date to a later one (birthdays passed). */
function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Whole months from one YYYY-MM-DD date to a later one. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The child's possible ages in completed years on a date: the birthday is not recorded, so one of two. */
export function ageRangeOn(child: RegisterFacts, date: string): [number, number] {
  const least = child.age + Math.max(0, wholeYears(child.registeredOn, date));
  return [least, least + 1];
}

function has(form: Instrument, name: string): boolean {
  return questionsOf(form).some((q) => q.name === name);
}

function choiceLabel(form: Instrument, questionName: string, value: string, lang: Lang): string {
  const q = questionsOf(form).find((x) => x.name === questionName);
  return form.choiceLists.find((l) => l.name === q?.choices)?.choices.find((c) => c.value === value)?.[lang] ?? value;
}

/** Codes and community names: what the register lists, filters and exports, so they identify and never act. */
export function isIdentifier(questionName: string): boolean {
  return questionName === 'community' || questionName.endsWith('_code');
}

/** Codes and community names that a spreadsheet would run as a formula (they are refused; free text is written safely instead). */
export function identifierProblems(form: Instrument, value: Answers, lang: Lang): AnswerError[] {
  return questionsOf(form)
    .filter((q) => q.type === 'text' && isIdentifier(q.name))
    .flatMap((q) => {
      const v = value[q.name];
      return typeof v === 'string' && startsLikeFormula(v) ? [{ question: q.name, message: `${questionRef(form, q.name, lang)}: ${WORDS[lang].formula(v[0])}` }] : [];
    });
}

/** Every answer of a form about this child that contradicts the register, one message per question, in form order. */
export function registerProblems(form: Instrument, value: Answers, child: RegisterFacts, lang: Lang): AnswerError[] {
  const w = WORDS[lang];
  const problems: AnswerError[] = [];
  const fail = (question: string, message: string) => problems.push({ question, message: `${questionRef(form, question, lang)}: ${message}` });
  const dateName = formDateField(form);
  const date = dateName && typeof value[dateName] === 'string' ? (value[dateName] as string) : null;
  if (dateName && date && date < child.registeredOn) fail(dateName, w.beforeRegistration(date, child.registeredOn));
  if (typeof value[SEX] === 'string' && value[SEX] !== child.sex) fail(SEX, w.notRegisterValue(choiceLabel(form, SEX, child.sex, lang), child.registeredOn));
  if (typeof value[AGE] === 'number' && date && date >= child.registeredOn) {
    const range = ageRangeOn(child, date);
    if (value[AGE] < range[0] || value[AGE] > range[1]) fail(AGE, w.age(range, child.age, child.registeredOn, date));
  }
  if (typeof value[REGISTERED_STATUS] === 'string' && value[REGISTERED_STATUS] !== child.initialStatus) {
    fail(REGISTERED_STATUS, w.notRegisterValue(choiceLabel(form, REGISTERED_STATUS, child.initialStatus, lang), child.registeredOn));
  }
  const needs: Record<string, RegisteredStatus> = { withdrawn: 'working', prevented: 'at_risk' };
  const result = value[VERIFIED_STATUS];
  if (typeof result === 'string' && needs[result] && needs[result] !== child.initialStatus) {
    fail(VERIFIED_STATUS, w.verifiedNeeds(choiceLabel(form, VERIFIED_STATUS, result, lang), choiceLabel(form, REGISTERED_STATUS, needs[result], lang)));
  }
  if (typeof value[MONTHS_WITHOUT_WORK] === 'number' && date && date >= child.registeredOn) {
    const max = wholeMonths(child.registeredOn, date);
    if (value[MONTHS_WITHOUT_WORK] > max) fail(MONTHS_WITHOUT_WORK, w.months(max, child.registeredOn));
  }
  // In form order, as the form model reports.
  const order = questionsOf(form).map((q) => q.name);
  return problems.sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question));
}

/** A corrected registration may not move after the first form about the child. */
export function registrationDateProblems(form: Instrument, date: string, firstForm: string | null, lang: Lang): AnswerError[] {
  const dateName = formDateField(form);
  if (!dateName || firstForm === null || date <= firstForm) return [];
  return [{ question: dateName, message: `${questionRef(form, dateName, lang)}: ${WORDS[lang].registrationAfterForms(date, firstForm)}` }];
}

/**
 * The answers a new form about this child starts from: the facts the register holds, fixed
 * (code, sex, status at registration), and the age on `date` as a first answer the technician
 * may raise by one (a birthday may have passed). Only the questions this form asks.
 */
export function answersFromRegister(form: Instrument, child: RegisterFacts, date: string): { fixed: Answers; initial: Answers } {
  const fixed: Answers = { [CHILD_CODE_FIELD]: child.childCode, [SEX]: child.sex, [REGISTERED_STATUS]: child.initialStatus };
  const oldest = questionsOf(form).find((q) => q.name === AGE)?.max ?? Infinity;
  const initial: Answers = { [AGE]: Math.min(ageRangeOn(child, date)[0], oldest) };
  const only = (a: Answers) => Object.fromEntries(Object.entries(a).filter(([name]) => has(form, name)));
  return { fixed: only(fixed), initial: only(initial) };
}
