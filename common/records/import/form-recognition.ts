/**
 * Which of Puente's monitoring forms an export holds, and what each of its columns is. The form is
 * recognised by the form id Puente wrote into the XLSForm (ODK Central names its files after it),
 * by the form's title (KoboToolbox names the sheet and the file after the project), or, when the
 * file names neither, by its columns: field names, or the labels of either language. A form the NGO
 * adapted (a question or a choice added, a newer version) is still recognised: its known fields map
 * to Puente's (group paths stripped) and the others are "not recognised" and kept with the entry.
 */
import type { Instrument, Question } from '../../forms/instrument-schema.ts';
import { questionsOf } from '../../forms/instrument-schema.ts';
import { xlsFormId } from '../../forms/xlsform.ts';
import { RecordsError } from '../records-store.ts';
import type { SubmissionExport } from './submission-export.ts';

/** What one column of the root table holds. */
export type ColumnMeaning =
  | { kind: 'meta' }
  | { kind: 'field'; question: string }
  /** A select_multiple's "question/choice" column of 1 and 0; choice is null when the form has no such choice. */
  | { kind: 'choice'; question: string; choice: string | null; raw: string }
  | { kind: 'unknown'; name: string };

export interface RecognisedForm {
  form: Instrument;
  by: 'form-id' | 'form-title' | 'columns';
  /** Field names as headers ("XML values and headers"), or a language's labels. */
  headers: 'names' | 'labels';
  /** One per column of the root table. */
  columns: ColumnMeaning[];
}

/** XLSForm metadata questions a server or a form builder adds (never one of Puente's questions). */
const XLSFORM_METADATA = new Set(['start', 'end', 'today', 'deviceid', 'username', 'simserial', 'subscriberid', 'phonenumber', 'email', 'audit', 'instanceName', 'start-geopoint', 'background-audio']);

/** Labels compare as people see them: case, accents' encoding and surrounding spaces aside. */
export const fold = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The choices of a select question (yes/no included), with their labels in both languages. */
export function choicesOf(form: Instrument, q: Question): Array<{ value: string; labels: string[] }> {
  if (q.type === 'yes_no') return [{ value: 'yes', labels: ['Yes', 'Sí', 'Si'] }, { value: 'no', labels: ['No'] }];
  return (form.choiceLists.find((l) => l.name === q.choices)?.choices ?? []).map((c) => ({ value: c.value, labels: [c.en, c.es] }));
}

interface FormIndex {
  byName: Map<string, Question>;
  byLabel: Map<string, Question>;
  groupTitles: string[];
}

function indexOf(form: Instrument): FormIndex {
  const byName = new Map(questionsOf(form).map((q) => [q.name, q]));
  const byLabel = new Map<string, Question>();
  const seen = new Set<string>();
  for (const q of questionsOf(form)) {
    for (const label of new Set([fold(q.en.label), fold(q.es.label)])) {
      // A label two questions share names neither.
      if (seen.has(label)) byLabel.delete(label);
      else byLabel.set(label, q);
      seen.add(label);
    }
  }
  const groupTitles = form.sections.flatMap((s) => [fold(s.en.title), fold(s.es.title)]).sort((a, b) => b.length - a.length);
  return { byName, byLabel, groupTitles };
}

export function choiceValue(form: Instrument, q: Question, text: string, labels: boolean): string | null {
  const choices = choicesOf(form, q);
  const byValue = choices.find((c) => c.value === text.trim());
  if (byValue) return byValue.value;
  if (!labels) return null;
  const folded = fold(text);
  return choices.find((c) => c.labels.some((l) => fold(l) === folded))?.value ?? null;
}

/** A column under field-name headers: "group-question" (Central), "group/question" (KoboToolbox), and "question/choice". */
function nameColumn(form: Instrument, index: FormIndex, header: string, sep: '-' | '/'): ColumnMeaning {
  if (sep === '-') {
    const [path, choice] = header.split(/\/(.*)/s);
    const name = path.split('-').pop()!;
    const q = index.byName.get(name);
    if (choice !== undefined && q?.type === 'select_multiple') return { kind: 'choice', question: q.name, choice: choiceValue(form, q, choice, false), raw: choice };
    if (choice === undefined && q) return q.type === 'note' ? { kind: 'meta' } : { kind: 'field', question: q.name };
    if (choice === undefined && XLSFORM_METADATA.has(name)) return { kind: 'meta' };
    return { kind: 'unknown', name: choice === undefined ? name : `${name}/${choice}` };
  }
  const parts = header.split('/');
  const last = parts.at(-1)!;
  const q = index.byName.get(last);
  if (q) return q.type === 'note' ? { kind: 'meta' } : { kind: 'field', question: q.name };
  const owner = parts.length >= 2 ? index.byName.get(parts.at(-2)!) : undefined;
  if (owner?.type === 'select_multiple') return { kind: 'choice', question: owner.name, choice: choiceValue(form, owner, last, false), raw: last };
  if (XLSFORM_METADATA.has(last)) return { kind: 'meta' };
  return { kind: 'unknown', name: parts.length >= 2 && owner ? `${parts.at(-2)}/${last}` : last };
}

