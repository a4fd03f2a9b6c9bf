/**
 * Puente's own CSV of one form, as people bring it back from a spreadsheet: read whatever Excel or
 * LibreOffice wrote (`,` `;` or tab; UTF-8 with or without BOM, UTF-16, Windows-1252; dates and
 * decimals as the locale shows them; choices by their labels; columns by their questions), then
 * planned before anything changes: new forms, forms already here as they are, and forms already here
 * with other answers, which wait for the person's choice (skip the row, or update the form). Columns
 * the form does not have are kept with each form, or ignored, as the person chooses. Every row
 * passes the form filler's checks (check-entry.ts); the writes are one transaction.
 */
import type { Database } from 'sql.js';
import { parseAnswerText, type Answers } from '../../forms/answers.ts';
import type { Instrument, Question } from '../../forms/instrument-schema.ts';
import type { Lang } from '../../facets.ts';
import { parseCsv } from '../csv.ts';
import { checkEntry, textAnswer } from '../check-entry.ts';
import { keepNotes } from '../entry-provenance.ts';
import { addEntry, formDate, isAboutOneChild, replaceEntry } from '../entry-writes.ts';
import type { Step } from '../long-task.ts';
import type { CsvConflict, CsvPreview, CsvRefused, DateOrder, ImportProblem, SubmissionProblemCode } from '../records-api.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM } from '../records-schema.ts';
import { childIdByCode, codeKey, entriesOf, entryById, inTransactionAsync, type EntryRow } from '../records-store.ts';
import { headerDelimiter, spreadsheetText } from './csv-table.ts';
import { problemText } from './problem-words.ts';
import { questionByHeader, spreadsheetCell } from './spreadsheet-cells.ts';

export interface CsvContext {
  db: Database;
  form: Instrument;
  lang: Lang;
  /** Today on the host's clock (YYYY-MM-DD): the latest date a form may carry. */
  today: string;
  step: Step;
}

interface CsvRow {
  line: number;
  value: Answers;
  /** The cells of columns the form does not have, by their header. */
  notes: Record<string, string>;
  /** The form already here that this row would update, when the answers differ. */
  conflict?: EntryRow;
}

export interface CsvPlan {
  preview: CsvPreview;
  rows: CsvRow[];
}

/** A refused file lists this many problems, then says how many more. */
const MAX_PROBLEMS = 500;

/** An answer as one cell: choices of a multiple question separated by spaces, as ODK does (and Puente's export). */
export function answerCell(v: Answers[string] | undefined): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** Answers compared as a person sees them: empty answers aside, whatever the order of keys and of multiple choices. */
function sameAnswers(a: Answers, b: Answers): boolean {
  const canon = (x: Answers) => JSON.stringify(Object.keys(x).filter((k) => answerCell(x[k]) !== '').sort().map((k) => [k, Array.isArray(x[k]) ? [...(x[k] as string[])].sort() : x[k]]));
  return canon(a) === canon(b);
}

function differences(here: Answers, file: Answers): CsvConflict['differences'] {
  return [...new Set([...Object.keys(here), ...Object.keys(file)])]
    .filter((k) => answerCell(here[k]) !== answerCell(file[k]))
    .map((field) => ({ field, here: answerCell(here[field]), file: answerCell(file[field]) }));
}

/** The refusal of a whole file, the first 500 problems listed and the rest counted, in the reader's language. */
export function refusal(all: ImportProblem[], lang: Lang): CsvRefused {
  if (all.length <= MAX_PROBLEMS) return { ok: false, total: all.length, problems: all };
  const count = all.length - MAX_PROBLEMS;
  return { ok: false, total: all.length, problems: [...all.slice(0, MAX_PROBLEMS), { row: all[MAX_PROBLEMS].row, message: problemText('csv-more', { count }, lang) }] };
}

const problem = (lang: Lang, row: number, field: string | undefined, code: SubmissionProblemCode, params: Record<string, string | number>): ImportProblem =>
  ({ row, ...(field ? { field } : {}), message: problemText(code, params, lang) });

