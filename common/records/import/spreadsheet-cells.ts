/**
 * A cell of Puente's own CSV as a spreadsheet writes it back: a date as Spanish Excel shows it
 * (dd/mm/yyyy, or mm/dd/yyyy when the person says so), a decimal with a comma, a choice by the
 * label people see ("Niña", "Trabaja") in either language, a column named by its question's label.
 * Each turns into the text the forms model reads (common/forms/answers.ts parseAnswerText).
 */
import type { Instrument, Question } from '../../forms/instrument-schema.ts';
import { questionsOf } from '../../forms/instrument-schema.ts';
import { choicesOf, choiceValue, fold } from './form-recognition.ts';

/** How a date like 03/04/2026 is read: day first (Spanish spreadsheets, the default) or month first. */
export type DateOrder = 'day-first' | 'month-first';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as a spreadsheet writes it, as YYYY-MM-DD: yyyy-mm-dd (or with "/"), d/m/yyyy with "/", "-" or
 * "." (day and month in the given order, unless one of them is above 12), a time after it ignored.
 * Null when the text is not such a date; whether the day exists is the forms model's check.
 */
export function spreadsheetDateText(text: string, order: DateOrder): string | null {
  const cell = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(cell);
  if (iso) return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (!local) return null;
  const [a, b] = [Number(local[1]), Number(local[2])];
  const dayFirst = a > 12 ? true : b > 12 ? false : order === 'day-first';
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return `${local[3]}-${pad(month)}-${pad(day)}`;
}

/** A number with a decimal comma ("2,5", "-0,75") as the forms model reads it ("2.5"); anything else as it is. */
export function decimalCommaText(text: string): string {
  const cell = text.trim();
  return /^[-+]?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell;
}

/** The answers a choice question accepts, as parameters of its refusal: the values, and the labels in each language ("|" between them). */
export function acceptedAnswers(form: Instrument, q: Question): { values: string; labelsEn: string; labelsEs: string } {
  const choices = q.type === 'yes_no'
    ? [{ value: 'yes', en: 'Yes', es: 'Sí' }, { value: 'no', en: 'No', es: 'No' }]
    : form.choiceLists.find((l) => l.name === q.choices)?.choices ?? [];
  return { values: choices.map((c) => c.value).join('|'), labelsEn: choices.map((c) => c.en).join('|'), labelsEs: choices.map((c) => c.es).join('|') };
}

/** The question a header cell names: its field name, or its label in either language (case and accents' encoding aside). */
export function questionByHeader(form: Instrument): (header: string) => Question | null {
  const questions = questionsOf(form).filter((q) => q.type !== 'note');
  const byName = new Map(questions.map((q) => [q.name, q]));
  const byLabel = new Map<string, Question | null>();
  for (const q of questions) {
    for (const label of new Set([fold(q.en.label), fold(q.es.label)])) byLabel.set(label, byLabel.has(label) ? null : q);
  }
  return (header) => byName.get(header.trim()) ?? byLabel.get(fold(header)) ?? null;
}

/**
 * A cell as the text the forms model reads for its question, or a refusal: a choice not among the
 * question's values or labels (`accepted` lists them), a date that is no date.
 */
export function spreadsheetCell(form: Instrument, q: Question, text: string, order: DateOrder): { ok: true; text: string } | { ok: false; value: string; accepted: ReturnType<typeof acceptedAnswers> } {
  const cell = text.trim();
  if (q.type === 'select_one' || q.type === 'yes_no') {
    const value = choiceValue(form, q, cell, true);
    return value === null ? { ok: false, value: cell, accepted: acceptedAnswers(form, q) } : { ok: true, text: value };
  }
  if (q.type === 'select_multiple') {
    // Values separated by spaces (as Puente writes them), or labels (which may hold commas themselves) separated by commas or semicolons: the longest value or label that fits, each time.
    const options = choicesOf(form, q).flatMap((c) => [c.value, ...c.labels].map((t) => ({ value: c.value, text: fold(t) }))).sort((a, b) => b.text.length - a.text.length);
    const values: string[] = [];
    let rest = fold(cell);
    while (rest) {
      const hit = options.find((o) => rest === o.text || (rest.startsWith(o.text) && /^[\s,;]/.test(rest.slice(o.text.length))));
      if (!hit) return { ok: false, value: rest.split(/[\s,;]+/)[0], accepted: acceptedAnswers(form, q) };
      values.push(hit.value);
      rest = rest.slice(hit.text.length).replace(/^[\s,;]+/, '');
    }
    return { ok: true, text: values.join(' ') };
  }
  if (q.type === 'date') return { ok: true, text: spreadsheetDateText(cell, order) ?? cell };
  if (q.type === 'decimal') return { ok: true, text: decimalCommaText(cell) };
  return { ok: true, text: cell };
}
