/**
 * One submission of an export as the answers of Puente's form: each known column's cell parsed as
 * its question's answer (a choice given by its value or by its label in either language; a
 * select_multiple from its "question/choice" columns when the export has them; a date typed as a
 * number in a spreadsheet turned back into a date), and everything else kept by name: columns of
 * questions the NGO added, answers that are not among the form's choices, repeat groups.
 */
import { parseAnswerText, type Answers } from '../../forms/answers.ts';
import { questionsOf, type Instrument, type Question } from '../../forms/instrument-schema.ts';
import type { Lang } from '../../facets.ts';
import type { SubmissionProblem } from '../records-api.ts';
import { choicesOf, fold, type RecognisedForm } from './form-recognition.ts';
import { problemText } from './problem-words.ts';
import { cellText, type ExportSubmission, type SubmissionExport, type SubmissionIdentity } from './submission-export.ts';
import type { CellValue } from './xlsx-reader.ts';

export interface MappedSubmission {
  line: number;
  identity: SubmissionIdentity | null;
  /** Answers by question name, typed as the form model expects (not yet checked against the form's rules). */
  answers: Partial<Answers>;
  /** Everything the form does not have, by field name: a text, or a repeat group's rows. */
  unrecognised: Record<string, unknown>;
  unknownChoices: Array<{ question: string; value: string }>;
  /** Unknown fields with an answer in this row. */
  unknownFields: string[];
  problems: SubmissionProblem[];
}

/** A spreadsheet's day number (days since 1899-12-30) as YYYY-MM-DD. */
export function spreadsheetDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A cell marks a choice as ticked: 1 (or "1", "1.0", "TRUE"). */
const ticked = (cell: CellValue) => (typeof cell === 'number' ? cell === 1 : /^(1(\.0+)?|true|verdadero)$/i.test(cell.trim()));

/**
 * A select_multiple's answer as written in one cell: values separated by spaces, or labels separated
 * by spaces (KoboToolbox's label exports), read by taking the longest label that fits at each step.
 */
function multipleChoices(form: Instrument, q: Question, text: string): { values: string[]; unknown: string[] } {
  const choices = choicesOf(form, q);
  const tokens = text.trim().split(/\s+/);
  if (tokens.every((t) => choices.some((c) => c.value === t))) return { values: tokens, unknown: [] };
  const labels = choices.flatMap((c) => c.labels.map((l) => ({ value: c.value, label: fold(l) }))).sort((a, b) => b.label.length - a.label.length);
  const values: string[] = [];
  const unknown: string[] = [];
  let rest = fold(text);
  while (rest) {
    const hit = labels.find((l) => rest === l.label || rest.startsWith(`${l.label} `));
    const byValue = choices.find((c) => rest === c.value || rest.startsWith(`${c.value} `));
    if (hit) {
      values.push(hit.value);
      rest = rest.slice(hit.label.length).trim();
    } else if (byValue) {
      values.push(byValue.value);
      rest = rest.slice(byValue.value.length).trim();
    } else {
      const [word, ...more] = rest.split(' ');
      unknown.push(word);
      rest = more.join(' ');
    }
  }
  return { values, unknown };
}

function refusalProblem(exp: SubmissionExport, sub: ExportSubmission, lang: Lang): SubmissionProblem {
  const { code, params } = sub.refusal!;
  return { table: exp.rootName, row: sub.line, ...(typeof params.column === 'string' ? { column: params.column } : {}), code, params, message: problemText(code, params, lang) };
}

