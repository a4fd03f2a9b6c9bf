/**
 * The one contract for field records: every request the renderer may make, checked with
 * zod by whichever host runs the database (Electron's main process, or the browser
 * edition's worker), and what each returns.
 */
import { z } from 'zod';
import { LANGS } from '../facets.ts';
import { MAX_TEXT_LENGTH, type Answers } from '../forms/answers.ts';
import type { RecordsSummary, RestoreLoss } from './backup-reader.ts';
import type { TaskProgress } from './long-task.ts';
import type { ChildRow, EntryRow, QuarterFigures } from './records-store.ts';

const lang = z.enum(LANGS);
const id = z.number().int().positive();
const instrumentId = z.string().regex(/^[a-z0-9-]{1,60}$/);
/** Text up to MAX_TEXT_LENGTH characters (twice as many UTF-16 units, the most such text can take); the form model words the limit for the person. */
const longText = z.string().max(MAX_TEXT_LENGTH * 2);
const answerValue = z.union([longText, z.array(z.string().max(200)).max(100), z.number().finite(), z.null()]);
const answers = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), answerValue);
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength <= 200 * 1024 * 1024, 'at most 200 MB');
const passphrase = z.string().min(8, 'a passphrase has at least 8 characters').max(200);
/** The name of the file a person picked: only shown back and used to recognise the form. */
const fileName = z.string().min(1).max(260);
const decisionId = z.string().min(1).max(200);
/** The person's answer to every possible duplicate and every conflict a merge preview showed. */
const mergeDecisions = z.strictObject({
  duplicates: z.array(z.strictObject({ id: decisionId, choice: z.enum(['join', 'apart']), newCode: z.string().trim().min(1).max(60).optional() })).max(100_000),
  conflicts: z.array(z.strictObject({ id: decisionId, keep: z.enum(['here', 'backup']) })).max(100_000),
});
export type MergeDecisions = z.infer<typeof mergeDecisions>;
/** How a date like 03/04/2026 in a CSV is read: day first (Spanish spreadsheets; the default) or month first. */
const dateOrder = z.enum(['day-first', 'month-first']);
export type DateOrder = z.infer<typeof dateOrder>;
/** For each row of a CSV that holds a form already on the register with other answers (by its row number): skip the row, or update the form. */
const csvDecisions = z.record(z.string().regex(/^\d{1,9}$/), z.enum(['skip', 'update']));

