/**
 * CSV as spreadsheets expect it: UTF-8 with a byte-order mark (so Excel shows Spanish correctly), CRLF, quoted when
 * needed, and no cell a spreadsheet would run as a formula.
 */

import type { Lang } from '../facets.ts';
import type { CsvParseCode } from './refusal-codes.ts';
import { csvProblemText } from './refusal-words.ts';

const BOM = '\uFEFF';

/** The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number is never a formula: "-3" and "+2.5" stay numbers in the spreadsheet. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Would a spreadsheet run this text as a formula? (Used to refuse such codes and community names at entry.) */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * A cell a spreadsheet shows as text: one that starts like a formula gets a single quote in
 * front (OWASP's advice), and so does one that already starts with quotes before such a
 * character, so that reading the file back removes exactly the quote written here.
 */
function neutralise(value: string): string {
  return startsLikeFormula(value.replace(/^'+/, '')) ? `'${value}` : value;
}

/** The inverse of neutralise, for a cell read from a file. */
function unneutralise(value: string): string {
  return value.startsWith("'") && startsLikeFormula(value.replace(/^'+/, '')) ? value.slice(1) : value;
}

function cell(raw: string): string {
  const value = neutralise(raw);
  return /[",\r\n;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The delimiter is a comma unless told (Spanish spreadsheets expect semicolons). */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>, delimiter: ',' | ';' = ','): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

export type { CsvParseCode } from './refusal-codes.ts';

export type CsvParse = { ok: true; header: string[]; rows: Array<{ line: number; cells: string[] }> } | { ok: false; line: number; code: CsvParseCode; message: string };

/**
 * Parses RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes); each row keeps the line it starts on.
 * The delimiter is a comma unless told (KoboToolbox writes semicolons); a refusal's message is in `lang` (English unless told).
 */
export function parseCsv(bytes: Uint8Array, options: { delimiter?: ',' | ';' | '\t'; lang?: Lang } = {}): CsvParse {
  const delimiter = options.delimiter ?? ',';
  const refuse = (line: number, code: CsvParseCode): CsvParse => ({ ok: false, line, code, message: csvProblemText(code, options.lang ?? 'en') });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(1, 'not-utf8');
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  // One pass that slices whole runs of plain text instead of adding characters one by one (a 2 MB file in tens of ms, not a second).
  const records: Array<{ line: number; cells: string[] }> = [];
  const QUOTE = 34, CR = 13, LF = 10, DELIM = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let startLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    records.push({ line: startLine, cells });
    cells = [];
    line++;
    startLine = line;
  };
  while (i <= n) {
    if (i === n) {
      // The end of the text: a last cell or record without a line break.
      if (cells.length > 0) { cells.push(''); records.push({ line: startLine, cells }); }
      break;
    }
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted cell: up to the closing quote, doubled quotes standing for one.
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) return refuse(startLine, 'unclosed-quote');
        const chunk = text.slice(from, close);
        for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
        value += chunk;
        if (text.charCodeAt(close + 1) === QUOTE) { value += '"'; from = close + 2; continue; }
        i = close + 1;
        break;
      }
      const next = i < n ? text.charCodeAt(i) : -1;
      if (next !== -1 && next !== DELIM && next !== CR && next !== LF) return refuse(line, 'text-after-quote');
      cells.push(value);
    } else {
      // A plain cell: up to the next delimiter or line break; a quote inside it is an error.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === DELIM || c === CR || c === LF) break;
        if (c === QUOTE) return refuse(line, 'quote-in-cell');
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) { records.push({ line: startLine, cells }); break; }
    const c = text.charCodeAt(i);
    if (c === DELIM) {
      i++;
      if (i === n) { cells.push(''); records.push({ line: startLine, cells }); break; }
    } else {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
      if (i === n) break;
    }
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return refuse(1, 'empty');
  const [head, ...rest] = nonEmpty;
  return { ok: true, header: head.cells.map((c) => c.trim()), rows: rest.map((r) => ({ line: r.line, cells: r.cells.map(unneutralise) })) };
}
