/**
 * A CSV file of a server export as a table: the text decoded (UTF-8, or Windows-1252 when a
 * spreadsheet re-saved it), the delimiter found from the header line, parsed by the one CSV
 * parser (../csv.ts). A file cut short (a quoted cell never closed, a last row with fewer cells
 * than the header) is refused as a whole, since its last submission would be wrong.
 */
import { parseCsv } from '../csv.ts';
import { refusal } from '../records-store.ts';
import type { ExportTable } from './submission-export.ts';

/** Does the text start with a UTF-16 byte-order mark (Excel's "Unicode text")? */
export const isUtf16 = (bytes: Uint8Array) => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/**
 * The bytes as UTF-8, and how they were written: UTF-16 with its byte-order mark is converted, and a
 * file that is not valid UTF-8 was saved by a spreadsheet in Windows-1252 (Latin-1 and the Euro sign).
 */
export function spreadsheetText(bytes: Uint8Array): { utf8: Uint8Array; encoding: 'utf-8' | 'utf-16' | 'windows-1252' } {
  if (isUtf16(bytes)) return { utf8: new TextEncoder().encode(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)), encoding: 'utf-16' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { utf8: bytes, encoding: 'utf-8' };
  } catch {
    return { utf8: new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/** The bytes as UTF-8 (see spreadsheetText). */
export const asUtf8 = (bytes: Uint8Array): Uint8Array => spreadsheetText(bytes).utf8;

/** The delimiter of the header line (outside quotes): the most frequent of ";", "," and tab; a comma on a tie. */
export function headerDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** A row under the header that only holds HXL hashtags (KoboToolbox adds one when questions have tags). */
const isTagRow = (cells: readonly string[]) => cells.some((c) => c.trim() !== '') && cells.every((c) => c.trim() === '' || c.trim().startsWith('#'));

/** A CSV file of an export as a table; throws a RecordsError naming the file and line when it cannot be read whole. */
export function csvTable(name: string, bytes: Uint8Array, delimiter?: ',' | ';' | '\t'): ExportTable {
  const utf8 = asUtf8(bytes);
  const sep = delimiter ?? headerDelimiter(new TextDecoder().decode(utf8.subarray(0, 65_536)));
  const parsed = parseCsv(utf8, { delimiter: sep });
  if (!parsed.ok) {
    // A quoted cell that never closes is a download cut short; any other fault, a damaged file.
    if (parsed.code === 'unclosed-quote') throw refusal('cut-short', { file: name, line: parsed.line });
    throw refusal('damaged-export', { file: name, line: parsed.line, reason: parsed.code, detail: parsed.message });
  }
  const rows = parsed.rows[0] && isTagRow(parsed.rows[0].cells) ? parsed.rows.slice(1) : parsed.rows;
  const last = rows.at(-1);
  if (last && last.cells.length < parsed.header.length) {
    throw refusal('cut-short', { file: name, line: last.line, cells: last.cells.length, expected: parsed.header.length });
  }
  return { name, header: parsed.header, rows };
}