/** The forms already here, looked up as a row of this file needs them. */
function formsHere(db: Database, form: Instrument) {
  const registrations = new Map<number, EntryRow>();
  const byChildAndDate = new Map<string, EntryRow[]>();
  const byDate = new Map<string, EntryRow[]>();
  for (const e of entriesOf(db, form.id)) {
    if (form.id === REGISTRATION_FORM && e.childId !== null) registrations.set(e.childId, e);
    else if (e.childId !== null) byChildAndDate.set(`${e.childId}\u0000${e.entryDate}`, [...(byChildAndDate.get(`${e.childId}\u0000${e.entryDate}`) ?? []), e]);
    else byDate.set(e.entryDate, [...(byDate.get(e.entryDate) ?? []), e]);
  }
  return {
    /** The form this row is about, if it is here: a child's registration by its code; a child's form of that day; another form with the same answers. */
    find(value: Answers, date: string): EntryRow[] {
      const code = textAnswer(value, CHILD_CODE_FIELD);
      const childId = code ? childIdByCode(db, code) : null;
      if (form.id === REGISTRATION_FORM) return childId !== null && registrations.has(childId) ? [registrations.get(childId)!] : [];
      if (childId !== null && isAboutOneChild(form)) return byChildAndDate.get(`${childId}\u0000${date}`) ?? [];
      return (byDate.get(date) ?? []).filter((e) => sameAnswers(e.answers, value));
    },
  };
}

/** What importing this CSV would do; changes nothing. */
export async function planCsvImport(ctx: CsvContext, bytes: Uint8Array, dateOrder: DateOrder): Promise<{ ok: true; plan: CsvPlan } | CsvRefused> {
  const { db, form, lang } = ctx;
  const { utf8, encoding } = spreadsheetText(bytes);
  const delimiter = headerDelimiter(new TextDecoder().decode(utf8.subarray(0, 65_536)));
  const parsed = parseCsv(utf8, { delimiter, lang });
  if (!parsed.ok) return refusal([{ row: parsed.line, message: parsed.message }], lang);

  const byHeader = questionByHeader(form);
  const columns: Array<Question | null> = parsed.header.map(byHeader);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  parsed.header.forEach((name, i) => {
    const q = columns[i];
    if (q && seen.has(q.name)) problems.push(problem(lang, 1, name, 'csv-column-twice', { column: name }));
    if (q) seen.set(q.name, name);
  });
  // A file with none of the form's columns is another form's (or no export at all): each column is named.
  if (columns.every((q) => q === null)) parsed.header.forEach((name) => problems.push(problem(lang, 1, name, 'csv-unknown-column', { column: name })));
  if (problems.length) return refusal(problems, lang);
  const unknownColumns = parsed.header.filter((name, i) => columns[i] === null && name !== '');

  const here = formsHere(db, form);
  const rows: CsvRow[] = [];
  const codesInFile = new Map<string, number>();
  let unchanged = 0;
  const total = parsed.rows.length * 2;
  let done = 0;
  await ctx.step(0, total);
  for (const { line, cells } of parsed.rows) {
    await ctx.step(++done);
    if (cells.length !== parsed.header.length) {
      problems.push(problem(lang, line, undefined, 'row-cells', { cells: cells.length, expected: parsed.header.length }));
      continue;
    }
    const answers: Answers = {};
    const notes: Record<string, string> = {};
    let rowOk = true;
    columns.forEach((q, i) => {
      const cell = cells[i].trim();
      if (!cell) return;
      if (!q) {
        if (parsed.header[i] !== '') notes[parsed.header[i]] = cell;
        return;
      }
      const read = spreadsheetCell(form, q, cell, dateOrder);
      if (!read.ok) {
        rowOk = false;
        problems.push(problem(lang, line, q.name, 'csv-choice', { question: q[lang].label, value: read.value, ...read.accepted }));
        return;
      }
      const r = parseAnswerText(q, read.text, lang);
      if (r.ok) answers[q.name] = r.value;
      else { rowOk = false; problems.push({ row: line, field: q.name, message: r.message }); }
    });
    if (!rowOk) continue;
    // The row is checked as it would be stored: as a new form, or as the correction of the form already here.
    const firstCheck = checkEntry(db, form, answers, lang, ctx.today);
    const date = firstCheck.ok ? formDate(form, firstCheck.value) : null;
    const found = firstCheck.ok && date ? here.find(firstCheck.value, date) : [];
    const existing = found.find((e) => !sameAnswers(e.answers, firstCheck.ok ? firstCheck.value : {}));
    const alreadyHere = firstCheck.ok && found.some((e) => sameAnswers(e.answers, firstCheck.value));
    const checked = existing && !alreadyHere ? checkEntry(db, form, answers, lang, ctx.today, existing) : firstCheck;
    if (!checked.ok) {
      for (const e of checked.errors) problems.push({ row: line, field: e.question, message: e.message });
      continue;
    }
    const code = textAnswer(checked.value, CHILD_CODE_FIELD);
    if (form.id === REGISTRATION_FORM && code) {
      const earlier = codesInFile.get(codeKey(code));
      codesInFile.set(codeKey(code), line);
      if (earlier !== undefined) {
        problems.push(problem(lang, line, CHILD_CODE_FIELD, 'csv-code-twice', { code, line: earlier }));
        continue;
      }
    } else if (code && isAboutOneChild(form) && childIdByCode(db, code) === null) {
      problems.push(problem(lang, line, CHILD_CODE_FIELD, 'no-child', { code }));
      continue;
    }
    if (alreadyHere) {
      unchanged++;
      continue;
    }
    rows.push({ line, value: checked.value, notes, ...(existing ? { conflict: existing } : {}) });
  }
  if (problems.length) return refusal(problems, lang);
  const conflicts: CsvConflict[] = rows.filter((r) => r.conflict).map((r) => ({
    row: r.line, entryId: r.conflict!.id, childCode: textAnswer(r.value, CHILD_CODE_FIELD), date: r.conflict!.entryDate, differences: differences(r.conflict!.answers, r.value),
  }));
  return {
    ok: true,
    plan: {
      rows,
      preview: { ok: true, rows: parsed.rows.length, newForms: rows.length - conflicts.length, unchanged, conflicts, unknownColumns, delimiter, encoding, dateOrder },
    },
  };
}

