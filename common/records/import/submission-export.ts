/**
 * What every reader of a server's export gives the field mapping: the root table's columns, one
 * submission per row with its identity on the server, and the rows of its repeat groups. The
 * server-specific shapes live in odk-central.ts and kobotoolbox.ts.
 */
import type { CellValue } from './xlsx-reader.ts';

export type ServerKind = 'odk-central' | 'kobotoolbox';
export type ExportFormat = 'odk-central-zip' | 'odk-central-csv' | 'kobo-xlsx' | 'kobo-csv';

/** A table as read from a CSV file or a sheet: its header and its rows, each with the line it starts on. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: Array<{ line: number; cells: CellValue[] }>;
}

/** Who a submission is on its server. */
export interface SubmissionIdentity {
  /** The id that stays the same when the submission is edited on the server (without "uuid:"). */
  key: string;
  /** The id of this version of the submission (a new one after each edit). */
  version: string;
  /** The version it replaced, when the export says. */
  replaces: string | null;
  /** KoboToolbox's own number for the submission (_id), which also survives edits. */
  recordId: string | null;
  /** How many times it was edited on the server (ODK Central's Edits), when the export says. */
  edits: number | null;
  /** The form version it was collected with, as the server writes it. */
  formVersion: string | null;
  submittedAt: string | null;
  submitter: string | null;
  deviceId: string | null;
}

/** A row the reader could not take as a submission, and why (a code for the screen, its parameters). */
export interface RowRefusal {
  code: 'no-instance-id' | 'encrypted' | 'rejected-on-server' | 'row-cells';
  params: Record<string, string | number>;
}

export interface RepeatRow {
  table: string;
  line: number;
  values: Record<string, CellValue>;
}

export interface ExportSubmission {
  /** The row's line in the root table (the header is line 1). */
  line: number;
  cells: CellValue[];
  identity: SubmissionIdentity | null;
  refusal: RowRefusal | null;
  repeats: RepeatRow[];
}

export interface SubmissionExport {
  format: ExportFormat;
  server: ServerKind;
  fileName: string;
  /** The root table's name (a file in the zip, a sheet, the file itself). */
  rootName: string;
  /** The form id the file names (ODK Central names its files after it), or null. */
  formIdHint: string | null;
  /** The form title the file names (KoboToolbox names the sheet and the file after the project), or null. */
  titleHint: string | null;
  header: string[];
  /** Columns the server adds (ids, dates, submitter…): never one of the form's questions. */
  metaColumns: ReadonlySet<string>;
  /** How the server joins a group and a question in a column name: "group-question" or "group/question". */
  groupSeparator: '-' | '/';
  submissions: ExportSubmission[];
  /** Repeat groups the export has (one table each), by name. */
  repeatTables: string[];
}

/** "uuid:1234…" and "1234…" are the same instance id (ODK keeps the prefix, KoboToolbox's _uuid drops it). */
export function normaliseInstanceId(id: string): string {
  return id.trim().replace(/^uuid:/i, '');
}

/** The text of a cell as a reader sees it: numbers in their shortest form ("61", not "61.0"). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

/** A row's cells by column name. */
export function cellsByName(header: readonly string[], cells: readonly CellValue[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  header.forEach((h, i) => {
    if (h !== '') out[h] = cells[i] ?? '';
  });
  return out;
}
