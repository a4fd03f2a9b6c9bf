/**
 * ODK Central's submission exports: the `.csv.zip` (the root table `<formId>.csv`, and one
 * `<formId>-<repeat>.csv` per repeat group, joined by KEY and PARENT_KEY) and the root table
 * alone as a `.csv`. Shapes as Central's own tests write them (getodk/central-backend,
 * test/unit/data/briefcase.js and test/integration/api/submissions.js): `SubmissionDate` first,
 * the form's fields with their groups joined by "-" (`group-question`), `meta-instanceID`, then
 * `KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,
 * DeviceID,Edits,FormVersion`; a select_multiple as space-separated values, optionally followed by
 * `question/choice` columns of 1 and 0. KEY is the submission's first instance id and stays the
 * same when the submission is edited; meta-instanceID is the current version's.
 */
import { RecordsError } from '../records-store.ts';
import { csvTable } from './csv-table.ts';
import { cellsByName, cellText, normaliseInstanceId, type ExportSubmission, type ExportTable, type RepeatRow, type SubmissionExport } from './submission-export.ts';

/** The columns Central adds to the root table, and those of a repeat table. */
const CENTRAL_COLUMNS = ['SubmissionDate', 'KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion', 'PARENT_KEY'];
/** The form's own meta group, with or without its group name ("Remove group names" in Central's export). */
const META_FIELDS = ['instanceID', 'deprecatedID', 'instanceName', 'audit'];

function metaColumnsOf(header: readonly string[]): Set<string> {
  return new Set(header.filter((h) => CENTRAL_COLUMNS.includes(h) || h.startsWith('meta-') || META_FIELDS.includes(h)));
}

/** Does this table look like a Central export (its KEY and SubmissionDate columns)? */
export function isCentralTable(header: readonly string[]): boolean {
  return header.includes('KEY') && (header.includes('SubmissionDate') || header.includes('PARENT_KEY'));
}

function submissionsOf(root: ExportTable, repeats: readonly ExportTable[]): ExportSubmission[] {
  const byKey = new Map<string, RepeatRow[]>();
  for (const table of repeats) {
    for (const row of table.rows) {
      const values = cellsByName(table.header, row.cells);
      // A repeat row's KEY is "<submission KEY>/<group>[n]/…": its submission is what comes before the first "/".
      const rootKey = cellText(values.PARENT_KEY).split('/')[0];
      const { PARENT_KEY: _p, KEY: _k, ...fields } = values;
      const list = byKey.get(rootKey) ?? [];
      list.push({ table: table.name, line: row.line, values: fields });
      byKey.set(rootKey, list);
    }
  }
  const column = (...names: string[]) => names.map((n) => root.header.indexOf(n)).find((i) => i !== -1) ?? -1;
  const [key, instance, deprecated, edits, formVersion, submitted, submitter, device, status, review] = [
    column('KEY'), column('meta-instanceID', 'instanceID'), column('meta-deprecatedID', 'deprecatedID'), column('Edits'), column('FormVersion'),
    column('SubmissionDate'), column('SubmitterName'), column('DeviceID'), column('Status'), column('ReviewState'),
  ];
  return root.rows.map(({ line, cells }): ExportSubmission => {
    const at = (i: number) => (i === -1 ? '' : cellText(cells[i]));
    const id = at(key);
    const base = { line, cells, repeats: byKey.get(id) ?? [] };
    if (cells.length !== root.header.length) return { ...base, identity: null, refusal: { code: 'row-cells', params: { cells: cells.length, expected: root.header.length } } };
    if (!id) return { ...base, identity: null, refusal: { code: 'no-instance-id', params: { column: 'KEY' } } };
    return {
      ...base,
      identity: {
        key: normaliseInstanceId(id), version: normaliseInstanceId(at(instance) || id), replaces: at(deprecated) ? normaliseInstanceId(at(deprecated)) : null,
        recordId: null, edits: /^\d+$/.test(at(edits)) ? Number(at(edits)) : null, formVersion: at(formVersion) || null,
        submittedAt: at(submitted) || null, submitter: at(submitter) || null, deviceId: at(device) || null,
      },
      // Encrypted data Central could not decrypt has no answers; a submission a reviewer rejected is not taken in.
      refusal: at(status) ? { code: 'encrypted', params: { status: at(status) } } : at(review) === 'rejected' ? { code: 'rejected-on-server', params: { state: 'rejected' } } : null,
    };
  });
}

function exportOf(format: SubmissionExport['format'], fileName: string, root: ExportTable, repeats: ExportTable[], formIdHint: string | null): SubmissionExport {
  return {
    format, server: 'odk-central', fileName, rootName: root.name, formIdHint, titleHint: null, header: root.header,
    metaColumns: metaColumnsOf(root.header), groupSeparator: '-', submissions: submissionsOf(root, repeats),
    repeatTables: repeats.map((r) => r.name),
  };
}

/** "puente_child_registration.csv" → "puente_child_registration"; a browser's " (1)" on a second download is dropped. */
export function formIdOfFileName(name: string): string | null {
  const base = name.split('/').pop()!.replace(/\.(csv\.zip|zip|csv)$/i, '').replace(/\s*\(\d+\)$/, '');
  return /^[A-Za-z_][\w.-]*$/.test(base) ? base : null;
}

/** The files of a `.csv.zip` (already unzipped). Throws when there is no root table. */
export function readCentralZip(fileName: string, files: Record<string, Uint8Array>): SubmissionExport {
  const csvNames = Object.keys(files).filter((n) => /\.csv$/i.test(n) && !n.endsWith('/')).sort();
  const tables = csvNames.map((n) => csvTable(n, files[n], ','));
  const roots = tables.filter((t) => !t.header.includes('PARENT_KEY'));
  const root = roots.find((t) => isCentralTable(t.header)) ?? null;
  if (!root) {
    const listed = Object.keys(files).filter((n) => !n.endsWith('/')).slice(0, 10);
    throw new RecordsError('no-root-table', `"${fileName}" has no submissions table: an ODK Central export holds <form id>.csv with a KEY and a SubmissionDate column${listed.length ? `, and this one holds ${listed.join(', ')}` : ' (this zip is empty)'}. Nothing was changed.`,
      { file: fileName, found: listed.join(', ') });
  }
  const prefix = root.name.replace(/\.csv$/i, '');
  const repeats = tables.filter((t) => t !== root && t.header.includes('PARENT_KEY'))
    .map((t) => ({ ...t, name: t.name.replace(/\.csv$/i, '').replace(`${prefix}-`, '') }));
  return exportOf('odk-central-zip', fileName, root, repeats, formIdOfFileName(root.name));
}

/** The root table downloaded alone, as `.csv`. */
export function readCentralCsv(fileName: string, table: ExportTable): SubmissionExport {
  return exportOf('odk-central-csv', fileName, table, [], formIdOfFileName(fileName));
}
