/**
 * A form's records as a workbook that opens the same in any locale's Excel and in LibreOffice:
 * the answers as people read them (question and choice labels in the reader's language, numbers
 * as numbers, dates as yyyy-mm-dd text, which no locale misreads), the same answers as codes (the
 * CSV's columns), and a codebook that pairs every code with its labels in both languages.
 * File names are in the reader's language.
 */
import type { Answers } from '../forms/answers.ts';
import { answerLabel } from '../forms/form-text.ts';
import { questionsOf, type Instrument, type Question } from '../forms/instrument-schema.ts';
import { writeXlsx, type Sheet } from '../forms/xlsx-writer.ts';
import type { Lang } from '../facets.ts';
import { slugify } from '../text.ts';

const WORDS = {
  en: {
    answers: 'Answers', codes: 'Codes', codebook: 'Codebook',
    codebookHeader: ['Field', 'Question', 'Type', 'Code', 'Label (English)', 'Label (Spanish)'],
    types: { text: 'text', integer: 'whole number', decimal: 'number', date: 'date (yyyy-mm-dd)', select_one: 'one choice', select_multiple: 'one or more choices (codes separated by spaces)', yes_no: 'yes / no', note: 'note' },
  },
  es: {
    answers: 'Respuestas', codes: 'Códigos', codebook: 'Libro de códigos',
    codebookHeader: ['Campo', 'Pregunta', 'Tipo', 'Código', 'Etiqueta (inglés)', 'Etiqueta (español)'],
    types: { text: 'texto', integer: 'número entero', decimal: 'número', date: 'fecha (aaaa-mm-dd)', select_one: 'una opción', select_multiple: 'una o más opciones (códigos separados por espacios)', yes_no: 'sí / no', note: 'indicación' },
  },
} as const;

/** The name of an export file in the reader's language: the form's title and the day, "ficha-de-registro-…-2026-12-06.xlsx". */
export function exportFileName(form: Instrument, lang: Lang, day: string, extension: 'xlsx' | 'csv'): string {
  return `${slugify(form[lang].title)}-${day}.${extension}`;
}

/** An answer as one cell of the codes sheet (and the CSV): choices of a multiple question separated by spaces, as ODK does. */
function codeCell(v: Answers[string] | undefined): string | number {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(' ') : v;
}

/** An answer as a person reads it: a choice by its label (several separated by commas), a number as a number. */
function labelCell(form: Instrument, q: Question, v: Answers[string] | undefined, lang: Lang): string | number {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => answerLabel(form, q.name, x, lang)).join(', ');
  if (typeof v === 'string' && (q.type === 'select_one' || q.type === 'yes_no')) return answerLabel(form, q.name, v, lang);
  return v;
}

function codebook(form: Instrument, questions: readonly Question[], lang: Lang): Sheet['rows'] {
  const w = WORDS[lang];
  const rows: Sheet['rows'] = [[...w.codebookHeader]];
  for (const q of questions) {
    const head = [q.name, q[lang].label, w.types[q.type]];
    const choices = q.type === 'yes_no'
      ? [{ value: 'yes', en: answerLabel(form, q.name, 'yes', 'en'), es: answerLabel(form, q.name, 'yes', 'es') }, { value: 'no', en: 'No', es: 'No' }]
      : form.choiceLists.find((l) => l.name === q.choices)?.choices ?? [];
    if (choices.length === 0) rows.push([...head, '', '', '']);
    for (const c of choices) rows.push([...head, c.value, c.en, c.es]);
  }
  return rows;
}

/** The workbook of one form's records: answers with labels, answers as codes, and the codebook. */
export function formWorkbook(form: Instrument, entries: ReadonlyArray<{ answers: Answers }>, lang: Lang): Uint8Array {
  const w = WORDS[lang];
  const questions = questionsOf(form).filter((q) => q.type !== 'note');
  return writeXlsx([
    { name: w.answers, rows: [questions.map((q) => q[lang].label), ...entries.map((e) => questions.map((q) => labelCell(form, q, e.answers[q.name], lang)))] },
    { name: w.codes, rows: [questions.map((q) => q.name), ...entries.map((e) => questions.map((q) => codeCell(e.answers[q.name])))] },
    { name: w.codebook, rows: codebook(form, questions, lang) },
  ]);
}
