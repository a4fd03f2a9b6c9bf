/**
 * Importing a server export: first a plan (what would be added, updated, left as it is, refused,
 * and which fields and choices are not recognised), changing nothing; then, on commit, the plan
 * written in one transaction. Every submission passes the same checks as the form filler
 * (check-entry.ts). Keyed on the submission's id on its server, so the same export twice, or one
 * that overlaps the last, adds nothing twice; a submission edited on the server replaces the
 * entry, whose previous answers stay in its history.
 */
import type { Database } from 'sql.js';
import type { Answers } from '../../forms/answers.ts';
import type { Instrument } from '../../forms/instrument-schema.ts';
import { xlsFormId, xlsFormVersion } from '../../forms/xlsform.ts';
import type { Lang } from '../../facets.ts';
import { checkEntry, textAnswer } from '../check-entry.ts';
import { keepVersion, markImported, submissionIndex } from '../entry-provenance.ts';
import { addEntry, isAboutOneChild, replaceEntry } from '../entry-writes.ts';
import type { Step } from '../long-task.ts';
import type { ImportPreview, SubmissionProblem, SubmissionProblemCode } from '../records-api.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM } from '../records-schema.ts';
import { childIdByCode, codeKey, entryById, inTransactionAsync, type EntryRow } from '../records-store.ts';
import { readSubmissionExport } from './export-file.ts';
import { submissionMapper, type MappedSubmission } from './field-mapping.ts';
import { recogniseForm, type RecognisedForm } from './form-recognition.ts';
import { problemText } from './problem-words.ts';
import type { ServerKind, SubmissionIdentity } from './submission-export.ts';

export interface ImportContext {
  db: Database;
  instruments: readonly Instrument[];
  lang: Lang;
  /** Today on the host's clock (YYYY-MM-DD): the latest date a form may carry. */
  today: string;
  /** Reports progress and lets the host answer and cancel between slices. */
  step: Step;
}

interface Write {
  kind: 'add' | 'update';
  line: number;
  value: Answers;
  identity: SubmissionIdentity;
  unrecognised: Record<string, unknown>;
  entry?: EntryRow;
}

export interface ImportPlan {
  preview: ImportPreview;
  form: Instrument;
  server: ServerKind;
  writes: Write[];
}

/** A preview lists this many problems, and counts the rest. */
const LISTED_PROBLEMS = 500;

function counted<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The checks' refusals as problems of this row; a required question answered only with an unknown choice says so. */
function answerProblems(rec: RecognisedForm, exp: { rootName: string; header: string[] }, m: MappedSubmission, errors: Array<{ question: string; message: string }>, lang: Lang): SubmissionProblem[] {
  return errors.map((e) => {
    const index = rec.columns.findIndex((c) => (c.kind === 'field' || c.kind === 'choice') && c.question === e.question);
    const column = index === -1 ? e.question : exp.header[index];
    const unknown = m.unknownChoices.find((u) => u.question === e.question);
    const code: SubmissionProblemCode = unknown ? 'unknown-choice' : 'answer';
    const params: Record<string, string> = unknown ? { question: e.question, value: unknown.value } : { question: e.question, text: e.message };
    return { table: exp.rootName, row: m.line, column, code, params, message: problemText(code, params, lang) };
  });
}

