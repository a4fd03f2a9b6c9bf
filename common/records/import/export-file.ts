/**
 * Which export a file is, by what it holds (never by its name): a zip with CSV tables is ODK
 * Central's `.csv.zip`, a zip with a workbook is KoboToolbox's XLSX, a text file with Central's or
 * KoboToolbox's columns is their CSV. A file of another kind (a PDF, a picture, a database, a
 * Word file renamed .csv), a damaged zip or workbook, or a table without the server's columns is
 * refused with a RecordsError that says what it is; nothing is changed.
 */
import { unzipSync } from 'fflate';
import { RecordsError } from '../records-store.ts';
import { csvTable, isUtf16 } from './csv-table.ts';
import { isKoboTable, readKoboCsv, readKoboSheets } from './kobotoolbox.ts';
import { isCentralTable, readCentralCsv, readCentralZip } from './odk-central.ts';
import type { ExportTable, SubmissionExport } from './submission-export.ts';
import { readXlsx, XlsxError } from './xlsx-reader.ts';

/** The first bytes of the files people most often pick by mistake. */
const SIGNATURES: Array<{ kind: string; bytes: number[] }> = [
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'old Excel or Word file (.xls, .doc)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: 'SQLite database (a Puente backup? use "Merge a backup")', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
  { kind: 'encrypted Puente backup (use "Merge a backup")', bytes: [0x50, 0x55, 0x45, 0x4e, 0x54, 0x45] },
];
const ZIP = [0x50, 0x4b];
/** A zip may unpack to at most this much (a zip bomb is refused before it fills the memory). */
const MAX_UNZIPPED = 400 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

function notAnExport(fileName: string, kind: string): RecordsError {
  return new RecordsError('not-an-export', `"${fileName}" is a ${kind}, not a submissions export: download the data from ODK Central (CSV zip) or KoboToolbox (XLSX or CSV). Nothing was changed.`, { file: fileName, kind });
}

function unzip(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED) throw new RecordsError('damaged-export', `"${fileName}" unpacks to more than ${MAX_UNZIPPED / 1024 / 1024} MB, more than any export of these forms. Nothing was changed.`, { file: fileName, reason: 'too large' });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RecordsError) throw error;
    throw new RecordsError('damaged-export', `"${fileName}" is a damaged or incomplete zip file (${error instanceof Error ? error.message : String(error)}): download the export again. Nothing was changed.`, { file: fileName, reason: 'damaged zip' });
  }
}

function workbookExport(fileName: string, files: Record<string, Uint8Array>): SubmissionExport {
  let sheets: ExportTable[];
  try {
    sheets = readXlsx(files).map((s) => {
      const [head, ...rest] = s.rows;
      const header = (head?.cells ?? []).map((c) => String(c).trim());
      // KoboToolbox may add a row of HXL hashtags under the header.
      const tagRow = rest[0] && rest[0].cells.every((c) => c === '' || String(c).startsWith('#'));
      return { name: s.name, header, rows: tagRow ? rest.slice(1) : rest };
    });
  } catch (error) {
    if (error instanceof XlsxError) {
      throw new RecordsError('damaged-export', `"${fileName}" is a damaged workbook (${error.message}): download the export again. Nothing was changed.`, { file: fileName, reason: error.message });
    }
    throw error;
  }
  const kobo = readKoboSheets(fileName, sheets);
  if (!kobo) throw notAnExport(fileName, 'workbook without the columns of a KoboToolbox export (_uuid, _submission_time)');
  return kobo;
}

/** Reads an export file whole; throws a RecordsError (not-an-export, damaged-export, cut-short, no-root-table, empty-file) when it cannot. */
export function readSubmissionExport(fileName: string, bytes: Uint8Array): SubmissionExport {
  if (bytes.byteLength === 0) throw new RecordsError('empty-file', `"${fileName}" is empty (0 bytes). Nothing was changed.`, { file: fileName });
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) throw notAnExport(fileName, known.kind);
  if (startsWith(bytes, ZIP)) {
    const files = unzip(fileName, bytes);
    if (files['xl/workbook.xml']) return workbookExport(fileName, files);
    if (files['word/document.xml']) throw notAnExport(fileName, 'Word document');
    if (files['content.xml'] && files['mimetype']) throw notAnExport(fileName, 'OpenDocument file (save it as XLSX or CSV)');
    return readCentralZip(fileName, files);
  }
  if (!isUtf16(bytes) && bytes.subarray(0, 8192).includes(0)) throw notAnExport(fileName, 'binary file');
  const table = csvTable(fileName, bytes);
  if (isCentralTable(table.header)) return readCentralCsv(fileName, table);
  if (isKoboTable(table.header)) return readKoboCsv(fileName, table);
  throw notAnExport(fileName, 'table without the columns of an ODK Central or KoboToolbox export (KEY, _uuid)');
}
