/**
 * Every check a form passes before it is stored, whatever brings it (the form filler, a
 * correction, a CSV row, a server export, a merged backup): the form model with today's date on
 * the host's clock, then the codes and community names, then the register (a form about a child
 * may not contradict the child's registration; a corrected registration may not move after the
 * child's first form).
 */
import type { Database } from 'sql.js';
import { validateAnswers, type Answers, type ValidationResult } from '../forms/answers.ts';
import { questionsOf, type Instrument } from '../forms/instrument-schema.ts';
import type { Lang } from '../facets.ts';
import { formDateField, identifierProblems, registerProblems, registrationDateProblems } from './entry-checks.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM } from './records-schema.ts';
import { childIdByCode, firstFormDate, registerFacts, type EntryRow } from './records-store.ts';

/** A trimmed text answer, or null. */
export function textAnswer(a: Answers, name: string): string | null {
  const v = a[name];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The checks, in that order; `editing` is the entry a correction replaces (its child stays the same). */
export function checkEntry(db: Database, form: Instrument, answers: Partial<Answers>, lang: Lang, today: string, editing?: EntryRow): ValidationResult {
  const checked = validateAnswers(form, answers, lang, { today });
  if (!checked.ok) return checked;
  const errors = identifierProblems(form, checked.value, lang);
  if (form.id === REGISTRATION_FORM) {
    const date = textAnswer(checked.value, formDateField(form) ?? '');
    if (editing?.childId && date) errors.push(...registrationDateProblems(form, date, firstFormDate(db, editing.childId), lang));
  } else if (questionsOf(form).some((q) => q.name === CHILD_CODE_FIELD)) {
    const code = textAnswer(checked.value, CHILD_CODE_FIELD);
    const childId = editing ? editing.childId : code ? childIdByCode(db, code) : null;
    if (childId !== null) errors.push(...registerProblems(form, checked.value, registerFacts(db, childId), lang));
  }
  return errors.length ? { ok: false, errors } : checked;
}