/**
 * Writes a plan in one transaction, with the person's choice for each conflicting row; a conflict
 * without a choice refuses the whole file (nothing is written), naming its row.
 */
export async function applyCsvImport(ctx: CsvContext, plan: CsvPlan, options: { decisions: Record<string, 'skip' | 'update'>; unknownColumns: 'keep' | 'ignore' }): Promise<{ ok: true; written: number; added: number; updated: number; skipped: number; unchanged: number } | CsvRefused> {
  const { db, form, lang } = ctx;
  const undecided = plan.rows.filter((r) => r.conflict && !options.decisions[String(r.line)]);
  if (undecided.length) {
    return refusal(undecided.map((r) => problem(lang, r.line, form.id === REGISTRATION_FORM ? CHILD_CODE_FIELD : undefined, 'csv-undecided', { code: textAnswer(r.value, CHILD_CODE_FIELD) ?? '', date: r.conflict!.entryDate })), lang);
  }
  let added = 0;
  let updated = 0;
  let skipped = 0;
  const base = plan.preview.rows;
  await inTransactionAsync(db, async () => {
    for (const r of plan.rows) {
      const notes = options.unknownColumns === 'keep' ? r.notes : {};
      if (!r.conflict) {
        const { entryId } = addEntry(db, form, r.value);
        keepNotes(db, entryId, notes);
        added++;
      } else if (options.decisions[String(r.line)] === 'update') {
        replaceEntry(db, entryById(db, r.conflict.id), form, r.value);
        if (Object.keys(notes).length) keepNotes(db, r.conflict.id, notes);
        updated++;
      } else {
        skipped++;
      }
      await ctx.step(base + added + updated + skipped);
    }
  });
  return { ok: true, written: added + updated, added, updated, skipped, unchanged: plan.preview.unchanged };
}
