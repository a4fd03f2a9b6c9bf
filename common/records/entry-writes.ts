/**
 * Storing a form that passed its checks (check-entry.ts): a registration makes a child (when it
 * has a code), a form with a child's code joins that child, any other form stands alone. The form
 * filler, an import and a merge all store through here.
 */
import type { Database } from 'sql.js';
import type { Answers } from '../forms/answers.ts';
import { questionsOf, type Instrument } from '../forms/instrument-schema.ts';
import { textAnswer } from './check-entry.ts';
import { formDateField } from './entry-checks.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM, VERIFICATION_FORM } from './records-schema.ts';
import { addChildEntry, addOtherEntry, addRegistration, childIdByCode, RecordsError, updateEntry, updateRegistration, type EntryRow, type RegistrationFacts } from './records-store.ts';

/** The form's own date (the date of the visit, of the verification…), or null when it has none. */
export function formDate(form: Instrument, value: Answers): string | null {
  const name = formDateField(form);
  return name ? textAnswer(value, name) : null;
}

/** What a registration says about the child, for the register's columns. */
export function registrationFacts(value: Answers, date: string): RegistrationFacts {
  return {
    childCode: textAnswer(value, CHILD_CODE_FIELD), sex: value.sex as 'f' | 'm', age: Number(value.age),
    community: textAnswer(value, 'community') ?? '', status: value.status as 'working' | 'at_risk', date,
  };
}

/** Does this form carry a child's code (a visit, a verification, a referral…)? */
export const isAboutOneChild = (form: Instrument) => form.id !== REGISTRATION_FORM && questionsOf(form).some((q) => q.name === CHILD_CODE_FIELD);

const outcomeOf = (form: Instrument, value: Answers) => (form.id === VERIFICATION_FORM ? textAnswer(value, 'verified_status') : null);

function dateOrThrow(form: Instrument, value: Answers): string {
  const date = formDate(form, value);
  if (!date) throw new RecordsError('invalid', `${formDateField(form) ?? 'date'}: the form has no date`);
  return date;
}

/** Adds a checked form; throws conflict when a registration's code is taken, not-found when a form names no registered child. */
export function addEntry(db: Database, form: Instrument, value: Answers): { entryId: number; childId: number | null } {
  const date = dateOrThrow(form, value);
  if (form.id === REGISTRATION_FORM) return addRegistration(db, registrationFacts(value, date), value);
  const code = textAnswer(value, CHILD_CODE_FIELD);
  if (code && isAboutOneChild(form)) {
    const childId = childIdByCode(db, code);
    if (childId === null) throw new RecordsError('not-found', `${CHILD_CODE_FIELD}: no child with the code "${code}" is on the register`);
    return { entryId: addChildEntry(db, form.id, childId, date, outcomeOf(form, value), value), childId };
  }
  return { entryId: addOtherEntry(db, form.id, date, value), childId: null };
}

/** Replaces a form's answers with checked ones; a registration carries the child's facts with it. */
export function replaceEntry(db: Database, entry: EntryRow, form: Instrument, value: Answers): void {
  const date = dateOrThrow(form, value);
  if (form.id === REGISTRATION_FORM) updateRegistration(db, entry.id, registrationFacts(value, date), value);
  else updateEntry(db, entry.id, date, outcomeOf(form, value), value);
}