/** A function that maps each submission of this export; what it needs from the form is worked out once. */
export function submissionMapper(rec: RecognisedForm, exp: SubmissionExport, lang: Lang): (sub: ExportSubmission) => MappedSubmission {
  const questions = new Map(questionsOf(rec.form).map((q) => [q.name, q]));
  const splitColumns = new Set(rec.columns.flatMap((c) => (c.kind === 'choice' ? [c.question] : [])));
  // A select question's answer by its value, or by a label of either language (folded).
  const choices = new Map(questionsOf(rec.form).filter((q) => q.type === 'select_one' || q.type === 'yes_no').map((q) => [q.name, new Map(
    choicesOf(rec.form, q).flatMap((c) => [...c.labels.map((l): [string, string] => [fold(l), c.value]), [c.value, c.value] as [string, string]]),
  )]));
  const choiceOf = (q: Question, text: string) => choices.get(q.name)?.get(text.trim()) ?? choices.get(q.name)?.get(fold(text)) ?? null;
  return (sub) => mapSubmission(rec, exp, sub, lang, { questions, splitColumns, choiceOf });
}

interface FormLookups {
  questions: ReadonlyMap<string, Question>;
  splitColumns: ReadonlySet<string>;
  choiceOf(q: Question, text: string): string | null;
}

function mapSubmission(rec: RecognisedForm, exp: SubmissionExport, sub: ExportSubmission, lang: Lang, { questions, splitColumns, choiceOf }: FormLookups): MappedSubmission {
  const out: MappedSubmission = { line: sub.line, identity: sub.identity, answers: {}, unrecognised: {}, unknownChoices: [], unknownFields: [], problems: [] };
  if (sub.refusal) {
    out.problems.push(refusalProblem(exp, sub, lang));
    return out;
  }
  const form = rec.form;
  const picked = new Map<string, string[]>();
  const unknownChoice = (question: string, value: string) => {
    out.unknownChoices.push({ question, value });
    const kept = out.unrecognised[question];
    out.unrecognised[question] = typeof kept === 'string' ? `${kept} ${value}` : value;
  };
  rec.columns.forEach((meaning, i) => {
    const cell = sub.cells[i] ?? '';
    if (meaning.kind !== 'choice' || !ticked(cell)) return;
    if (meaning.choice === null) unknownChoice(meaning.question, meaning.raw);
    else picked.set(meaning.question, [...(picked.get(meaning.question) ?? []), meaning.choice]);
  });
  rec.columns.forEach((meaning, i) => {
    const cell = sub.cells[i] ?? '';
    const text = cellText(cell);
    if (meaning.kind === 'unknown') {
      if (text) {
        out.unrecognised[meaning.name] = text;
        out.unknownFields.push(meaning.name);
      }
      return;
    }
    if (meaning.kind !== 'field' || !text) return;
    const q = questions.get(meaning.question)!;
    const fail = (message: string) => out.problems.push({ table: exp.rootName, row: sub.line, column: exp.header[i], code: 'answer', params: { question: q.name, text: message }, message });
    if (q.type === 'select_one' || q.type === 'yes_no') {
      const value = choiceOf(q, text);
      if (value === null) unknownChoice(q.name, text);
      else out.answers[q.name] = value;
    } else if (q.type === 'select_multiple') {
      // The "question/choice" columns, when there are some, say the same more safely.
      if (splitColumns.has(q.name)) return;
      const { values, unknown } = multipleChoices(form, q, text);
      for (const u of unknown) unknownChoice(q.name, u);
      if (values.length) out.answers[q.name] = [...new Set(values)];
    } else {
      const typed = q.type === 'date' && typeof cell === 'number' ? spreadsheetDate(cell) ?? text : text;
      const parsed = parseAnswerText(q, typed, lang);
      if (parsed.ok) out.answers[q.name] = parsed.value;
      else fail(parsed.message);
    }
  });
  for (const [question, values] of picked) out.answers[question] = [...new Set(values)];
  const groups = new Map<string, Array<Record<string, string>>>();
  for (const r of sub.repeats) {
    const values = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, cellText(v)]).filter(([, v]) => v !== ''));
    if (Object.keys(values).length) groups.set(r.table, [...(groups.get(r.table) ?? []), values]);
  }
  for (const [table, list] of groups) {
    out.unrecognised[table] = list;
    out.unknownFields.push(table);
  }
  return out;
}