/** What importing this file would do; changes nothing. Throws a RecordsError when the file cannot be read or holds no form Puente knows. */
export async function planImport(ctx: ImportContext, fileName: string, bytes: Uint8Array): Promise<ImportPlan> {
  const { db, lang } = ctx;
  const exp = readSubmissionExport(fileName, bytes);
  const rec = recogniseForm(exp, ctx.instruments);
  const form = rec.form;
  const total = exp.submissions.length;
  await ctx.step(0, total * 2);

  const mapped: MappedSubmission[] = [];
  const map = submissionMapper(rec, exp, lang);
  for (const sub of exp.submissions) {
    mapped.push(map(sub));
    if (mapped.length % 64 === 0) await ctx.step(mapped.length / 2);
  }
  // The same submission twice in one file: the last row (the latest export of it) is the one taken.
  const lastLineOf = new Map<string, number>();
  for (const m of mapped) if (m.identity) lastLineOf.set(m.identity.key, m.line);

  const problems: SubmissionProblem[] = [];
  const refusedLines = new Set<number>();
  const refuse = (m: MappedSubmission, list: SubmissionProblem[]) => {
    problems.push(...list);
    refusedLines.add(m.line);
  };
  const problem = (m: MappedSubmission, code: SubmissionProblemCode, params: Record<string, string | number>, column?: string): SubmissionProblem =>
    ({ table: exp.rootName, row: m.line, ...(column ? { column } : {}), code, params, message: problemText(code, params, lang) });
  const codeColumn = exp.header[rec.columns.findIndex((c) => c.kind === 'field' && c.question === CHILD_CODE_FIELD)] ?? CHILD_CODE_FIELD;

  const writes: Write[] = [];
  const codesInFile = new Map<string, number>();
  const unknownFields = new Map<string, number>();
  const unknownChoices = new Map<string, number>();
  const versions = new Map<string, number>();
  const imported = submissionIndex(db, form.id);
  let newChildren = 0;
  let unchanged = 0;
  let done = 0;
  for (const m of mapped) {
    if (++done % 64 === 0) await ctx.step(total / 2 + done / 2);
    for (const f of new Set(m.unknownFields)) counted(unknownFields, f);
    for (const u of m.unknownChoices) counted(unknownChoices, `${u.question}\u0000${u.value}`);
    if (m.identity?.formVersion) counted(versions, m.identity.formVersion);
    if (m.problems.length || !m.identity) {
      refuse(m, m.problems);
      continue;
    }
    const identity = m.identity;
    if (lastLineOf.get(identity.key) !== m.line) {
      refuse(m, [problem(m, 'submission-twice', { line: lastLineOf.get(identity.key)! })]);
      continue;
    }
    const found = imported.find(identity);
    if (found && found.versions.has(identity.version)) {
      unchanged++;
      continue;
    }
    const existing = found ? entryById(db, found.entryId) : null;
    const checked = checkEntry(db, form, m.answers, lang, ctx.today, existing ?? undefined);
    if (!checked.ok) {
      refuse(m, answerProblems(rec, exp, m, checked.errors, lang));
      continue;
    }
    const code = textAnswer(checked.value, CHILD_CODE_FIELD);
    if (form.id === REGISTRATION_FORM && code) {
      const onRegister = childIdByCode(db, code);
      const earlier = codesInFile.get(codeKey(code));
      if (earlier !== undefined) {
        refuse(m, [problem(m, 'code-twice', { code, line: earlier }, codeColumn)]);
        continue;
      }
      if (onRegister !== null && onRegister !== existing?.childId) {
        refuse(m, [problem(m, 'code-on-register', { code }, codeColumn)]);
        continue;
      }
      codesInFile.set(codeKey(code), m.line);
      if (!existing) newChildren++;
    } else if (code && isAboutOneChild(form)) {
      const childId = childIdByCode(db, code);
      if (childId === null) {
        refuse(m, [problem(m, 'no-child', { code }, codeColumn)]);
        continue;
      }
      if (existing && existing.childId !== childId) {
        refuse(m, [problem(m, 'other-child', { code }, codeColumn)]);
        continue;
      }
    }
    writes.push({ kind: existing ? 'update' : 'add', line: m.line, value: checked.value, identity, unrecognised: m.unrecognised, ...(existing ? { entry: existing } : {}) });
  }
  const preview: ImportPreview = {
    fileName, format: exp.format, server: exp.server, headers: rec.headers,
    form: { id: form.id, formId: xlsFormId(form), version: xlsFormVersion(form), recognisedBy: rec.by },
    formVersions: [...versions].map(([version, rows]) => ({ version, rows })).sort((a, b) => a.version.localeCompare(b.version)),
    submissions: total,
    newChildren, newForms: writes.filter((w) => w.kind === 'add').length, updates: writes.filter((w) => w.kind === 'update').length, unchanged,
    refusedRows: refusedLines.size, problems: problems.slice(0, LISTED_PROBLEMS), problemsTotal: problems.length,
    unknownFields: [...unknownFields].map(([name, rows]) => ({ name, rows })),
    unknownChoices: [...unknownChoices].map(([k, rows]) => {
      const [question, value] = k.split('\u0000');
      return { question, value, rows };
    }),
  };
  return { preview, form, server: exp.server, writes };
}

/** Writes a plan in one transaction: every added and updated form, or (on any failure, or a cancel) none. */
export async function applyImport(ctx: ImportContext, plan: ImportPlan, importedAt: string): Promise<{ added: number; updated: number }> {
  const { db } = ctx;
  const base = plan.preview.submissions;
  let done = 0;
  await inTransactionAsync(db, async () => {
    for (const w of plan.writes) {
      const server = { server: plan.server, key: w.identity.key, version: w.identity.version, recordId: w.identity.recordId };
      if (w.kind === 'add') {
        const { entryId } = addEntry(db, plan.form, w.value);
        markImported(db, entryId, server, importedAt, w.unrecognised);
      } else {
        const entry = w.entry!;
        keepVersion(db, entry.id, 'server-edit', importedAt);
        replaceEntry(db, entryById(db, entry.id), plan.form, w.value);
        markImported(db, entry.id, server, importedAt, w.unrecognised);
      }
      if (++done % 64 === 0) await ctx.step(base + (done / plan.writes.length) * base);
    }
  });
  return { added: plan.writes.filter((w) => w.kind === 'add').length, updated: plan.writes.filter((w) => w.kind === 'update').length };
}