/** A column under label headers, with or without the groups' titles before it ("Group/Question", "Question/Choice"). */
function labelColumn(form: Instrument, index: FormIndex, header: string): ColumnMeaning {
  let rest = fold(header);
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const title of index.groupTitles) {
      if (rest.startsWith(`${title}/`)) {
        rest = rest.slice(title.length + 1);
        stripped = true;
      }
    }
  }
  const q = index.byLabel.get(rest);
  if (q) return q.type === 'note' ? { kind: 'meta' } : { kind: 'field', question: q.name };
  for (let cut = rest.indexOf('/'); cut !== -1; cut = rest.indexOf('/', cut + 1)) {
    const owner = index.byLabel.get(rest.slice(0, cut));
    if (owner?.type === 'select_multiple') {
      return { kind: 'choice', question: owner.name, choice: choiceValue(form, owner, rest.slice(cut + 1), true), raw: rest.slice(cut + 1) };
    }
  }
  if (XLSFORM_METADATA.has(header.trim())) return { kind: 'meta' };
  return { kind: 'unknown', name: header.trim() };
}

/** Every column's meaning for this form, in one header mode; a second column for the same question is not recognised. */
function columnsFor(form: Instrument, exp: SubmissionExport, headers: 'names' | 'labels'): ColumnMeaning[] {
  const index = indexOf(form);
  const taken = new Set<string>();
  return exp.header.map((h): ColumnMeaning => {
    if (exp.metaColumns.has(h) || h === '') return { kind: 'meta' };
    const meaning = headers === 'names' ? nameColumn(form, index, h, exp.groupSeparator) : labelColumn(form, index, h);
    if (meaning.kind !== 'field') return meaning;
    if (taken.has(meaning.question)) return { kind: 'unknown', name: h };
    taken.add(meaning.question);
    return meaning;
  });
}

/** How much of the form the columns hold: the share of its questions (notes aside) found among them. */
function coverage(form: Instrument, columns: readonly ColumnMeaning[]): number {
  const asked = questionsOf(form).filter((q) => q.type !== 'note');
  const found = new Set(columns.flatMap((c) => (c.kind === 'field' || c.kind === 'choice' ? [c.question] : [])));
  return asked.filter((q) => found.has(q.name)).length / asked.length;
}

/** Below this share of a form's questions, columns alone do not say which form an export holds. */
const BY_COLUMNS = 0.5;
/** A file that names a form must still hold some of its questions. */
const BY_NAME = 0.2;

const titleMatches = (form: Instrument, title: string) => {
  const t = fold(title);
  // A sheet name holds at most 31 characters.
  return [form.en.title, form.es.title].some((x) => fold(x) === t || (t.length >= 25 && fold(x).startsWith(t)));
};

/** The form an export holds and the meaning of its columns; throws unknown-form when it is none of Puente's monitoring forms. */
export function recogniseForm(exp: SubmissionExport, instruments: readonly Instrument[]): RecognisedForm {
  const best = (form: Instrument) => (['names', 'labels'] as const)
    .map((headers) => ({ headers, columns: columnsFor(form, exp, headers) }))
    .map((r) => ({ ...r, score: coverage(form, r.columns) }))
    .sort((a, b) => b.score - a.score)[0];
  const named = instruments.find((f) => exp.formIdHint !== null && xlsFormId(f) === exp.formIdHint.toLowerCase())
    ?? instruments.find((f) => exp.titleHint !== null && titleMatches(f, exp.titleHint));
  const monitoring = instruments.filter((f) => f.kind === 'monitoring');
  if (named && named.kind === 'monitoring') {
    const fit = best(named);
    if (fit.score >= BY_NAME) return { form: named, by: exp.formIdHint !== null && xlsFormId(named) === exp.formIdHint.toLowerCase() ? 'form-id' : 'form-title', headers: fit.headers, columns: fit.columns };
  }
  const ranked = monitoring.map((form) => ({ form, ...best(form) })).sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (first && first.score >= BY_COLUMNS && (!second || first.score > second.score)) return { form: first.form, by: 'columns', headers: first.headers, columns: first.columns };
  const seen = exp.formIdHint ?? exp.titleHint ?? exp.rootName;
  if (named && named.kind !== 'monitoring') {
    throw new RecordsError('unknown-form', `"${exp.fileName}" holds the ${named.en.title} (${xlsFormId(named)}), a baseline form: the field records hold the monitoring forms only. Nothing was changed.`,
      { file: exp.fileName, form: seen, baseline: named.id });
  }
  throw new RecordsError('unknown-form', `"${exp.fileName}" holds a form Puente does not know ("${seen}"): its columns are not those of a monitoring form of this manual (${monitoring.map(xlsFormId).join(', ')}). Nothing was changed.`,
    { file: exp.fileName, form: seen, columns: exp.header.filter((h) => !exp.metaColumns.has(h)).slice(0, 8).join(', ') });
}
