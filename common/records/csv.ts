/**
 * CSV as spreadsheets expect it: UTF-8 with a byte-order mark (so Excel shows Spanish correctly), CRLF, quoted when
 * needed, and no cell a spreadsheet would run as a formula.
 */

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

export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map(cell).join(','));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

export type CsvParse = { ok: true; header: string[]; rows: Array<{ line: number; cells: string[] }> } | { ok: false; line: number; message: string };

/**
 * Parses RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes); each row keeps the line it starts on.
 * The delimiter is a comma unless told (KoboToolbox writes semicolons).
 */
export function parseCsv(bytes: Uint8Array, options: { delimiter?: ',' | ';' | '\t' } = {}): CsvParse {
  const delimiter = options.delimiter ?? ',';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, line: 1, message: 'the file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"' };
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cur += '"'; i++; } else { quoted = false; afterQuote = true; }
      } else {
        if (ch === '\n') line++;
        cur += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cur.length > 0 || afterQuote) return { ok: false, line, message: 'a quote (") in the middle of a cell: put the whole cell in quotes and double the quote' };
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cur); cur = ''; afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cur); cur = ''; afterQuote = false;
      records.push({ line: startLine, cells });
      cells = [];
      line++;
      startLine = line;
    } else {
      if (afterQuote) return { ok: false, line, message: 'text after a closing quote in a cell' };
      cur += ch;
    }
  }
  if (quoted) return { ok: false, line: startLine, message: 'a quoted cell is never closed (a missing ")' };
  if (cur.length > 0 || cells.length > 0) { cells.push(cur); records.push({ line: startLine, cells }); }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { ok: false, line: 1, message: 'the file is empty' };
  const [head, ...rest] = nonEmpty;
  return { ok: true, header: head.cells.map((c) => c.trim()), rows: rest.map((r) => ({ line: r.line, cells: r.cells.map(unneutralise) })) };
}