export const recordsRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('status') }),
  z.strictObject({ op: z.literal('unlock'), passphrase: z.string().min(1).max(200) }),
  z.strictObject({ op: z.literal('set-passphrase'), passphrase: passphrase.nullable() }),
  z.strictObject({ op: z.literal('save-entry'), lang, instrumentId, answers }),
  z.strictObject({ op: z.literal('update-entry'), lang, entryId: id, answers }),
  z.strictObject({ op: z.literal('delete-entry'), entryId: id }),
  z.strictObject({ op: z.literal('delete-child'), childId: id }),
  z.strictObject({
    op: z.literal('list-children'),
    query: z.string().max(100).optional(),
    status: z.enum(['working', 'at_risk', 'withdrawn', 'prevented', 'moved_away']).optional(),
    sex: z.enum(['f', 'm']).optional(),
    ageGroup: z.enum(['early', 'under14', '14to17']).optional(),
    community: longText.optional(),
    sort: z.enum(['code', 'registered', 'last-visit']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({ op: z.literal('child-history'), childId: id }),
  z.strictObject({ op: z.literal('dashboard'), community: longText.optional(), device: z.string().max(100).optional(), technician: z.string().max(200).optional() }),
  z.strictObject({ op: z.literal('export-csv'), instrumentId, lang: lang.optional() }),
  z.strictObject({ op: z.literal('export-xlsx'), instrumentId, lang }),
  z.strictObject({ op: z.literal('preview-csv'), lang, instrumentId, bytes, dateOrder: dateOrder.optional() }),
  z.strictObject({ op: z.literal('import-csv'), lang, instrumentId, bytes, dateOrder: dateOrder.optional(), unknownColumns: z.enum(['keep', 'ignore']).optional(), decisions: csvDecisions.optional() }),
  z.strictObject({ op: z.literal('export-aggregate') }),
  z.strictObject({ op: z.literal('export-database') }),
  z.strictObject({ op: z.literal('preview-restore'), bytes, passphrase: z.string().max(200).optional() }),
  z.strictObject({ op: z.literal('restore-database'), bytes, passphrase: z.string().max(200).optional(), acceptLoss: z.boolean().optional() }),
  z.strictObject({ op: z.literal('undo-restore') }),
  z.strictObject({ op: z.literal('save-now') }),
  z.strictObject({ op: z.literal('progress') }),
  z.strictObject({ op: z.literal('cancel') }),
  z.strictObject({ op: z.literal('delete-all') }),
  z.strictObject({ op: z.literal('preview-import'), lang, fileName, bytes }),
  z.strictObject({ op: z.literal('commit-import'), lang, fileName, bytes }),
  z.strictObject({ op: z.literal('preview-merge'), lang, bytes, passphrase: z.string().max(200).optional() }),
  z.strictObject({ op: z.literal('commit-merge'), lang, bytes, passphrase: z.string().max(200).optional(), decisions: mergeDecisions }),
  z.strictObject({ op: z.literal('entry-history'), entryId: id }),
  z.strictObject({ op: z.literal('set-device-name'), name: z.string().trim().min(1).max(60) }),
]);
export type RecordsRequest = z.infer<typeof recordsRequestSchema>;

export interface RecordsStatus {
  /**
   * open: ready; locked: encrypted, waiting for the passphrase; damaged: the stored file is not a readable database
   * (restore a backup or delete all); unreadable: the file exists but cannot be read (permissions, a folder in its
   * place): nothing is written until it is fixed.
   */
  state: 'open' | 'locked' | 'damaged' | 'unreadable';
  encrypted: boolean;
  children: number;
  entries: number;
  communities: string[];
  schemaVersion: number;
  /** When the data was last written to disk, if it has been. */
  savedAt: string | null;
  /** A problem found when the stored file was opened (the previous copy was used, or nothing could be read). */
  warning: string | null;
  /** Changes kept in memory that are not on disk yet, and why the last save failed (null while none failed). */
  unsaved: { changes: number; problem: SaveProblem | null } | null;
  /** A copy of the data from before the last restore, which one click brings back. */
  undoRestore: { savedAt: string } | null;
  /** This installation: its stable id and the name other laptops see after a merge (null until the records open). */
  device: { id: string; name: string } | null;
}

/** Why saving failed: the disk is full, the folder is read-only, no permission, the file is held by another program, or something else. */
export interface SaveProblem {
  code: 'disk-full' | 'read-only' | 'no-permission' | 'busy' | 'other';
  /** The system's own words, for a technician helping by phone. */
  detail: string;
  /** When saving first failed. */
  since: string;
}

/** A backup beside the data on this computer, before anything is replaced. */
export interface RestorePreview {
  backup: RecordsSummary;
  current: RecordsSummary | null;
  loss: RestoreLoss;
  /** keeps-current: the passphrase on this computer stays; adopts-backup: the backup's passphrase will open the records; none: no passphrase. */
  passphrase: 'keeps-current' | 'adopts-backup' | 'none';
}

export interface ImportProblem { row: number; field?: string; message: string }

/** A CSV row that holds a form already on the register with other answers: which form, and the answers that differ. */
export interface CsvConflict {
  row: number;
  entryId: number;
  childCode: string | null;
  date: string;
  differences: Array<{ field: string; here: string; file: string }>;
}

/** What importing a CSV would do, before anything changes: how the file was read, the new forms, those already here, the conflicts to decide and the columns the form does not have. */
export interface CsvPreview {
  ok: true;
  rows: number;
  newForms: number;
  unchanged: number;
  conflicts: CsvConflict[];
  unknownColumns: string[];
  delimiter: ',' | ';' | '\t';
  encoding: 'utf-8' | 'utf-16' | 'windows-1252';
  dateOrder: DateOrder;
}
/** A refused CSV lists its first 500 problems, then one that says how many more (`total` counts them all). */
export type CsvRefused = { ok: false; problems: ImportProblem[]; total: number };

/** Why one submission of an export (or one form of a merged backup) is not taken in. */
export type SubmissionProblemCode =
  | 'answer' | 'unknown-choice' | 'no-instance-id' | 'encrypted' | 'rejected-on-server' | 'row-cells'
  | 'no-child' | 'code-on-register' | 'code-twice' | 'submission-twice' | 'other-child'
  | 'csv-choice' | 'csv-undecided' | 'csv-unknown-column' | 'csv-column-twice' | 'csv-code-twice' | 'csv-more';

/** A refused submission: its table and row (the header is row 1), the column at fault, a code and its parameters, and the sentence in the reader's language. */
export interface SubmissionProblem {
  table: string;
  row: number;
  column?: string;
  code: SubmissionProblemCode;
  params: Record<string, string | number>;
  message: string;
}

/** What importing an export would do, before anything changes (and, after commit-import, what it did). */
export interface ImportPreview {
  fileName: string;
  format: 'odk-central-zip' | 'odk-central-csv' | 'kobo-xlsx' | 'kobo-csv';
  server: 'odk-central' | 'kobotoolbox';
  /** Field names as column headers, or a language's labels. */
  headers: 'names' | 'labels';
  /** The monitoring form recognised, its XLSForm form_id and version, and how it was recognised. */
  form: { id: string; formId: string; version: string; recognisedBy: 'form-id' | 'form-title' | 'columns' };
  /** The form versions the submissions were collected with, as the server writes them, with their rows. */
  formVersions: Array<{ version: string; rows: number }>;
  /** Rows of the submissions table. */
  submissions: number;
  /** Registrations that add a child to the register. */
  newChildren: number;
  /** Every form that would be added (those registrations included). */
  newForms: number;
  /** Forms already imported that the server has a newer version of: replaced, the old answers kept in the history. */
  updates: number;
  /** Submissions already here, as they are. */
  unchanged: number;
  refusedRows: number;
  /** The first 500 problems; problemsTotal counts them all. */
  problems: SubmissionProblem[];
  problemsTotal: number;
  /** Columns and repeat groups Puente's form does not have: kept with each entry and shown in the child's history. */
  unknownFields: Array<{ name: string; rows: number }>;
  /** Answers that are not among the choices of Puente's form: kept with the entry, not counted. */
  unknownChoices: Array<{ question: string; value: string; rows: number }>;
}

/** A child as a merge preview shows it, beside the one it may be. */
export interface MergeChild {
  code: string;
  sex: 'f' | 'm';
  age: number;
  community: string;
  registeredOn: string;
  status: string;
  /** Forms about the child, the registration included. */
  forms: number;
}

export interface MergeDuplicate {
  /** The id to answer in the decisions. */
  id: string;
  /** same-code: the same code, registered separately; similar: same sex, community and age, registered close together. */
  reason: 'same-code' | 'similar';
  backup: MergeChild;
  here: MergeChild & { childId: number };
}

/** One form with different answers here and in the backup, side by side. */
export interface MergeConflict {
  id: string;
  instrumentId: string;
  childCode: string | null;
  date: string;
  /** The questions whose answers differ. */
  fields: string[];
  here: { answers: Answers; updatedAt: string; deviceId: string | null };
  backup: { answers: Answers; updatedAt: string; deviceId: string | null };
}

/** What merging another laptop's backup would do, before anything changes. */
export interface MergePreview {
  /** The laptop the backup comes from. */
  device: { id: string; name: string };
  /** The backup was made on this laptop. */
  sameDevice: boolean;
  backup: RecordsSummary;
  newChildren: number;
  newForms: number;
  /** Forms the backup has a later version of (this laptop's version is among the backup's earlier ones). */
  updates: number;
  unchanged: number;
  /** Forms of the backup deleted here (a deleted child's forms too): they do not come back. */
  deletedHere: number;
  /** Forms here that were deleted on the other laptop: the merge deletes them here too. */
  deletedThere: number;
  duplicates: MergeDuplicate[];
  conflicts: MergeConflict[];
  problems: SubmissionProblem[];
  problemsTotal: number;
}

/** A version an entry had before it was replaced (by an edit on the server, or a merge). */
export interface EntryVersion {
  answers: Answers;
  entryDate: string;
  origin: 'device' | 'server';
  deviceId: string | null;
  server: string | null;
  submissionVersion: string | null;
  unrecognised: Record<string, unknown> | null;
  savedAt: string;
  replacedAt: string;
  reason: 'server-edit' | 'merge-replaced' | 'merge-declined' | 'merge-joined' | 'corrected';
}

export interface RecordsResults {
  status: RecordsStatus;
  unlock: RecordsStatus;
  'set-passphrase': RecordsStatus;
  'save-entry': { ok: true; entryId: number; childId: number | null } | { ok: false; errors: Array<{ question: string; message: string }> };
  'update-entry': { ok: true; entryId: number; childId: number | null } | { ok: false; errors: Array<{ question: string; message: string }> };
  'delete-entry': true;
  'delete-child': true;
  'list-children': { total: number; rows: ChildRow[] };
  /** A child, every form about the child, and the laptops those forms name (this one first). */
  'child-history': { child: ChildRow; entries: EntryRow[]; devices: Array<{ id: string; name: string; here: boolean }> };
  /** The figures of the scope asked for, and what the roll-up can be filtered by: communities, laptops (this one first), technicians' codes. */
  dashboard: { quarters: QuarterFigures[]; communities: string[]; devices: Array<{ id: string; name: string; here: boolean }>; technicians: string[] };
  /** With a language: the file named in it, and semicolons between cells for Spanish spreadsheets. */
  'export-csv': { fileName: string; bytes: Uint8Array; rows: number };
  /** The answers with labels in the reader's language, the same as codes, and a codebook. */
  'export-xlsx': { fileName: string; bytes: Uint8Array; rows: number };
  'preview-csv': CsvPreview | CsvRefused;
  /** `written` counts the new forms and the updated ones. */
  'import-csv': { ok: true; written: number; added: number; updated: number; skipped: number; unchanged: number } | CsvRefused;
  'export-aggregate': { fileName: string; bytes: Uint8Array };
  'export-database': { fileName: string; bytes: Uint8Array };
  'preview-restore': RestorePreview;
  'restore-database': RecordsStatus;
  'undo-restore': RecordsStatus;
  /** Tries to write pending changes now; the status says whether it worked. */
  'save-now': RecordsStatus;
  /** The import or restore running now, answered even while it runs. */
  progress: TaskProgress | null;
  /** Stops the running import or restore, which then changes nothing; false when none was running. */
  cancel: boolean;
  'delete-all': RecordsStatus;
  'preview-import': ImportPreview;
  'commit-import': ImportPreview & { written: { added: number; updated: number } };
  'preview-merge': MergePreview;
  'commit-merge': MergePreview & { written: { added: number; updated: number; joined: number } };
  /** The versions a form had before, oldest first. */
  'entry-history': EntryVersion[];
  'set-device-name': RecordsStatus;
}
export type RecordsResult<R extends RecordsRequest> = RecordsResults[R['op']];
