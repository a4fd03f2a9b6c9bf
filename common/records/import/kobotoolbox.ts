/**
 * KoboToolbox's submission exports, as its export library writes them (kobotoolbox/formpack,
 * src/formpack/reporting/export.py, and kpi's export tests): XLSX with one sheet per section (the
 * root sheet named after the project, one sheet per repeat group), CSV of the root section only,
 * separated by ";" unless the person chose otherwise, every cell quoted. Headers are the field
 * names ("XML values and headers", groups joined by "/" when "include groups" is on) or the labels
 * of a chosen language; a select_multiple is its answers separated by spaces, optionally followed
 * by "question/choice" columns of 1 and 0. After the form's columns come `_id, _uuid,
 * _submission_time, _validation_status, _notes, _status, _submitted_by, __version__, _tags,
 * _index`; a repeat sheet ends with `_index, _parent_table_name, _parent_index` and the
 * submission's columns prefixed `_submission_`. `_uuid` changes with every edit; `_id` (and
 * `meta/rootUuid` in recent versions) stays.
 */
import { cellsByName, cellText, normaliseInstanceId, type ExportSubmission, type ExportTable, type RepeatRow, type SubmissionExport } from './submission-export.ts';

/** Columns KoboToolbox adds: they start with "_" (`_id`, `__version__`, `_submission__uuid`…), and the form's meta and formhub groups. */
const isKoboMeta = (h: string) => h.startsWith('_') || /^(meta|formhub)[/-]/.test(h) || h === 'instanceID' || h === 'rootUuid' || h === 'deprecatedID';

/** Does this table look like a KoboToolbox export (its `_uuid`, `_submission_time` or `_index` columns)? */
export function isKoboTable(header: readonly string[]): boolean {
  return header.includes('_uuid') || header.includes('_submission_time') || (header.includes('_id') && header.includes('_index'));
}

/** A sheet is a repeat group's when it names its parent. */
export const isKoboRepeatTable = (header: readonly string[]) => header.includes('_parent_index');

/** A validation status a reviewer set to "not approved" (the label, or its id in an export of XML values). */
const notApproved = (status: string) => /not[\s_-]*approved/i.test(status);

function repeatsByRootIndex(root: ExportTable, repeats: readonly ExportTable[]): Map<string, RepeatRow[]> {
  const rootName = root.name;
  const indexOf = new Map<string, Map<string, Record<string, unknown>>>();
  for (const t of repeats) indexOf.set(t.name, new Map(t.rows.map((r) => [cellText(cellsByName(t.header, r.cells)._index), cellsByName(t.header, r.cells)])));
  const uuidToIndex = new Map(root.rows.map((r) => {
    const v = cellsByName(root.header, r.cells);
    return [cellText(v._uuid), cellText(v._index)];
  }));
  const out = new Map<string, RepeatRow[]>();
  for (const t of repeats) {
    for (const row of t.rows) {
      const v = cellsByName(t.header, row.cells);
      let rootIndex = cellText(v._submission__uuid) ? uuidToIndex.get(cellText(v._submission__uuid)) : undefined;
      // Without the submission's columns, climb the parents to the root sheet (ten levels at most).
      let parent = { table: cellText(v._parent_table_name), index: cellText(v._parent_index) };
      for (let depth = 0; rootIndex === undefined && depth < 10; depth++) {
        if (parent.table === rootName || !indexOf.has(parent.table)) rootIndex = parent.index;
        else {
          const up = indexOf.get(parent.table)!.get(parent.index) as Record<string, string | number> | undefined;
          if (!up) break;
          parent = { table: cellText(up._parent_table_name), index: cellText(up._parent_index) };
        }
      }
      if (rootIndex === undefined) continue;
      const fields = Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_')));
      const list = out.get(rootIndex) ?? [];
      list.push({ table: t.name, line: row.line, values: fields });
      out.set(rootIndex, list);
    }
  }
  return out;
}

function submissionsOf(root: ExportTable, repeats: readonly ExportTable[]): ExportSubmission[] {
  const repeatRows = repeatsByRootIndex(root, repeats);
  const column = (...names: string[]) => names.map((n) => root.header.indexOf(n)).find((i) => i !== -1) ?? -1;
  const [index, uuid, instance, rootUuid, deprecated, recordId, version, submitted, submitter, device, validation] = [
    column('_index'), column('_uuid'), column('meta/instanceID', 'instanceID'), column('meta/rootUuid', 'rootUuid'), column('meta/deprecatedID', 'deprecatedID'),
    column('_id'), column('__version__', '_version_'), column('_submission_time'), column('_submitted_by'), column('deviceid'), column('_validation_status'),
  ];
  return root.rows.map(({ line, cells }): ExportSubmission => {
    const at = (i: number) => (i === -1 ? '' : cellText(cells[i]));
    const base = { line, cells, repeats: repeatRows.get(at(index)) ?? [] };
    if (cells.length > root.header.length) return { ...base, identity: null, refusal: { code: 'row-cells' as const, params: { cells: cells.length, expected: root.header.length } } };
    const current = at(uuid) || at(instance);
    if (!current) return { ...base, identity: null, refusal: { code: 'no-instance-id' as const, params: { column: '_uuid' } } };
    const status = at(validation);
    return {
      ...base,
      identity: {
        key: normaliseInstanceId(at(rootUuid) || current), version: normaliseInstanceId(current), replaces: at(deprecated) ? normaliseInstanceId(at(deprecated)) : null,
        recordId: at(recordId) || null, edits: null, formVersion: at(version) || null,
        submittedAt: at(submitted) || null, submitter: at(submitter) || null, deviceId: at(device) || null,
      },
      refusal: notApproved(status) ? { code: 'rejected-on-server' as const, params: { state: status } } : null,
    };
  });
}

/** "Ficha de registro_-_all_versions_-_labels_-_2026-12-01-10-22-05.xlsx" → "Ficha de registro". */
export function titleOfFileName(name: string): string | null {
  const base = name.split('/').pop()!.replace(/\.(xlsx|csv)$/i, '').replace(/\s*\(\d+\)$/, '');
  const title = base.split(/_-_| - /)[0].trim();
  return title || null;
}

function exportOf(format: SubmissionExport['format'], fileName: string, root: ExportTable, repeats: ExportTable[], titleHint: string | null): SubmissionExport {
  return {
    format, server: 'kobotoolbox', fileName, rootName: root.name, formIdHint: null, titleHint, header: root.header,
    metaColumns: new Set(root.header.filter(isKoboMeta)), groupSeparator: '/', submissions: submissionsOf(root, repeats),
    repeatTables: repeats.map((r) => r.name),
  };
}

/** The sheets of an XLSX export: the root sheet is the first that names no parent. */
export function readKoboSheets(fileName: string, sheets: readonly ExportTable[]): SubmissionExport | null {
  const root = sheets.find((s) => !isKoboRepeatTable(s.header) && isKoboTable(s.header));
  if (!root) return null;
  const repeats = sheets.filter((s) => s !== root && isKoboRepeatTable(s.header));
  return exportOf('kobo-xlsx', fileName, root, repeats, root.name || titleOfFileName(fileName));
}

export function readKoboCsv(fileName: string, table: ExportTable): SubmissionExport {
  return exportOf('kobo-csv', fileName, table, [], titleOfFileName(fileName));
}
